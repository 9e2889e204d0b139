#!/bin/sh
# fuzz-regressions.sh RKTC — replays every committed fuzzing regression
# input (tests/fuzz/corpus/*/) through `rktc check` and `rktc plan`: each
# must end with a normal exit status (0, 1 or 2), never a crash or a
# sanitizer report (under the ASan build those exit with 98/99).
rktc=$1
pass=0 fail=0
export ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}exitcode=99"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:+$UBSAN_OPTIONS:}exitcode=98"
for f in tests/fuzz/corpus/*/*; do
    case "$f" in */README) continue ;; esac
    for cmd in "check --no-config" plan; do
        # shellcheck disable=SC2086
        "$rktc" $cmd "$f" >/dev/null 2>/tmp/rktc-fuzzreg.$$ </dev/null
        rc=$?
        if [ $rc -le 2 ]; then
            pass=$((pass + 1))
        else
            fail=$((fail + 1))
            echo "FAIL rktc $cmd $f: exit $rc"
            head -5 /tmp/rktc-fuzzreg.$$
        fi
    done
done
rm -f /tmp/rktc-fuzzreg.$$
echo "fuzz regressions: $pass passed, $fail failed"
[ $fail -eq 0 ]
