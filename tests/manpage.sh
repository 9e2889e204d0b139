#!/bin/sh
# manpage.sh RKTC — the generated man page renders cleanly: groff -man -ww
# prints nothing, `man -l` shows no raw macros, and the build synopsis names
# every target (the fixed four plus whatever `rktc help build` lists).
rktc=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
bad() { fail=$((fail + 1)); echo "FAIL man page: $*"; }

"$rktc" rules --format=man >"$tmp/rktc.1" || bad "rules --format=man failed"
groff -man -ww -z "$tmp/rktc.1" >"$tmp/groff.out" 2>&1
[ -s "$tmp/groff.out" ] && { bad "groff -man -ww prints warnings"; head -5 "$tmp/groff.out"; }

MANWIDTH=80 man -l "$tmp/rktc.1" 2>"$tmp/man.err" | col -b >"$tmp/rktc.txt"
[ -s "$tmp/rktc.txt" ] || bad "man -l rendered nothing"
[ -s "$tmp/man.err" ] && { bad "man -l printed errors"; head -5 "$tmp/man.err"; }
# a macro that reached the text: ".I x" at a line start or inside a line
if grep -nE '(^|[[:space:]])\.(B|I|R|BR|BI|IB|IR|RI|RB|TP|PP|SH|SS|RS|RE|nf|fi|br|TH)([[:space:]]|$)' \
    "$tmp/rktc.txt" >"$tmp/macros"; then
    bad "raw macros in the rendered page"; head -5 "$tmp/macros"
fi

# every target: the fixed ones and those of `rktc help build`
synopsis=$(sed -n '/^SYNOPSIS/,/^DESCRIPTION/p' "$tmp/rktc.txt" | tr -d ' \t\n')
targets=$("$rktc" help build | sed -n 's/^ *--target=\([^ ,]*\).*/\1/p' | tr '|' ' ')
for t in sh systemd nomad-docker nomad-podman $targets; do
    printf '%s\n' "$synopsis" | grep -qE -- "--target=([a-z0-9-]+\|)*$t(\||[^a-z0-9-])" ||
        bad "the build synopsis does not name target $t"
done

[ $fail -eq 0 ] && echo "man page: groff silent, no raw macros, every target in the build synopsis"
[ $fail -eq 0 ]
