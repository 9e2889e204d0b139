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
leftovers() { find "$1" -name '.rktc-*' | head -1; } # temporary or staging files
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
    read -r _secs kb <<EOT
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
awk 'BEGIN {
    print "job \"env\" {\n  datacenters = [\"dc1\"]\n  group \"g\" {\n    task \"t\" {"
    print "      driver = \"rkt\"\n      config {\n        image = \"docker://nginx:1.19\"\n      }\n      env {"
    for (i = 0; i < 20000; i++) printf "        K%d = \"${NOMAD_TASK_NAME}-${K0}-%d\"\n", i, i
    print "      }\n      meta {"
    for (i = 0; i < 20000; i++) printf "        m%d = \"v\"\n", i
    print "      }\n    }\n  }\n}"
}' >"$tmp/env.nomad"
timed "check: 20k env and 20k meta keys in a task" 6 0 "$rktc" check --no-fail "$tmp/env.nomad"
timed "plan: 20k env and 20k meta keys in a task" 6 0 "$rktc" plan "$tmp/env.nomad"
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

# ---- control bytes: every format escapes or replaces them ------------------
sed -e 's/XVALUEX/\\u001b[31m\\u0007\\u009b2J(x/' >"$tmp/esc.nomad" <<'JOB'
job "esc" {
  datacenters = ["dc1"]
  constraint {
    attribute = "${attr.kernel.name}"
    operator  = "regexp"
    value     = "XVALUEX"
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
for f in text gcc json junit sarif github checkstyle codeclimate; do
    "$rktc" check --format=$f "$tmp/esc.nomad" >"$tmp/esc.$f" 2>&1
    if ! grep -q 'NMD025' "$tmp/esc.$f"; then
        bad "control bytes, --format=$f: the finding is missing"
    elif LC_ALL=C grep -q -P '[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]' "$tmp/esc.$f"; then
        bad "control bytes, --format=$f: raw control bytes in the output"
    else
        ok
    fi
done

# ---- a directory tree deeper than the walk's limit is reported, not skipped --
deep=$tmp/deep
for _ in $(seq 100); do deep=$deep/d; done
mkdir -p "$deep" && cp examples/web.nomad "$deep/"
"$rktc" check --format=json "$tmp/deep" >"$tmp/deep.json" 2>/dev/null
st=$?
if [ $st -eq 2 ] && jq -e '.files[].diagnostics[] | select(.rule == "RKC010") |
        select(.message | test("64"))' "$tmp/deep.json" >/dev/null &&
    jq -e '.files[] | select(.path | endswith("/d/web.nomad"))' "$tmp/deep.json" >/dev/null; then ok
else bad "a file 100 directories deep: not reported (exit $st)"; fi

# ---- NUL bytes bound for argv, env or a unit file: an error, never cut short --
"$rktc" plan testdata/validate/NMD060-nul.json >"$tmp/out" 2>&1
st=$?
if [ $st -eq 1 ] && grep -q NMD060 "$tmp/out"; then ok
else bad "NUL bytes: plan exit $st, expected 1 with NMD060"; fi
"$rktc" build --target=systemd -o "$tmp/nul-out" testdata/validate/NMD060-nul-hcl.hcl >/dev/null 2>&1
st=$?
if [ $st -eq 1 ] && [ ! -e "$tmp/nul-out/rktc-manifest.txt" ]; then ok
else bad "NUL bytes: build exit $st or files written"; fi

# ---- config lookup that cannot be planted ---------------------------------
cfgt=$tmp/cfg
mkdir -p "$cfgt/ww/team" "$cfgt/repo/.git" "$cfgt/repo/jobs" "$cfgt/mine/jobs"
chmod 1777 "$cfgt/ww"
printf 'format = ["json:planted.json"]\n' >"$cfgt/ww/.rktc.hcl"
cp examples/web.nomad "$cfgt/ww/team/"
(cd "$cfgt" && "$rktc" check ww/team/web.nomad >/dev/null 2>&1)
if [ ! -e "$cfgt/ww/planted.json" ]; then ok
else bad "config planted in a world-writable parent was used"; fi
printf 'format = ["json:above.json"]\n' >"$cfgt/.rktc.hcl"
cp examples/web.nomad "$cfgt/repo/jobs/"
(cd "$cfgt" && "$rktc" check repo/jobs/web.nomad >/dev/null 2>&1)
if [ ! -e "$cfgt/above.json" ]; then ok
else bad "config above a repository root (.git) was used"; fi
rm "$cfgt/.rktc.hcl"
cp examples/web.nomad "$cfgt/mine/jobs/"
printf 'format = ["text", "json:r.json"]\n' >"$cfgt/mine/.rktc.hcl"
out=$(cd "$cfgt" && "$rktc" check mine/jobs/web.nomad 2>&1)
if [ -f "$cfgt/mine/r.json" ] && printf '%s\n' "$out" | tail -1 | grep -q "config mine/.rktc.hcl"; then ok
else bad "trusted config: report not beside it, or the summary does not name it"; fi
rm -f "$cfgt/mine/r.json"
chmod 666 "$cfgt/mine/.rktc.hcl"
out=$(cd "$cfgt" && "$rktc" check mine/jobs/web.nomad 2>&1)
if [ ! -e "$cfgt/mine/r.json" ] && printf '%s\n' "$out" | grep -q "ignoring the config file.*writable by others"; then ok
else bad "a config writable by others was not ignored with a warning"; fi
chmod 644 "$cfgt/mine/.rktc.hcl"
if chown 65534 "$cfgt/mine/.rktc.hcl" 2>/dev/null && [ "$(id -u)" != 65534 ]; then
    out=$(cd "$cfgt" && "$rktc" check mine/jobs/web.nomad 2>&1)
    if [ ! -e "$cfgt/mine/r.json" ] && printf '%s\n' "$out" | grep -q "owned by another user"; then ok
    else bad "a config owned by another user was not ignored with a warning"; fi
    chown "$(id -u)" "$cfgt/mine/.rktc.hcl"
else
    skipped "config owned by another user: chown not permitted"
fi
for spec in "json:/tmp/rktc-escape.json" "json:../escape.json" "json:a/../../escape.json"; do
    printf 'format = ["%s"]\n' "$spec" >"$cfgt/mine/.rktc.hcl"
    (cd "$cfgt" && "$rktc" check mine/jobs/web.nomad >"$tmp/out" 2>&1)
    st=$?
    if [ $st -eq 4 ] && grep -q "only inside its own" "$tmp/out" && [ ! -e "$cfgt/escape.json" ] &&
        [ ! -e /tmp/rktc-escape.json ]; then ok
    else bad "config output $spec: exit $st, expected 4 and nothing written"; fi
done

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
    if [ -c "$tmp/null" ] && [ -L "$tmp/null-link" ] && [ -z "$(leftovers "$tmp")" ]; then ok
    else bad "report to a character device replaced it"; fi
else
    skipped "character device: mknod not permitted"
fi

# ---- builds: all files of a job or none, manifests kept under concurrency ---
gen_tasks() { # JOB TASKS
    awk -v job="$1" -v tasks="$2" 'BEGIN {
        printf "job \"%s\" {\n  datacenters = [\"dc1\"]\n  group \"frontend\" {\n", job
        for (t = 0; t < tasks; t++)
            printf "    task \"t%d\" {\n      driver = \"rkt\"\n      config {\n        image = \"docker://nginx:1.19\"\n        args = [\"%0500d\"]\n      }\n    }\n", t, t
        print "  }\n}"
    }'
}
gen_tasks web 1 >"$tmp/web1.nomad"
gen_tasks web 6 >"$tmp/web6.nomad"
mkdir -p "$tmp/mnt"
# tmpfs counts 4k pages: one launcher with its INSTALL and manifest fits 16k
# (and a 12k disk takes no 6-task build), six launchers do not
if mount -t tmpfs -o size=16k tmpfs "$tmp/mnt" 2>/dev/null; then
    "$rktc" build --target=sh -o "$tmp/mnt/out" "$tmp/web1.nomad" >/dev/null 2>&1 ||
        bad "full disk: the small build does not fit 16k"
    (cd "$tmp/mnt/out" && cat -- * | cksum) >"$tmp/before"
    "$rktc" build --target=sh -o "$tmp/mnt/out" "$tmp/web6.nomad" >/dev/null 2>"$tmp/err"
    st=$?
    (cd "$tmp/mnt/out" && cat -- * | cksum) >"$tmp/after"
    if [ $st -eq 2 ] && grep -q "No space left" "$tmp/err" && cmp -s "$tmp/before" "$tmp/after" &&
        [ -z "$(leftovers "$tmp/mnt")" ]; then ok
    else bad "full disk: exit $st, old build changed or temp files left"; cat "$tmp/err" | head -3; fi
    umount "$tmp/mnt"
    mount -t tmpfs -o size=12k tmpfs "$tmp/mnt"
    "$rktc" build --target=systemd -o "$tmp/mnt/out" "$tmp/web6.nomad" >/dev/null 2>&1
    st=$?
    if [ $st -eq 2 ] && [ -z "$(ls -A "$tmp/mnt/out")" ]; then ok
    else bad "full disk: exit $st, a partial job was left: $(ls -A "$tmp/mnt/out" | head -3)"; fi
    umount "$tmp/mnt"
else
    skipped "full disk: cannot mount a 12k tmpfs here (needs root)"
fi
# stderr goes to a pipe: the file size limit applies to files only
err=$( (ulimit -f 4; "$rktc" build --target=systemd -o "$tmp/fsize" "$tmp/web6.nomad" >/dev/null
        echo "status $?") 2>&1)
if printf '%s\n' "$err" | grep -q "^status 2$" && printf '%s\n' "$err" | grep -q "file size limit" &&
    [ -z "$(leftovers "$tmp/fsize")" ] && [ -z "$(ls -A "$tmp/fsize")" ]; then ok
else bad "ulimit -f 4, build: no exit 2 and message, or files left"; printf '%s\n' "$err" | tail -3; fi
err=$( (ulimit -f 4; "$rktc" check --format=json:"$tmp/fsize/r.json" "$tmp/tasks.nomad" >/dev/null
        echo "status $?") 2>&1)
if printf '%s\n' "$err" | grep -q "^status 2$" && printf '%s\n' "$err" | grep -q "file size limit" &&
    [ -z "$(leftovers "$tmp/fsize")" ]; then ok
else bad "ulimit -f 4, report: no exit 2 and message, or temp files left"; printf '%s\n' "$err" | tail -3; fi
gen_tasks api 2 >"$tmp/api.nomad"
gen_tasks db 3 >"$tmp/db.nomad"
"$rktc" build --target=systemd -o "$tmp/conc-ref" "$tmp/api.nomad" "$tmp/db.nomad" >/dev/null 2>&1
expected=$(find "$tmp/conc-ref" -type f ! -name rktc-manifest.txt | wc -l)
for round in 1 2 3 4 5; do
    rm -rf "$tmp/conc"
    "$rktc" build --target=systemd -o "$tmp/conc" "$tmp/api.nomad" >/dev/null 2>&1 &
    "$rktc" build --target=systemd -o "$tmp/conc" "$tmp/db.nomad" >/dev/null 2>&1 &
    wait
    listed=$(grep -vc '^#' "$tmp/conc/rktc-manifest.txt")
    present=$(find "$tmp/conc" -type f ! -name rktc-manifest.txt | wc -l)
    # 2 + 3 units, a target per job and per group (4), INSTALL, ...: both jobs' files
    if [ "$listed" -eq "$present" ] && [ "$present" -eq "$expected" ]; then ok
    else bad "concurrent builds, round $round: $listed listed, $present files"; fi
done
"$rktc" build --target=sh -o examples/web.nomad examples/web.nomad >/dev/null 2>"$tmp/err"
st=$?
if [ $st -eq 2 ] && grep -q "not a directory" "$tmp/err"; then ok
else bad "unwritable build output: exit $st, expected 2 with a message"; fi
"$rktc" check --format=json:/nonexistent-rktc/r.json examples/web.nomad >/dev/null 2>"$tmp/err"
st=$?
if [ $st -eq 2 ] && grep -q "nonexistent-rktc" "$tmp/err"; then ok
else bad "unwritable report: exit $st, expected 2 with a message"; fi

echo "hostile: $pass passed, $fail failed, $skip skipped"
[ "$fail" -eq 0 ]
