#!/bin/sh
# self-contained.sh [ROOT] — the product cites only what the repository
# ships. README.md, docs/, src/, targets/ and grammar/ (code, comments,
# strings that reach generated files, `rktc explain` texts) must not cite
# DESIGN.md, a spec/*.md file or ../shared, and every other *.md they name
# must be a file in docs/ (written `docs/NAME.md` outside docs/; a plain
# `NAME.md` link inside docs/). Tests and test data may read ../shared.
cd "${1:-.}" || exit 2
fail=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
files=$(find README.md docs src targets grammar -type f \
    \( -name '*.md' -o -name '*.c' -o -name '*.h' -o -name '*.def' -o -name '*.inc' \
       -o -name '*.l' -o -name '*.y' \) | sort)

# 1. the reference material outside the repository
# shellcheck disable=SC2086
if grep -nE 'DESIGN\.md|spec/[A-Za-z0-9_-]+\.md|\.\./shared|(^|[^A-Za-z0-9_./-])shared/(spec|corpus|conformance|tools|schemas|hooks|DESIGN)' \
    $files >"$tmp"; then
    echo "FAIL self-contained: cites DESIGN.md, spec/*.md or ../shared:"
    sed 's/^/  /' "$tmp" | head -40
    fail=1
fi

# 2. a cited document is one in docs/: `docs/NAME.md` must exist, and the
# names of the reference files (rkt-driver.md, targets.md, ...) are only
# allowed as links between the documents in docs/, to a file that exists
specs='DESIGN|hcl1|jobspec|rkt-driver|rkt-cli|targets|conventions'
for f in $files; do
    case $f in docs/*) indocs=1 ;; *) indocs=0 ;; esac
    grep -noE "(docs/[A-Za-z0-9_.-]+|(^|[^A-Za-z0-9_/.-])($specs))\.md([^A-Za-z0-9_]|\$)" "$f" |
        sed -E 's/[^A-Za-z0-9_]$//; s/:[^A-Za-z0-9_]*/:/' | while IFS=: read -r line ref; do
            name=${ref#docs/}
            if [ ! -f "docs/$name" ]; then
                echo "FAIL self-contained: $f:$line: $ref is not a file in docs/"
            elif [ $indocs -eq 0 ] && [ "$ref" = "$name" ]; then
                echo "FAIL self-contained: $f:$line: write docs/$name, not $name"
            fi
        done
done >"$tmp"
if [ -s "$tmp" ]; then
    head -40 "$tmp"
    fail=1
fi

[ $fail -eq 0 ] && echo "self-contained: no file in README.md, docs/, src/, targets/, grammar/ cites material the repository does not ship"
[ $fail -eq 0 ]
