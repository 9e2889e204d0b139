#!/bin/sh
# rkt-corpus.sh RKTC SHARED [--update] — golden test of the rkt stage of
# `rktc check` over the rkt jobs of the corpus (manifest column uses_rkt):
# the RKT findings of each file (gcc format, default host profile) must be
# exactly testdata/rkt/corpus/NAME.check. --update rewrites the expected
# files (review the diff before committing).
rktc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shared=${2:-../shared}
update=$3
expected=testdata/rkt/corpus
files=$shared/corpus/files
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for name in $(awk -F'\t' 'NR > 1 && $6 == "yes" { print $1 }' "$shared/corpus/manifest.tsv"); do
    (cd "$files" && "$rktc" check --format=gcc "$name" 2>&1) | grep '\[RKT[0-9]*\]$' >"$tmp/got"
    if [ "$update" = --update ]; then
        cp "$tmp/got" "$expected/$name.check"
        continue
    fi
    if cmp -s "$tmp/got" "$expected/$name.check"; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $name"
        diff "$expected/$name.check" "$tmp/got" | head -6
    fi
done
[ "$update" = --update ] && exit 0
echo "rkt corpus: $pass passed, $fail failed"
[ $fail -eq 0 ]
