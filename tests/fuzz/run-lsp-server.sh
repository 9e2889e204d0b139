#!/bin/sh
# run-lsp-server.sh SECONDS — builds tests/fuzz/fuzz_lsp_server.c (rktc
# lsp's server on framed input, checks in process) with clang under
# ASan+UBSan+libFuzzer, linked with everything but src/main.c, and runs it
# for SECONDS from the committed crashers in tests/fuzz/corpus/lsp_server
# plus the seeds of tests/fuzz/lsp_seeds.py (without their two leading
# bytes). SECONDS=0 only replays them.
set -eu
seconds=${1:-60}
out=build/fuzz
flags="-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer -fno-sanitize-recover=all"
make --no-print-directory BUILD=$out CC=clang OPT="-O1 -g" SANFLAGS="$flags" \
    $out/gen/hcl.tab.o $out/gen/hcl_fast.tab.o $out/gen/hcl.lex.o >/dev/null
objs="$out/gen/hcl.tab.o $out/gen/hcl_fast.tab.o $out/gen/hcl.lex.o"
for f in $(find src targets \( -name '*.c' -o -name '*.cc' \) ! -path src/main.c | sort); do
    objs="$objs $out/${f%.*}.o"
done
# shellcheck disable=SC2086
make --no-print-directory BUILD=$out CC=clang CXX=clang++ OPT="-O1 -g" SANFLAGS="$flags" \
    $objs >/dev/null
# shellcheck disable=SC2086,SC2046
clang -std=c11 -O1 -g -fsanitize=address,undefined,fuzzer -fno-sanitize-recover=all -fsanitize-link-c++-runtime \
    -Isrc -I. -Igrammar -I$out/gen -o $out/fuzz_lsp_server tests/fuzz/fuzz_lsp_server.c $objs \
    $(pkg-config --libs libxml-2.0 re2) -lstdc++ -lm
seeds=$out/seeds_lsp_server
rm -rf "$seeds"
mkdir -p "$seeds" "$out/corpus_lsp_server" tests/fuzz/corpus/lsp_server
python3 tests/fuzz/lsp_seeds.py "$seeds"
for f in "$seeds"/*; do tail -c +3 "$f" >"$f.raw" && mv "$f.raw" "$f"; done
if [ "$seconds" = 0 ]; then
    $out/fuzz_lsp_server -runs=0 "$seeds" tests/fuzz/corpus/lsp_server
else
    $out/fuzz_lsp_server -max_total_time="$seconds" -max_len=16384 -timeout=10 \
        -artifact_prefix=$out/ "$out/corpus_lsp_server" tests/fuzz/corpus/lsp_server "$seeds"
fi
