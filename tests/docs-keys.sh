#!/bin/sh
# docs-keys.sh [ROOT] — every key the code reads from a host profile
# (src/rkt/node*.c) and from .rktc.hcl (src/cli/config.c) is documented:
# host profile keys in README.md and docs/host-profile.md, configuration
# keys in README.md and docs/cli.md. A key added to a reader without its
# documentation fails here.
cd "${1:-.}" || exit 2
fail=0
keys() { # FILE... — the keys compared with strcmp(key|k, "...")
    cat "$@" 2>/dev/null | grep -oE 'strcmp\((key|k), "[a-z_]+"\)' | sed 's/.*"\(.*\)".*/\1/' | sort -u
}
check() { # WHAT KEYS DOC...
    what=$1 list=$2
    shift 2
    [ -n "$list" ] || { echo "FAIL docs-keys: no $what keys found in the code"; fail=1; return; }
    for key in $list; do
        for doc in "$@"; do
            grep -qE "(^|[^a-z_])$key([^a-z_]|\$)" "$doc" ||
                { echo "FAIL docs-keys: $what key '$key' is not documented in $doc"; fail=1; }
        done
    done
}
check "host profile" "$(keys src/rkt/node*.c)" README.md docs/host-profile.md
check "configuration" "$(keys src/cli/config.c)" README.md docs/cli.md
for key in rkt_path dynamic_ports exclude; do
    grep -q "$key" README.md || { echo "FAIL docs-keys: README.md does not mention $key"; fail=1; }
done
[ $fail -eq 0 ] && echo "docs-keys: every host profile and configuration key is documented"
[ $fail -eq 0 ]
