#!/bin/sh
# cli.sh RKTC — the command line's contract: --version, --help, `help
# COMMAND` for every command (with its options), and exit status 3 with a
# one-line error and a usage hint for unknown commands and options.
rktc=$1
pass=0 fail=0
expect() { # STATUS DESCRIPTION COMMAND...
    want=$1 what=$2
    shift 2
    "$@" >/tmp/rktc-cli.$$ 2>&1
    got=$?
    if [ "$got" -eq "$want" ]; then
        pass=$((pass + 1))
    else
        fail=$((fail + 1))
        echo "FAIL $what: exit $got, expected $want"
        head -3 /tmp/rktc-cli.$$
    fi
}
expect 0 "--version" "$rktc" --version
"$rktc" --version | grep -q '^rktc [0-9]' || { fail=$((fail + 1)); echo "FAIL --version text"; }
expect 0 "--help" "$rktc" --help
expect 0 "help" "$rktc" help
expect 3 "no command" "$rktc"
expect 3 "unknown command" "$rktc" frobnicate
expect 3 "unknown option" "$rktc" --frobnicate
expect 3 "help of an unknown command" "$rktc" help frobnicate
for c in $("$rktc" --help | sed -n 's/^  \([a-z][a-z]*\) .*/\1/p'); do
    [ "$c" = help ] && continue
    expect 0 "help $c" "$rktc" help "$c"
    expect 0 "$c --help" "$rktc" "$c" --help
    "$rktc" help "$c" | grep -q "^usage: rktc $c" || { fail=$((fail + 1)); echo "FAIL help $c: no usage line"; }
    if grep -q "^OPTION(\"$c\"" src/cli/options.def && ! "$rktc" help "$c" | grep -q '^Options:'; then
        fail=$((fail + 1)); echo "FAIL help $c: options not listed"
    fi
    expect 3 "$c with an unknown option" "$rktc" "$c" --no-such-option x
done
"$rktc" frobnicate 2>&1 | head -1 | grep -q "^rktc: unknown command 'frobnicate'$" ||
    { fail=$((fail + 1)); echo "FAIL unknown command message"; }
# findings true of every rkt job or task come once per run, also in build
# (issue 12.4): three rkt jobs, one RKT023 and one RKT021
jobs=testdata/check/rkt023-once-per-run/jobs
out=$(mktemp -d)
"$rktc" build --target=sh -o "$out" "$jobs/a.nomad" "$jobs/b.nomad" "$jobs/c.nomad" \
    >/dev/null 2>/tmp/rktc-cli.$$
[ "$(grep -c 'RKT023' /tmp/rktc-cli.$$)" -eq 1 ] && [ "$(grep -c 'RKT021' /tmp/rktc-cli.$$)" -eq 1 ] ||
    { fail=$((fail + 1)); echo "FAIL build: RKT023/RKT021 not once per run"; }
rm -rf "$out"
# a --port override that no task has: exit 3, one message for plan and build
for c in plan build; do
    set -- "$c"
    [ "$c" = build ] && set -- build --target=sh --dry-run
    expect 3 "$c --port that no task has" "$rktc" "$@" --port nope=31001 examples/web.nomad
    grep -q '^rktc: --port nope=31001: no task has a port "nope"$' /tmp/rktc-cli.$$ ||
        { fail=$((fail + 1)); echo "FAIL $c --port that no task has: message"; }
done
rm -f /tmp/rktc-cli.$$
echo "cli: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
