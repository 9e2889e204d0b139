#!/bin/sh
# migrate.sh RKTC SHARED HCL1JSON HCL1FMT [--update] — the migration commands over
# the rkt jobs of the corpus (manifest column uses_rkt):
#  1. docs/migration.md is exactly `rktc audit --matrix` (generated from the
#     table in src/migrate/mapping.c);
#  2. `rktc audit` (Markdown and JSON) of the rkt files equals
#     testdata/migrate/corpus-audit.{md,json}, and reports a job exactly for
#     the files Nomad reads (corpus/expected/NAME.api.json exists);
#  3. `rktc build --target=nomad-docker|nomad-podman` of the readable ones
#     equals testdata/migrate/<target>/NAME; every output parses with the
#     HCL1 reference (HCL outputs) and with `rktc jobspec`, has no rkt task
#     left, keeps the rest of the job (jobspec equal outside the rewritten
#     tasks' Driver, Config and User and the ${driver.*} constraints), and
#     `rktc check` reports no error rule the input did not have;
#  4. the hand-written cases under testdata/migrate/cases: audit, both
#     rewrites and their findings as golden files, the same re-parsing, and
#     the rewritten HCL unchanged by HCL1's printer (hclfmt layout);
#  5. the rewrites of every readable HCL job of the corpus with its tasks
#     switched to rkt (many layouts: tabs, comments, repeated blocks) parse,
#     leave no rkt task and keep the rest of the job; inputs in the HCL1
#     printer's layout stay in it.
# --update rewrites the expected files (review the diff before committing).
rktc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shared=$(cd "${2:-../shared}" && pwd)
hcl1json=$3
hcl1fmt=$4
update=$5
here=$(pwd)
expected=$here/testdata/migrate
files=$shared/corpus/files
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL $*"; }

# 1. the matrix document
"$rktc" audit --matrix >"$tmp/matrix.md"
if [ "$update" = --update ]; then cp "$tmp/matrix.md" docs/migration.md; fi
if cmp -s "$tmp/matrix.md" docs/migration.md; then ok; else
    bad "docs/migration.md differs from rktc audit --matrix"; diff docs/migration.md "$tmp/matrix.md" | head -5
fi

# 2. the audit
names=$(awk -F'\t' 'NR > 1 && $6 == "yes" { print $1 }' "$shared/corpus/manifest.tsv")
readable=""
for n in $names; do [ -f "$shared/corpus/expected/$n.api.json" ] && readable="$readable $n"; done
mkdir -p "$expected/nomad-docker" "$expected/nomad-podman"
(cd "$files" && "$rktc" audit $names) >"$tmp/audit.md" || bad "audit exit status"
(cd "$files" && "$rktc" audit --format=json $names) >"$tmp/audit.json" || bad "audit --format=json exit status"
for f in audit.md audit.json; do
    if [ "$update" = --update ]; then cp "$tmp/$f" "$expected/corpus-$f"; fi
    if cmp -s "$tmp/$f" "$expected/corpus-$f"; then ok; else
        bad "corpus $f"; diff "$expected/corpus-$f" "$tmp/$f" | head -8
    fi
done
jq -e . "$tmp/audit.json" >/dev/null || bad "audit JSON does not parse"
for n in $names; do
    status=$(jq -r --arg p "$n" '.files[] | select(.path == $p) | .status' "$tmp/audit.json")
    if [ -f "$shared/corpus/expected/$n.api.json" ]; then want=rkt; else want=not-a-job; fi
    if [ "$status" = "$want" ]; then ok; else bad "audit status of $n: $status (want $want)"; fi
done

# 3. the rewrites
normalize='del(.Job.TaskGroups[]?.Tasks[]?.Config, .Job.TaskGroups[]?.Tasks[]?.Driver, .Job.TaskGroups[]?.Tasks[]?.User)
  | walk(if type == "string" then sub("\\$\\{driver\\.(rkt|docker|podman)\\}"; "${driver.X}") else . end)'
