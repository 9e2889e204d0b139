#!/bin/sh
# run-plan.sh SECONDS [plan|check] — builds the plan-path harness
# (tests/fuzz/fuzz_plan.c: parse, Nomad decode, rkt plan) or the check
# harness (tests/fuzz/fuzz_check.c: the whole analyze_source pipeline, Nomad
# validation included) with clang under ASan+UBSan+libFuzzer and runs it
# for SECONDS (new inputs kept in build/fuzz/corpus_TARGET) from the
# committed crashers in tests/fuzz/corpus/TARGET plus the rkt test data and
# the corpus's rkt jobs (all corpus jobs for check). SECONDS=0 only replays
# the corpus (regression). New crashers land in build/fuzz/crash-*; once
# fixed, copy them into tests/fuzz/corpus/TARGET.
set -eu
seconds=${1:-60}
target=${2:-plan}
out=build/fuzz
flags="-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer -fno-sanitize-recover=all"
make --no-print-directory BUILD=$out CC=clang OPT="-O1 -g" SANFLAGS="$flags" \
    $out/gen/hcl.tab.o $out/gen/hcl_fast.tab.o $out/gen/hcl.lex.o >/dev/null
objs="$out/gen/hcl.tab.o $out/gen/hcl_fast.tab.o $out/gen/hcl.lex.o"
for f in src/source.c src/util/*.c src/diag/diag.c src/hcl/*.c src/json/*.c src/nomad/*.c \
         src/rkt/*.c targets/plan_render.c; do
    objs="$objs $out/${f%.c}.o"
done
objs="$objs $out/src/util/go_regexp.o"
[ "$target" = check ] && objs="$objs $out/src/cli/analyze.o"
make --no-print-directory BUILD=$out CC=clang CXX=clang++ OPT="-O1 -g" SANFLAGS="$flags" $objs >/dev/null
clang -std=c11 -O1 -g -fsanitize=address,undefined,fuzzer -fno-sanitize-recover=all -fsanitize-link-c++-runtime \
    -Isrc -I. -Igrammar -I$out/gen -o $out/fuzz_$target tests/fuzz/fuzz_$target.c $objs \
    $(pkg-config --libs libxml-2.0 re2) -lstdc++ -lm
seeds=$out/seeds_$target
rm -rf "$seeds"
mkdir -p "$seeds" "$out/corpus_$target" tests/fuzz/corpus/$target
cp testdata/rkt/vectors/*.hcl testdata/rkt/rules/*.hcl testdata/rkt/node/*.hcl ../shared/conformance/argv/*.hcl "$seeds"/
for name in $(awk -F'\t' 'NR > 1 && $6 == "yes" { print $1 }' ../shared/corpus/manifest.tsv); do
    cp "../shared/corpus/files/$name" "$seeds"/
done
[ "$target" = check ] && cp ../shared/corpus/files/* "$seeds"/
if [ "$seconds" = 0 ]; then
    $out/fuzz_$target -runs=0 "$seeds" tests/fuzz/corpus/$target
else
    $out/fuzz_$target -max_total_time="$seconds" -max_len=16384 -timeout=10 \
        -artifact_prefix=$out/ "$out/corpus_$target" tests/fuzz/corpus/$target "$seeds"
fi
