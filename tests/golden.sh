#!/bin/sh
# golden.sh RKTC — data-driven golden tests.
#
# testdata/parse/NAME.hcl: `rktc parse` on the input must print NAME.out
# (JSON, compared after jq -S) and exit 0, or print NAME.err on stderr
# and exit 2. NAME.ref keeps the HCL1 reference's own message for the
# reader. tests/gen-parse-cases.py writes these from the reference.
#
# Every other testdata/DIR/run.sh is a golden suite of its own: it is run
# as `sh testdata/DIR/run.sh RKTC` and must exit 0.
rktc=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for input in testdata/parse/*.hcl testdata/parse/*.json; do
    [ -f "$input" ] || continue
    base=${input%.*}
    "$rktc" parse "$input" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    if [ -f "$base.out" ]; then
        if [ $rc -eq 0 ] && jq -S . "$tmp/out" >"$tmp/got" 2>/dev/null &&
            jq -S . "$base.out" >"$tmp/want" && cmp -s "$tmp/got" "$tmp/want"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL $input (exit $rc)"
            diff "$tmp/want" "$tmp/got" 2>/dev/null | head -10
            head -3 "$tmp/err"
        fi
    elif [ -f "$base.err" ]; then
        if [ $rc -eq 2 ] && cmp -s "$tmp/err" "$base.err"; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL $input (exit $rc, expected 2)"
            diff "$base.err" "$tmp/err" | head -10
        fi
    else
        fail=$((fail + 1))
        echo "FAIL $input: no $base.out or $base.err"
    fi
done
echo "golden parse: $pass passed, $fail failed"
status=0
[ $fail -eq 0 ] || status=1
for suite in testdata/*/run.sh; do
    [ -f "$suite" ] || continue
    if ! sh "$suite" "$rktc"; then
        echo "FAIL golden suite $suite"
        status=1
    fi
done
exit $status
