#!/bin/sh
# lint.sh — static analysis of rktc's own code (not the generated scanner
# and parser): gcc -fanalyzer and clang-tidy's default checks (.clang-tidy).
# Prints each finding; exits 1 when there is any.
set -u
build=${1:-build/release}
flags="-std=c11 -D_POSIX_C_SOURCE=200809L -Isrc -Igrammar -I. -I$build/gen $(pkg-config --cflags libxml-2.0)"
status=0
files=$(find src targets -name '*.c' | sort)
for f in $files; do
    out=$(gcc $flags -fanalyzer -c -o /dev/null "$f" 2>&1 | grep -E 'warning|error')
    if [ -n "$out" ]; then
        echo "$out"
        status=1
    fi
done
if command -v clang-tidy >/dev/null 2>&1; then
    # shellcheck disable=SC2086
    out=$(clang-tidy --quiet $files -- $flags 2>/dev/null | grep -E 'warning|error')
    if [ -n "$out" ]; then
        echo "$out"
        status=1
    fi
fi
[ $status -eq 0 ] && echo "lint: gcc -fanalyzer and clang-tidy report nothing"
exit $status
