#!/bin/sh
# validate-corpus.sh — differential test of rktc's Nomad validation against
# `nomad job validate` of Nomad 0.12.12 (corpus/expected/NAME.validate).
# usage: tests/validate-corpus.sh RKTC SHARED [-v]
# A file Nomad parses but rejects (VALIDATE ERROR) must get at least one
# error-severity NMD/HCL finding from `rktc check --format=json`; a file
# Nomad accepts (VALIDATE OK) must get none. Prints "N passed, N failed"
# and exits 1 when anything failed. tests/validate-problems.py then checks
# that each problem Nomad lists has a finding of the matching rule.
set -u
rktc=${1:?usage: validate-corpus.sh RKTC SHARED [-v]}
shared=${2:?usage: validate-corpus.sh RKTC SHARED [-v]}
verbose=${3:-}
corpus=$shared/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0 bad_pass=0 bad_total=0 good_pass=0 good_total=0
for f in "$corpus"/files/*; do
    name=$(basename "$f")
    exp=$corpus/expected/$name.validate
    [ -f "$exp" ] || continue
    grep -q '^PARSE OK' "$exp" || continue
    "$rktc" check --format=json "$f" >"$tmp/out" 2>/dev/null
    errors=$(jq '[.files[].diagnostics[] | select(.severity == "error" and (.rule | test("^(NMD|HCL)")))] | length' "$tmp/out" 2>/dev/null)
    [ -n "$errors" ] || errors=x
    if grep -q '^VALIDATE ERROR' "$exp"; then
        bad_total=$((bad_total + 1))
        if [ "$errors" != x ] && [ "$errors" -gt 0 ] 2>/dev/null; then
            pass=$((pass + 1)); bad_pass=$((bad_pass + 1))
        else
            fail=$((fail + 1))
            [ -n "$verbose" ] && echo "MISSED $name: $(sed -n '3,6p' "$exp" | tr '\n\t' '  ')"
        fi
    else
        good_total=$((good_total + 1))
        if [ "$errors" = 0 ]; then
            pass=$((pass + 1)); good_pass=$((good_pass + 1))
        else
            fail=$((fail + 1))
            [ -n "$verbose" ] && echo "FALSE $name: $(jq -r '[.files[].diagnostics[] | select(.severity == "error" and (.rule | test("^(NMD|HCL)"))) | "\(.rule) \(.line):\(.column) \(.message)"] | .[0]' "$tmp/out" 2>/dev/null)"
        fi
    fi
done
echo "VALIDATE ERROR: $bad_pass of $bad_total found; VALIDATE OK: $good_pass of $good_total clean"
echo "$pass passed, $fail failed"
python3 tests/validate-problems.py "$rktc" "$shared" || fail=$((fail + 1))
[ "$fail" -eq 0 ]
