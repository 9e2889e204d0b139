#!/bin/sh
# Golden cases of fleet placement (`rktc plan --node A --node B ...`).
# Every directory testdata/fleet/CASE/ holds host profiles (*.hcl, given
# as --node in name order), jobs (*.nomad, in name order, or the order in
# CASE/jobs when present) and:
#   expected.json    `rktc plan --format=json` (stdout, compared after jq -S)
#   expected.status  its exit status
# Each run is also checked for the fleet invariants (check.py): every task
# on a host, no host over its memory (minus reserved), no host port used
# twice on a host or taken from its reserved ports, NOMAD_IP_* the host's
# address, two runs identical, and the host order on the command line
# irrelevant; and without --node the same jobs plan (RKT060, no "node"
# keys, nothing unplaced but a static port used twice on the one host). RKTC_UPDATE=1 rewrites the expected files.
rktc=$1
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
for case in "$here"/*/; do
    case=${case%/}
    name=$(basename "$case")
    nodes=$(ls "$case"/*.hcl | sort)
    if [ -f "$case/jobs" ]; then
        jobs=$(sed "s|^|$case/|" "$case/jobs")
    else
        jobs=$(ls "$case"/*.nomad | sort)
    fi
    set --
    for n in $nodes; do set -- "$@" --node "$n"; done
    "$rktc" plan --format=json "$@" $jobs >"$tmp/out" 2>"$tmp/err"
    echo $? >"$tmp/status"
    "$rktc" plan --format=json "$@" $jobs >"$tmp/again" 2>/dev/null
    set --
    for n in $(echo "$nodes" | sort -r); do set -- "$@" --node "$n"; done
    "$rktc" plan --format=json "$@" $jobs >"$tmp/reversed" 2>/dev/null
    if [ "${RKTC_UPDATE:-}" = 1 ]; then
        jq -S . "$tmp/out" >"$case/expected.json"
        cp "$tmp/status" "$case/expected.status"
    fi
    ok=1
    if ! jq -S . "$tmp/out" >"$tmp/got" 2>/dev/null || ! cmp -s "$tmp/got" "$case/expected.json"; then
        ok=0
        echo "FAIL fleet/$name: plan differs from expected.json"
        diff "$case/expected.json" "$tmp/got" | head -10
    fi
    if ! cmp -s "$tmp/status" "$case/expected.status"; then
        ok=0
        echo "FAIL fleet/$name: exit $(cat "$tmp/status"), expected $(cat "$case/expected.status")"
        head -5 "$tmp/err"
    fi
    if ! cmp -s "$tmp/out" "$tmp/again" || ! cmp -s "$tmp/out" "$tmp/reversed"; then
        ok=0
        echo "FAIL fleet/$name: two runs (or another host order) differ"
    fi
    if ! python3 "$here/check.py" "$tmp/out" $nodes; then
        ok=0
        echo "FAIL fleet/$name: invariants"
    fi
    # without a profile the same jobs are planned, every allocation (RKT060)
    # (on the one host then planned, a static port cannot be used twice)
    "$rktc" plan --format=json $jobs >"$tmp/unprofiled" 2>"$tmp/err"
    if [ "$(jq '[.tasks[] | select(.node)] | length' "$tmp/unprofiled")" != 0 ] ||
        [ "$(jq '[.tasks[]] | length' "$tmp/unprofiled")" = 0 ] ||
        [ "$(jq '[.unplaced[]? | .reasons[] | select(test("static port") | not)] | length' \
            "$tmp/unprofiled")" != 0 ] ||
        ! grep -q RKT060 "$tmp/err"; then
        ok=0
        echo "FAIL fleet/$name: no plan without --node"
        head -3 "$tmp/err"
    fi
    if [ $ok = 1 ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "golden fleet: $pass passed, $fail failed"
[ $fail -eq 0 ]
