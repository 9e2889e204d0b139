#!/bin/sh
# hostile.sh RKTC — rktc under hostile conditions: generated inputs that
# are fast only if every array grows geometrically and every key lookup is
# hashed, special files as report targets, full disks, concurrent builds,
# planted configs, NUL bytes, control bytes, deep trees, file-size limits.
# Large inputs are generated here, never committed.
rktc=$1
case $rktc in /*) ;; *) rktc=$(pwd)/$rktc ;; esac
pass=0 fail=0 skip=0
tmp=$(mktemp -d /tmp/rktc-hostile.XXXXXX)
trap 'rm -rf "$tmp"' EXIT
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }
skipped() { skip=$((skip + 1)); echo "SKIP $*"; }
# under sanitizers everything is several times slower and bigger
sanitized=false
case $rktc in *asan*) sanitized=true ;; esac

# ---- linear growth ----------------------------------------------------------
# within SECONDS (x5 under sanitizers) and, plain, under 400 MB of memory
timed() { # WHAT SECONDS EXPECTED-STATUS COMMAND...
    what=$1 limit=$2 want=$3
    shift 3
    $sanitized && limit=$((limit * 5))
    /usr/bin/time -f '%e %M' -o "$tmp/time" timeout "$limit" "$@" >"$tmp/out" 2>&1
    got=$?
    read -r secs kb <<EOT
$(tail -n 1 "$tmp/time" 2>/dev/null)
EOT
    if [ "$got" -ne "$want" ]; then
        bad "$what: exit $got, expected $want (timeout $limit s)"; head -3 "$tmp/out"
    elif ! $sanitized && [ "${kb:-0}" -gt 409600 ]; then
        bad "$what: $kb KB of memory"
    else
        ok
    fi
}
gen_job() { # META-KEYS TASKS
    awk -v meta="$1" -v tasks="$2" 'BEGIN {
        print "job \"big\" {\n  datacenters = [\"dc1\"]"
        if (meta > 0) {
            print "  meta {"
            for (i = 0; i < meta; i++) printf "    k%d = \"v%d\"\n", i, i
            print "  }"
        }
        print "  group \"g\" {"
        for (t = 0; t < tasks; t++)
            printf "    task \"t%d\" {\n      driver = \"rkt\"\n      config {\n        image = \"docker://nginx:1.19\"\n      }\n    }\n", t
        print "  }\n}"
    }'
}
awk 'BEGIN { print "o {"; for (i = 0; i < 50000; i++) printf "  a%d = %d\n", i, i; print "}" }' \
    >"$tmp/keys.hcl"
timed "parse: 50k keys in one object" 4 0 "$rktc" parse "$tmp/keys.hcl"
awk 'BEGIN { for (i = 0; i < 80000; i++) printf "a%d = %d\n", i, i }' >"$tmp/attrs.hcl"
timed "parse: 80k attributes" 4 0 "$rktc" parse "$tmp/attrs.hcl"
gen_job 50000 1 >"$tmp/meta.nomad"
timed "check: 50k meta keys" 6 0 "$rktc" check --no-fail "$tmp/meta.nomad"
timed "plan: 50k meta keys" 6 0 "$rktc" plan "$tmp/meta.nomad"
gen_job 0 20000 >"$tmp/tasks.nomad"
timed "check: 20k tasks" 6 0 "$rktc" check --no-fail "$tmp/tasks.nomad"
timed "jobspec: 20k tasks" 6 0 "$rktc" jobspec "$tmp/tasks.nomad"
"$rktc" jobspec "$tmp/meta.nomad" >"$tmp/meta.json" 2>/dev/null
timed "check: 50k meta keys in API JSON" 6 0 "$rktc" check --no-fail "$tmp/meta.json"

# ---- regexps as Go has them: RE2, refused at the value with RE2's message ----
cat >"$tmp/regexp.nomad" <<'JOB'
job "re" {
  datacenters = ["dc1"]
  constraint {
    attribute = "${attr.kernel.name}"
    operator  = "regexp"
    value     = "^l\\w+Reg++++++++++++++++++++++++++++++++++++++++++++++ionx$"
  }
  group "g" {
    task "t" {
      driver = "rkt"
      config {
        image = "docker://nginx:1.19"
      }
    }
  }
}
JOB
timed "check: exponential regexp refused" 2 1 "$rktc" check "$tmp/regexp.nomad"
grep -q "bad repetition operator" "$tmp/out" && grep -q ":6:" "$tmp/out" ||
    bad "exponential regexp: no RE2 message at the value"
timed "plan: exponential regexp refused" 2 1 "$rktc" plan "$tmp/regexp.nomad"

# ---- special files as report targets: written through, never replaced -------
job=examples/web.nomad
out=$("$rktc" check --format=json:/dev/stdout "$job" 2>/dev/null)
if [ "$(printf '%s' "$out" | jq -r .version 2>/dev/null)" != "" ] && [ -c /dev/null ]; then ok
else bad "report to /dev/stdout: not received"; fi
ln -s /dev/stdout "$tmp/stdout-link"
out=$("$rktc" check --format=json:"$tmp/stdout-link" "$job" 2>/dev/null)
if printf '%s' "$out" | jq -e . >/dev/null 2>&1 && [ -L "$tmp/stdout-link" ]; then ok
else bad "report to a link to /dev/stdout"; fi
mkfifo "$tmp/fifo"
(cat "$tmp/fifo" >"$tmp/from-fifo") &
reader=$!
timeout 10 "$rktc" check --format=sarif:"$tmp/fifo" "$job" >/dev/null 2>&1
wait $reader
if [ -p "$tmp/fifo" ] && jq -e .runs "$tmp/from-fifo" >/dev/null 2>&1; then ok
else bad "report to a FIFO: replaced or not received"; fi
if mknod "$tmp/null" c 1 3 2>/dev/null; then
    ln -s "$tmp/null" "$tmp/null-link"
    "$rktc" check --format=junit:"$tmp/null" --format=json:"$tmp/null-link" "$job" >/dev/null 2>&1
    if [ -c "$tmp/null" ] && [ -L "$tmp/null-link" ] && [ -z "$(ls -A "$tmp" | grep '^\.rktc-')" ]; then ok
    else bad "report to a character device replaced it"; fi
else
    skipped "character device: mknod not permitted"
fi

echo "hostile: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
