#!/bin/sh
# jobspec-corpus.sh — differential test of `rktc jobspec` against Nomad 0.12.12.
# usage: tests/jobspec-corpus.sh RKTC SHARED [-v]
# For every corpus file with expected/NAME.api.json the output must equal it
# after `jq -S .`. For every NAME.api.err rktc must refuse the file: exit 2
# when Nomad's error is a syntax error ("error parsing: ..."), else exit 1,
# with a located FILE:LINE:COL diagnostic; when Nomad names invalid keys, the
# diagnostics must name the first of them.
# Prints "N passed, N failed"; exits 1 when anything failed.
set -u
rktc=${1:?usage: jobspec-corpus.sh RKTC SHARED [-v]}
shared=${2:?usage: jobspec-corpus.sh RKTC SHARED [-v]}
verbose=${3:-}
corpus=$shared/corpus
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
pass=0
fail=0
json_pass=0
json_total=0
err_pass=0
err_total=0
note() { [ -n "$verbose" ] && printf '%s\n' "$*"; return 0; }
for f in "$corpus"/files/*; do
    name=$(basename "$f")
    exp=$corpus/expected/$name
    if [ -f "$exp.api.json" ]; then
        json_total=$((json_total + 1))
        "$rktc" jobspec "$f" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        if [ "$rc" -eq 0 ] && jq -S . "$tmp/out" >"$tmp/a" 2>/dev/null &&
            jq -S . "$exp.api.json" >"$tmp/b" && cmp -s "$tmp/a" "$tmp/b"; then
            pass=$((pass + 1)); json_pass=$((json_pass + 1))
        else
            fail=$((fail + 1))
            note "FAIL json ($rc) $name"
        fi
    elif [ -f "$exp.api.err" ]; then
        err_total=$((err_total + 1))
        "$rktc" jobspec "$f" >"$tmp/out" 2>"$tmp/err"
        rc=$?
        want=1
        grep -q '^Error getting job struct: error parsing: \|^error parsing: ' "$exp.api.err" && want=2
        ok=1
        [ "$rc" -eq "$want" ] || ok=0
        grep -q ':[0-9][0-9]*:[0-9][0-9]*: ' "$tmp/err" || ok=0
        key=$(sed -n 's/.*invalid key: \([A-Za-z0-9_.-]*\).*/\1/p' "$exp.api.err" | head -n 1)
        if [ -n "$key" ] && ! grep -q -- "\`$key\`" "$tmp/err"; then ok=0; fi
        if [ "$ok" -eq 1 ]; then
            pass=$((pass + 1)); err_pass=$((err_pass + 1))
        else
            fail=$((fail + 1))
            note "FAIL err (rc $rc, want $want${key:+, key $key}) $name"
        fi
    fi
done
echo "api.json: $json_pass of $json_total equal; api.err: $err_pass of $err_total refused as Nomad does"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
