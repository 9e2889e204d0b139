#!/bin/sh
# build.sh RKTC SHARED — `rktc build` over every rkt job of the reference
# corpus, one file per run, both targets: prints how many files were built,
# how many Nomad would refuse (nothing written), the number of files written
# and the wall time. Nothing here asserts: it prints figures.
set -eu
rktc=$1
shared=${2:-../shared}
out=build/bench/build
rm -rf "$out"
mkdir -p "$out"
files=$(grep -l '"rkt"' "$shared"/corpus/files/* || true)
for target in sh systemd; do
    built=0 refused=0 n=0
    start=$(date +%s%N)
    for f in $files; do
        n=$((n + 1))
        if "$rktc" build --target=$target -o "$out/$target/$n" "$f" >/dev/null 2>&1; then
            built=$((built + 1))
        elif [ -d "$out/$target/$n" ]; then
            built=$((built + 1)) # written, with a GEN error reported
        else
            refused=$((refused + 1))
        fi
    done
    end=$(date +%s%N)
    written=$(find "$out/$target" -type f ! -name rktc-manifest.txt 2>/dev/null | wc -l)
    echo "rktc build --target=$target over $n corpus rkt jobs: $built built, $refused refused," \
         "$written files, $(( (end - start) / 1000000 )) ms wall"
done
