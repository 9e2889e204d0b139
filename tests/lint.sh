#!/bin/sh
# lint.sh — static analysis of rktc's own code (not the generated scanner
# and parser): gcc -fanalyzer and clang-tidy's default checks (.clang-tidy),
# one file per process, as many processes as there are CPUs.
# Prints each finding; exits 1 when there is any.
set -u
build=${1:-build/release}
flags="-std=c11 -D_POSIX_C_SOURCE=200809L -Isrc -Igrammar -I. -I$build/gen $(pkg-config --cflags libxml-2.0)"
jobs=$(nproc 2>/dev/null || echo 2)
out=$(mktemp)
trap 'rm -f "$out"' EXIT INT TERM
files=$(find src targets -name '*.c' | sort)
# shellcheck disable=SC2086,SC2016
printf '%s\n' $files | xargs -P "$jobs" -I{} sh -c \
    'gcc '"$flags"' -fanalyzer -c -o /dev/null "$1" 2>&1 | grep -E "warning|error"; exit 0' sh {} >>"$out"
if command -v clang-tidy >/dev/null 2>&1; then
    # shellcheck disable=SC2086,SC2016
    printf '%s\n' $files | xargs -P "$jobs" -n 8 sh -c \
        'clang-tidy --quiet "$@" -- '"$flags"' 2>/dev/null | grep -E "warning|error"; exit 0' sh >>"$out"
fi
if [ -s "$out" ]; then
    sort -u "$out"
    exit 1
fi
echo "lint: gcc -fanalyzer and clang-tidy report nothing"