errors='[.files[].diagnostics[] | select(.severity == "error") | .rule] | unique | .[]'
for target in nomad-docker nomad-podman; do
    out=$tmp/$target
    (cd "$files" && "$rktc" build --target=$target -o "$out" $readable) >/dev/null 2>"$tmp/$target.err"
    status=$?
    [ $status -le 1 ] || { bad "build --target=$target exit $status"; cat "$tmp/$target.err" | head; }
    for n in $readable; do
        if [ "$update" = --update ]; then
            cp "$out/$n" "$expected/$target/$n"
            [ -f "$out/$n.migration.txt" ] && cp "$out/$n.migration.txt" "$expected/$target/"
        fi
        if cmp -s "$out/$n" "$expected/$target/$n"; then ok; else
            bad "$target $n differs from the golden file"; diff "$expected/$target/$n" "$out/$n" | head -8
        fi
        if [ -f "$out/$n.migration.txt" ]; then
            if cmp -s "$out/$n.migration.txt" "$expected/$target/$n.migration.txt"; then ok; else bad "$target $n.migration.txt"; fi
        fi
        case $n in
        *.json) ;;
        *) if "$hcl1json" "$out/$n" >/dev/null 2>&1; then ok; else bad "$target $n: the HCL1 reference refuses it"; fi ;;
        esac
        if "$rktc" jobspec "$out/$n" >"$tmp/out.api" 2>/dev/null; then ok; else bad "$target $n: rktc jobspec refuses it"; continue; fi
        (cd "$files" && "$rktc" jobspec "$n") >"$tmp/in.api" 2>/dev/null
        if [ "$(jq -r '[.Job.TaskGroups[]?.Tasks[]?.Driver] | map(select(. == "rkt")) | length' "$tmp/out.api")" = 0 ]; then ok; else bad "$target $n: an rkt task is left"; fi
        if [ "$(jq -S "$normalize" "$tmp/in.api")" = "$(jq -S "$normalize" "$tmp/out.api")" ]; then ok; else
            bad "$target $n: the job changed outside the rewritten tasks"
            jq -S "$normalize" "$tmp/in.api" >"$tmp/in.norm"
            jq -S "$normalize" "$tmp/out.api" >"$tmp/out.norm"
            diff "$tmp/in.norm" "$tmp/out.norm" | head -5
        fi
        (cd "$files" && "$rktc" check --format=json "$n") 2>/dev/null | jq -r "$errors" >"$tmp/in.err"
        "$rktc" check --format=json "$out/$n" 2>/dev/null | jq -r "$errors" >"$tmp/out.err"
        new=$(grep -vxF -f "$tmp/in.err" "$tmp/out.err")
        if [ -z "$new" ]; then ok; else bad "$target $n: rktc check reports new errors: $new"; fi
    done
done
# 4. hand-written cases (every rkt option): audit, rewrites, findings
cases=$expected/cases
names=$(cd "$cases" && ls *.nomad *.json 2>/dev/null)
for fmt in markdown json; do
    (cd "$cases" && "$rktc" audit --format=$fmt $names) >"$tmp/cases.$fmt" || bad "cases audit $fmt"
    if [ "$update" = --update ]; then cp "$tmp/cases.$fmt" "$expected/cases-audit.$fmt"; fi
    if cmp -s "$tmp/cases.$fmt" "$expected/cases-audit.$fmt"; then ok; else
        bad "cases audit.$fmt"; diff "$expected/cases-audit.$fmt" "$tmp/cases.$fmt" | head -8
    fi
done
# a directory walk names the files it leaves out
mkdir -p "$tmp/walk/sub"
cp "$cases/spec-example.nomad" "$tmp/walk/sub/"
echo 'job "x" {}' >"$tmp/walk/job.nomad.tpl"
"$rktc" audit --format=json "$tmp/walk" >"$tmp/walk.json"
if [ "$(jq -r '[.files[] | select(.status == "not-a-job") | .path] | join(",")' "$tmp/walk.json")" = "$tmp/walk/job.nomad.tpl" ] &&
    [ "$(jq -r '.summary.rkt_jobs' "$tmp/walk.json")" = 1 ]; then ok; else bad "audit of a directory: files left out of the walk"; fi
