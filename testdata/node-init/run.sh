#!/bin/sh
# Golden tests of `rktc node init`:
# - without --from-host it prints default.expected, and that profile plans
#   exactly as the documented defaults (testdata/rkt/node/default.hcl);
# - --from-host reads this machine as Nomad's client fingerprints it: name
#   and unique.hostname = hostname, cpu.numcores = the online CPUs, memory
#   = MemTotal, the rkt version from the `rkt` on PATH (a stand-in here),
#   capacity keys filled; the profile is accepted by `rktc plan --node`;
# - -o FILE writes atomically and refuses an existing FILE without --force.
rktc=$1
here=$(dirname "$0")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL node-init: $1"; }
job=examples/web.nomad

"$rktc" node init >"$tmp/default.hcl" && cmp -s "$tmp/default.hcl" "$here/default.expected" &&
    ok || bad "the default profile differs from default.expected"
"$rktc" plan --format=json --node "$tmp/default.hcl" "$job" >"$tmp/a.json" 2>/dev/null
"$rktc" plan --format=json --node testdata/rkt/node/default.hcl "$job" >"$tmp/b.json" 2>/dev/null
cmp -s "$tmp/a.json" "$tmp/b.json" && [ -s "$tmp/a.json" ] &&
    ok || bad "the written defaults do not plan as the documented ones"

mkdir "$tmp/bin"
printf '#!/bin/sh\n[ "$1" = version ] && printf "rkt Version: 1.29.0\\nappc Version: 0.8.11\\n"\n' >"$tmp/bin/rkt"
chmod +x "$tmp/bin/rkt"
PATH="$tmp/bin:$PATH" "$rktc" node init --from-host -o "$tmp/host.hcl" && ok || bad "--from-host -o failed"
attr() { sed -n "s/^ *\"$1\" = \"\(.*\)\"$/\1/p" "$tmp/host.hcl"; }
key() { sed -n "s/^ *$1 *= *\"*\([^\"]*\)\"*$/\1/p" "$tmp/host.hcl" | head -1; }
[ "$(attr unique.hostname)" = "$(hostname)" ] && [ "$(key name)" = "$(hostname)" ] &&
    ok || bad "host name: $(key name)"
[ "$(attr cpu.numcores)" = "$(getconf _NPROCESSORS_ONLN)" ] && ok || bad "cores: $(attr cpu.numcores)"
mem=$(awk '/^MemTotal:/ { printf "%.0f", $2 * 1024 }' /proc/meminfo)
[ "$(attr memory.totalbytes)" = "$mem" ] && [ "$(key memory_total_mb)" = $((mem / 1048576)) ] &&
    ok || bad "memory: $(attr memory.totalbytes) / $(key memory_total_mb)"
[ "$(key cpu_total_compute)" = "$(attr cpu.totalcompute)" ] && [ "$(key cpu_total_compute)" -gt 0 ] &&
    ok || bad "cpu_total_compute: $(key cpu_total_compute)"
[ "$(attr kernel.version)" = "$(uname -r)" ] && ok || bad "kernel.version: $(attr kernel.version)"
[ "$(attr driver.rkt.version)" = 1.29.0 ] && [ "$(key rkt_path)" = "$tmp/bin/rkt" ] &&
    ok || bad "rkt: $(attr driver.rkt.version) at $(key rkt_path)"
if awk 'NR > 1 && $2 == "00000000" && $8 == "00000000" { found = 1 } END { exit !found }' /proc/net/route; then
    [ -n "$(attr unique.network.ip-address)" ] && [ "$(key address)" = "$(attr unique.network.ip-address)" ] &&
        ok || bad "address of the default route: $(key address)"
fi
"$rktc" plan --node "$tmp/host.hcl" "$job" >/dev/null 2>"$tmp/err" && ok ||
    bad "plan with the host's profile: $(head -3 "$tmp/err")"
PATH=/usr/bin:/bin "$rktc" node init --from-host >"$tmp/norkt.hcl" 2>/dev/null
if command -v rkt >/dev/null 2>&1; then ok; else
    grep -q '^    # "driver.rkt.version"' "$tmp/norkt.hcl" && ok || bad "without rkt the driver is not detected"
fi

"$rktc" node init -o "$tmp/host.hcl" 2>/dev/null && bad "-o over an existing file" || ok
"$rktc" node init --force -o "$tmp/host.hcl" && cmp -s "$tmp/host.hcl" "$here/default.expected" &&
    ok || bad "--force -o"
echo "golden node-init: $pass passed, $fail failed"
[ $fail -eq 0 ]
