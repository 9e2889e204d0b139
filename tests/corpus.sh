#!/bin/sh
# corpus.sh RKTC SHARED — differential test of `rktc parse` against the
# answers of HashiCorp's HCL1 library for every file of SHARED/corpus:
# the same JSON (after jq -S) where the reference accepts the file; exit 2
# and a FILE:LINE:COL message where it refuses it, on the reference's line
# when the reference gives one.
rktc=$1
shared=${2:-../shared}
files=$shared/corpus/files
expected=$shared/corpus/expected
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for f in "$files"/*; do
    name=$(basename "$f")
    "$rktc" parse "$f" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ -f "$expected/$name.hcl1.json" ]; then
        if [ $rc -eq 0 ] && jq -S . "$tmp/out" >"$tmp/got" 2>/dev/null &&
            jq -S . "$expected/$name.hcl1.json" >"$tmp/want" && cmp -s "$tmp/got" "$tmp/want"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL $name: expected the reference's JSON (exit $rc)"
            [ $rc -eq 0 ] && diff "$tmp/want" "$tmp/got" | head -5
            head -3 "$tmp/err"
        fi
    else
        ref=$(cat "$expected/$name.hcl1.err")
        ref_line=$(printf '%s' "$ref" | sed -n 's/.*At \([0-9][0-9]*\):[0-9][0-9]*:.*/\1/p' | head -1)
        [ -z "$ref_line" ] && ref_line=$(printf '%s' "$ref" | sed -n 's/^\([0-9][0-9]*\):[0-9][0-9]*: .*/\1/p' | head -1)
        got_line=$(sed -n "s|^$f:\([0-9][0-9]*\):[0-9][0-9]*: error.*|\1|p" "$tmp/err" | head -1)
        if [ $rc -ne 2 ] || [ -z "$got_line" ]; then
            fail=$((fail + 1))
            echo "FAIL $name: expected exit 2 with a located error (exit $rc); reference: $ref"
            head -3 "$tmp/err"
        elif [ -n "$ref_line" ] && [ "$ref_line" != "$got_line" ]; then
            fail=$((fail + 1))
            echo "FAIL $name: error on line $got_line, reference on line $ref_line: $ref"
            head -3 "$tmp/err"
        else
            pass=$((pass + 1))
        fi
    fi
done
echo "corpus (rktc parse vs HCL1): $pass passed, $fail failed"
[ $fail -eq 0 ]
