#!/bin/sh
# run.sh RKTC — `rktc parse` writes the generic decode straight from the
# tree (src/hcl/generic_stream.c): merges.hcl (repeated keys that merge,
# labels at several levels, case-folded Filter, key order) must print
# merges.json byte for byte; a decode error deep in a large body must
# print the error, exit 2 and write nothing at all on stdout.
set -u
rktc=$1
dir=testdata/parse-stream
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
"$rktc" parse $dir/merges.hcl >"$tmp/out" 2>"$tmp/err"
rc=$?
if [ $rc -ne 0 ] || ! cmp -s "$tmp/out" $dir/merges.json || [ -s "$tmp/err" ]; then
    echo "FAIL parse-stream merges.hcl (exit $rc)"
    diff $dir/merges.json "$tmp/out" | head -10
    head -3 "$tmp/err"
    fail=1
fi
# 3000 groups; the last one's cpu is an hex number out of range
{
    echo 'job "big" {'
    i=0
    while [ $i -lt 3000 ]; do
        cpu=100
        [ $i -eq 2999 ] && cpu=0x1FFFFFFFFFFFFFFFF
        printf '  group "g%d" {\n    task "t" {\n      config { args = ["a", %d] }\n      resources { cpu = %s }\n    }\n  }\n' $i $i $cpu
        i=$((i + 1))
    done
    echo '}'
} >"$tmp/big.nomad"
"$rktc" parse "$tmp/big.nomad" >"$tmp/out" 2>"$tmp/err"
rc=$?
want="$tmp/big.nomad:17999:25: error[HCL002]: invalid number \`0x1FFFFFFFFFFFFFFFF\`: a leading 0 makes it octal (strconv.ParseInt: parsing \"0x1FFFFFFFFFFFFFFFF\": value out of range)"
if [ $rc -ne 2 ] || [ -s "$tmp/out" ] || [ "$(head -1 "$tmp/err")" != "$want" ]; then
    echo "FAIL parse-stream: an error deep in a large body (exit $rc, $(wc -c <"$tmp/out") bytes on stdout)"
    head -3 "$tmp/err"
    fail=1
fi
[ $fail -eq 0 ] && echo "golden parse-stream: 2 passed"
exit $fail
