#!/bin/sh
# explain.sh RKTC — `rktc explain ID` gives, for every rule of the table, an
# example that fires it ("Bad:") and the fix ("Good:"), each at the start
# of a line, and exits 0; an unknown id is a usage error.
rktc=$1
pass=0 fail=0
ids=$("$rktc" rules --format=json | sed -n 's/.*"id": "\([A-Z][A-Z0-9]*\)".*/\1/p')
[ -n "$ids" ] || { echo "FAIL explain: no rule ids from rktc rules --format=json"; exit 1; }
for id in $ids; do
    text=$("$rktc" explain "$id") || { fail=$((fail + 1)); echo "FAIL explain $id: exit status"; continue; }
    missing=
    printf '%s\n' "$text" | grep -q '^Bad\b' || missing="$missing Bad:"
    printf '%s\n' "$text" | grep -q '^Good\b' || missing="$missing Good:"
    if [ -n "$missing" ]; then
        fail=$((fail + 1)); echo "FAIL explain $id: no$missing section"
    else
        pass=$((pass + 1))
    fi
done
"$rktc" explain NOPE999 >/dev/null 2>&1
[ $? -eq 3 ] || { fail=$((fail + 1)); echo "FAIL explain of an unknown id: not exit status 3"; }
echo "explain: $pass rules with a bad and a good example, $fail failed"
[ $fail -eq 0 ]
