#!/bin/sh
# testdata/jobspec/run.sh RKTC — golden tests of `rktc jobspec`.
# For each NAME.hcl / NAME.json: stderr must equal NAME.stderr (empty when
# absent) and the exit status NAME.exit (0 when absent); with exit 0 the
# output must equal NAME.out after `jq -S .`.
rktc=${1:?usage: run.sh RKTC}
dir=testdata/jobspec
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0 fail=0
for input in "$dir"/*.hcl "$dir"/*.json; do
    [ -f "$input" ] || continue
    base=${input%.*}
    "$rktc" jobspec "$input" >"$tmp/out" 2>"$tmp/err"
    rc=$?
    want_rc=0
    [ -f "$base.exit" ] && want_rc=$(cat "$base.exit")
    : >"$tmp/want_err"
    [ -f "$base.stderr" ] && cp "$base.stderr" "$tmp/want_err"
    ok=1
    [ "$rc" -eq "$want_rc" ] || ok=0
    cmp -s "$tmp/err" "$tmp/want_err" || ok=0
    if [ "$rc" -eq 0 ] && [ "$ok" -eq 1 ]; then
        jq -S . "$tmp/out" >"$tmp/got" 2>/dev/null && jq -S . "$base.out" >"$tmp/want" &&
            cmp -s "$tmp/got" "$tmp/want" || ok=0
    fi
    if [ "$ok" -eq 1 ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $input (exit $rc, expected $want_rc)"
        diff "$tmp/want_err" "$tmp/err" | head -5
    fi
done
echo "golden jobspec: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
