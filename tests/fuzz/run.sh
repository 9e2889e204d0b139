#!/bin/sh
# run.sh SECONDS [TARGET...] — builds the libFuzzer harnesses (hcl, json,
# lsp) with clang under ASan+UBSan and runs each for SECONDS. The fuzzer's working corpus
# is build/fuzz/work_TARGET; it starts from the committed regression inputs
# tests/fuzz/corpus/TARGET (crashers that were fixed) plus the golden and
# reference inputs. New crashers land in build/fuzz/crash-*; once fixed,
# copy them into tests/fuzz/corpus/TARGET.
# With SECONDS=0 each target only replays those inputs (a regression test).
set -eu
seconds=${1:-60}
shift || true
targets=${*:-hcl json}
out=build/fuzz
make --no-print-directory BUILD=$out CC=clang OPT="-O1 -g" \
    SANFLAGS="-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer -fno-sanitize-recover=all" \
    $out/gen/hcl.tab.o $out/gen/hcl_fast.tab.o $out/gen/hcl.lex.o >/dev/null
# the front end and what it needs: nothing beyond the parsers is linked
objs="$out/gen/hcl.tab.o $out/gen/hcl_fast.tab.o $out/gen/hcl.lex.o"
for f in src/source.c src/util/*.c src/diag/diag.c src/hcl/*.c src/json/*.c; do
    objs="$objs $out/${f%.c}.o"
done
# lsp: the message reader (src/lsp/rpc.c, position.c) and the report
# helpers its writer uses
case " $targets " in *" lsp "*)
    for f in src/lsp/rpc.c src/lsp/position.c src/report/*.c; do
        objs="$objs $out/${f%.c}.o"
    done ;;
esac
make --no-print-directory BUILD=$out CC=clang OPT="-O1 -g" \
    SANFLAGS="-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer -fno-sanitize-recover=all" \
    $objs >/dev/null
for t in $targets; do
    clang -std=c11 -O1 -g -fsanitize=address,undefined,fuzzer -fno-sanitize-recover=all \
        -Isrc -Igrammar -I$out/gen -o $out/fuzz_$t tests/fuzz/fuzz_$t.c $objs \
        $(pkg-config --libs libxml-2.0) -lm
    seeds=$out/seeds_$t
    rm -rf "$seeds"
    work=$out/work_$t
    mkdir -p "$seeds" "$work" tests/fuzz/corpus/$t
    case $t in
    hcl) cp testdata/parse/*.hcl "$seeds"/ 2>/dev/null || true
         cp ../shared/corpus/files/* "$seeds"/ 2>/dev/null || true ;;
    json) for f in ../shared/corpus/files/*.json testdata/parse/*.json; do
              [ -f "$f" ] && cp "$f" "$seeds"/; done ;;
    lsp) python3 tests/fuzz/lsp_seeds.py "$seeds" ;;
    esac
    if [ "$seconds" = 0 ]; then
        $out/fuzz_$t -runs=0 tests/fuzz/corpus/$t "$seeds"
    else
        $out/fuzz_$t -max_total_time="$seconds" -max_len=65536 -timeout=10 \
            -artifact_prefix=$out/ "$work" tests/fuzz/corpus/$t "$seeds"
    fi
done
