#!/bin/sh
# testdata/validate/run.sh RKTC — rule tests of rktc's Nomad validation.
# For each NAME.hcl (or API JSON NAME.json), the NMD findings of `rktc check --format=json` (one
# "RULE severity LINE:COL message" line each, in report order) must equal
# NAME.expect: the rules that must fire, where, and their messages; a rule
# absent from NAME.expect must not fire. valid-*.hcl expect none.
rktc=${1:?usage: run.sh RKTC}
dir=testdata/validate
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0
for input in "$dir"/*.hcl "$dir"/*.json; do
    [ -f "$input" ] || continue
    base=${input%.*}
    "$rktc" check --format=json "$input" >"$tmp/out" 2>/dev/null
    jq -r '.files[].diagnostics[] | select(.rule | test("^NMD")) |
        "\(.rule) \(.severity) \(.line):\(.column) \(.message)"' "$tmp/out" >"$tmp/got" 2>/dev/null
    if cmp -s "$tmp/got" "$base.expect"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $input"
        diff "$base.expect" "$tmp/got" | head -6
    fi
done
echo "golden validate: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
