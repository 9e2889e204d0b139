#!/bin/sh
# run-cli.sh SECONDS [node|config|report|args...] — builds the harnesses of
# the command line's own readers with clang under ASan+UBSan+libFuzzer
# (linked with everything rktc links, minus src/main.c, the RE2 shim with
# clang's C++ sanitizer runtime) and runs each for
# SECONDS, one after the other:
#   node    tests/fuzz/fuzz_node.c    the host profile (--node FILE)
#   config  tests/fuzz/fuzz_config.c  the configuration file (.rktc.hcl)
#   report  tests/fuzz/fuzz_report.c  a saved check --format=json result
#   args    tests/fuzz/fuzz_args.c    the command-line splitter
# The working corpus is build/fuzz/corpus_TARGET; it starts from the
# committed regression inputs tests/fuzz/corpus/TARGET, the seeds in
# tests/fuzz/seeds/TARGET and the test data (config files of
# testdata/check, saved results written by `rktc check --format=json`).
# SECONDS=0 only replays those inputs (a regression test). New crashers
# land in build/fuzz/crash-*; once fixed, copy them into
# tests/fuzz/corpus/TARGET (tests/fuzz-regressions.sh replays them
# through the CLI).
set -eu
seconds=${1:-60}
shift || true
targets=${*:-node config report args}
out=build/fuzz
flags="-fsanitize=address,undefined,fuzzer-no-link -fno-omit-frame-pointer -fno-sanitize-recover=all"
make --no-print-directory BUILD=$out CC=clang OPT="-O1 -g" SANFLAGS="$flags" \
    $out/gen/hcl.tab.o $out/gen/hcl_fast.tab.o $out/gen/hcl.lex.o >/dev/null
objs="$out/gen/hcl.tab.o $out/gen/hcl_fast.tab.o $out/gen/hcl.lex.o"
for f in $(find src targets -name '*.c' | sort); do
    [ "$f" = src/main.c ] || objs="$objs $out/${f%.c}.o"
done
for f in $(find src -name '*.cc' | sort); do
    objs="$objs $out/${f%.cc}.o"
done
make --no-print-directory BUILD=$out CC=clang CXX=clang++ OPT="-O1 -g" SANFLAGS="$flags" \
    $objs >/dev/null
# saved results to seed the report harness come from the plain build
make --no-print-directory rktc >/dev/null
for t in $targets; do
    clang -std=c11 -D_POSIX_C_SOURCE=200809L -O1 -g -fsanitize=address,undefined,fuzzer \
        -fno-sanitize-recover=all -fsanitize-link-c++-runtime -Isrc -I. -Igrammar \
        -I$out/gen -o $out/fuzz_$t tests/fuzz/fuzz_$t.c $objs \
        $(pkg-config --libs libxml-2.0 re2) -lstdc++ -lm
    seeds=$out/seeds_$t
    rm -rf "$seeds"
    mkdir -p "$seeds" "$out/corpus_$t" tests/fuzz/corpus/$t
    [ -d tests/fuzz/seeds/$t ] && cp tests/fuzz/seeds/$t/* "$seeds"/
    extra=
    case $t in
    node) cp testdata/rkt/node/*.hcl "$seeds"/ ;;
    config)
        i=0
        for f in $(find testdata -name '.rktc.hcl' -o -name 'config.hcl' | sort); do
            i=$((i + 1))
            cp "$f" "$seeds/config-$i.hcl"
        done ;;
    report)
        i=0
        for d in testdata/check/*/; do
            i=$((i + 1))
            (cd "$d" && "$OLDPWD/build/release/rktc" check --no-config --format=json . \
                >"$OLDPWD/$seeds/saved-$i.json" 2>/dev/null) || true
        done
        for f in examples/*.nomad testdata/rkt/rules/*-fire.hcl; do
            i=$((i + 1))
            build/release/rktc check --no-config --format=json "$f" \
                >"$seeds/saved-$i.json" 2>/dev/null || true
        done ;;
    args)
        extra=-close_fd_mask=2
        printf '\001--format=json:out.json\000-f\000sarif\000--error=HCL001,NMD016\000--node\000n.hcl\000--port=web.http=8080\000--alloc-id\0000ab1c2d3-0000-4000-8000-000000000000\000--\000-x\000job.nomad' >"$seeds/check"
        printf '\005--format=text\000--port\000http=20001\000--strict\000a.nomad\000b.nomad' >"$seeds/plan"
        printf '\006--target=sh\000-o\000out\000--force\000--dry-run\000job.nomad' >"$seeds/build"
        printf '\010--format=junit:r.xml\000--failure-threshold=style\000--no-fail\000-' >"$seeds/report" ;;
    esac
    if [ "$seconds" = 0 ]; then
        $out/fuzz_$t $extra -runs=0 -artifact_prefix=$out/ tests/fuzz/corpus/$t "$seeds"
    else
        $out/fuzz_$t $extra -max_total_time="$seconds" -max_len=16384 -timeout=10 \
            -artifact_prefix=$out/ "$out/corpus_$t" tests/fuzz/corpus/$t "$seeds"
    fi
done