for target in nomad-docker nomad-podman; do
    for n in $names; do
        rm -rf "$tmp/case"
        (cd "$cases" && "$rktc" build --target=$target -o "$tmp/case" "$n") >/dev/null 2>"$tmp/case.err"
        [ $? -le 1 ] || bad "build $target $n exit status"
        for f in "$n" "$n.migration.txt"; do
            [ -f "$tmp/case/$f" ] || continue
            if [ "$update" = --update ]; then cp "$tmp/case/$f" "$cases/$target/$f"; fi
            if cmp -s "$tmp/case/$f" "$cases/$target/$f"; then ok; else
                bad "case $target $f"; diff "$cases/$target/$f" "$tmp/case/$f" | head -8
            fi
        done
        if [ "$update" = --update ]; then cp "$tmp/case.err" "$cases/$target/$n.err"; fi
        if cmp -s "$tmp/case.err" "$cases/$target/$n.err"; then ok; else
            bad "case $target $n findings"; diff "$cases/$target/$n.err" "$tmp/case.err" | head -8
        fi
        case $n in
        *.json) ;;
        *) if "$hcl1json" "$tmp/case/$n" >/dev/null 2>&1; then ok; else bad "case $target $n: the HCL1 reference refuses it"; fi
           "$hcl1fmt" "$tmp/case/$n" >"$tmp/case.fmt" 2>&1
           if cmp -s "$tmp/case.fmt" "$tmp/case/$n"; then ok; else
               bad "case $target $n: not in the HCL1 printer's layout"; diff "$tmp/case/$n" "$tmp/case.fmt" | head -6
           fi ;;
        esac
        if "$rktc" jobspec "$tmp/case/$n" >"$tmp/out.api" 2>/dev/null; then ok; else bad "case $target $n: rktc jobspec refuses it"; fi
        (cd "$cases" && "$rktc" jobspec "$n") >"$tmp/in.api" 2>/dev/null
        jq -S "$normalize" "$tmp/in.api" >"$tmp/in.norm"
        jq -S "$normalize" "$tmp/out.api" >"$tmp/out.norm"
        if cmp -s "$tmp/in.norm" "$tmp/out.norm"; then ok; else bad "case $target $n: the job changed outside the rewritten tasks"; fi
    done
done

# 5. layouts: every readable HCL job of the corpus with its docker, exec,
#    raw_exec, java, podman and qemu tasks switched to rkt; both rewrites
#    must parse (HCL1 reference, rktc jobspec), leave no rkt task and keep
#    the job as it was outside the rewritten tasks
mkdir -p "$tmp/layouts"
for n in $(cd "$files" && ls); do
    case $n in *.json) continue ;; esac
    [ -f "$shared/corpus/expected/$n.api.json" ] || continue
    sed -E 's/driver( *)= *"(docker|exec|raw_exec|java|podman|qemu)"/driver\1= "rkt"/' \
        "$files/$n" >"$tmp/layouts/$n"
done
for target in nomad-docker nomad-podman; do
    "$rktc" build --target=$target -o "$tmp/layouts-$target" "$tmp/layouts" >/dev/null 2>&1
    [ $? -le 1 ] || bad "layouts: build --target=$target exit status"
    count=0 broken=0
    for f in "$tmp/layouts"/*; do
        n=$(basename "$f")
        count=$((count + 1))
        out=$tmp/layouts-$target/$n
        if ! "$hcl1json" "$out" >/dev/null 2>&1 || ! "$rktc" jobspec "$out" >"$tmp/out.api" 2>/dev/null; then
            broken=$((broken + 1)); echo "layouts $target $n: does not parse"; continue
        fi
        "$rktc" jobspec "$f" 2>/dev/null | jq -S "$normalize" >"$tmp/in.norm"
        jq -S "$normalize" "$tmp/out.api" >"$tmp/out.norm"
        left=$(jq '[.Job.TaskGroups[]?.Tasks[]? | select(.Driver == "rkt")] | length' "$tmp/out.api")
        if [ "$left" != 0 ] || ! cmp -s "$tmp/in.norm" "$tmp/out.norm"; then
            broken=$((broken + 1)); echo "layouts $target $n: rkt left or job changed"
        fi
        # an input already in the HCL1 printer's layout stays in it
        if "$hcl1fmt" "$f" 2>/dev/null | cmp -s - "$f" &&
            ! "$hcl1fmt" "$out" 2>/dev/null | cmp -s - "$out"; then
            broken=$((broken + 1)); echo "layouts $target $n: not in the HCL1 printer's layout"
        fi
    done
    if [ $broken -eq 0 ] && [ $count -gt 100 ]; then ok; else bad "layouts $target: $broken of $count"; fi
done

[ "$update" = --update ] && exit 0
echo "migrate: $pass passed, $fail failed"
[ $fail -eq 0 ]
