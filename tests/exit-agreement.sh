#!/bin/sh
# exit-agreement.sh RKTC SHARED — one front end: for every corpus and testdata
# file, `check`, `jobspec` and `plan` agree on whether it could be read at
# all (all three exit 2, or none does).
rktc=$1 shared=$2
pass=0 fail=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
find "$shared/corpus/files" testdata -type f \( -name '*.nomad' -o -name '*.hcl' -o -name '*.json' -o -name '*.tpl' \) \
    ! -path 'testdata/check/*/.rktc.hcl' | sort >"$tmp/files"
while IFS= read -r f; do
    "$rktc" check --no-config "$f" >/dev/null 2>&1; c=$?
    "$rktc" jobspec "$f" >/dev/null 2>&1; j=$?
    "$rktc" plan "$f" >/dev/null 2>&1; p=$?
    ce=0 je=0 pe=0
    [ $c -eq 2 ] && ce=1; [ $j -eq 2 ] && je=1; [ $p -eq 2 ] && pe=1
    if [ $ce = $je ] && [ $je = $pe ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $f: check $c, jobspec $j, plan $p"
    fi
done <"$tmp/files"
echo "exit agreement: $pass passed, $fail failed"
[ $fail -eq 0 ]
