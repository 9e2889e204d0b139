#!/bin/sh
# migrate.sh RKTC SHARED HCL1JSON HCL1FMT [--update] — the migration commands over
# the rkt jobs of the corpus (manifest column uses_rkt):
#  1. docs/migration.md is exactly `rktc audit --matrix` (generated from the
#     table in src/migrate/mapping.c);
#  2. `rktc audit` (Markdown and JSON) of the rkt files equals
#     testdata/migrate/corpus-audit.{md,json}, and reports a job exactly for
#     the files Nomad reads (corpus/expected/NAME.api.json exists);
#  3. `rktc build --target=nomad-docker|nomad-podman` of the readable ones
#     equals testdata/migrate/<target>/NAME (JSON inputs: NAME written as
#     an HCL file, see out_name); every output parses with the HCL1 reference
#     and with HashiCorp's HCL2 library (hcl2json; $HCL2JSON, default
#     build/tools/hcl2json) and with `rktc jobspec`, has no rkt task, no
#     `port_map` and no `${driver.*}` left, keeps the rest of the job
#     (jobspec equal outside the rewritten tasks' Driver, Config and User,
#     the driver constraints and the networks, which move to the group with
#     the same ports), and `rktc check` reports no error rule the input did
#     not have;
#  4. the hand-written cases under testdata/migrate/cases: audit, both
#     rewrites and their findings as golden files, the same re-parsing;
#  5. the rewrites of every readable HCL job of the corpus with its tasks
#     switched to rkt (many layouts: tabs, comments, repeated blocks) parse,
#     leave no rkt task and keep the rest of the job.
# --update rewrites the expected files (review the diff before committing).
rktc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shared=$(cd "${2:-../shared}" && pwd)
hcl1json=$3
hcl1fmt=$4
update=$5
here=$(pwd)
hcl2json=${HCL2JSON:-$here/build/tools/hcl2json}
out_name() { # the output name of an input: JSON inputs become HCL files
    case $1 in
    *.hcl.json) echo "${1%.json}" ;;
    *.json) echo "${1%.json}.hcl" ;;
    *) echo "$1" ;;
    esac
}
# the ports of each group, wherever the group's tasks declare them
ports='[.Job.TaskGroups[]? | [(.Networks // []), ([.Tasks[]?.Resources.Networks // []] | add // [])]
  | add | map((.ReservedPorts // []) + (.DynamicPorts // [])) | add // [] | map({Label, Value}) | sort_by(.Label)]'
# the rest of a rewritten job: what no rewrite may change
leftover() { grep -v '^ *#' "$1" | grep -n 'port_map\|\${driver\.'; }
driver_left() { grep -v '^ *#' "$1" | grep -n '\${driver\.'; }
# the services of each group (task services move to the group): their ports,
# checks, names (an empty one: the name Nomad gives) and the task each belongs
# to (a task service: its task; a group service: its TaskName)
services='[.Job.TaskGroups[]? | [((.Services // []) | map(.Owner = (.TaskName // "")
      | .Name = (if (.Name // "") == "" then "${JOB}-${TASKGROUP}" else .Name end))),
    ([.Tasks[]? | .Name as $task | (.Services // []) | map(.Owner = $task
      | .Name = (if (.Name // "") == "" then "${JOB}-${TASKGROUP}-" + $task else .Name end))]
     | add // [])] | add
  | map({Name, Owner, PortLabel, Tags, Checks: ((.Checks // []) | map(del(.TaskName)))})
  | sort_by(.Owner, .Name, .PortLabel)]'
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
  | del(.Job.TaskGroups[]?.Networks, .Job.TaskGroups[]?.Tasks[]?.Resources.Networks)
  | del(.Job.TaskGroups[]?.Services, .Job.TaskGroups[]?.Tasks[]?.Services)
  | walk(if type == "object" and has("LTarget") and has("Operand") and .Operand == "" then .Operand = "=" else . end)
  | .Job.Name //= .Job.ID
  | walk(if type == "string" then sub("\\$\\{(attr\\.)?driver\\.(rkt|docker|podman)\\}"; "${driver.X}") else . end)'
errors='[.files[].diagnostics[] | select(.severity == "error") | .rule] | unique | .[]'
for target in nomad-docker nomad-podman; do
    out=$tmp/$target
    (cd "$files" && "$rktc" build --target=$target -o "$out" $readable) >/dev/null 2>"$tmp/$target.err"
    status=$?
    [ $status -le 1 ] || { bad "build --target=$target exit $status"; cat "$tmp/$target.err" | head; }
    for n in $readable; do
        o=$(out_name "$n")
        if [ "$update" = --update ]; then
            cp "$out/$o" "$expected/$target/$o"
        fi
        if cmp -s "$out/$o" "$expected/$target/$o"; then ok; else
            bad "$target $n differs from the golden file"; diff "$expected/$target/$o" "$out/$o" | head -8
        fi
        if "$hcl1json" "$out/$o" >/dev/null 2>&1; then ok; else bad "$target $n: the HCL1 reference refuses it"; fi
        if "$hcl2json" "$out/$o" >/dev/null 2>"$tmp/h2.err"; then ok; else bad "$target $n: HCL2 refuses it: $(head -1 "$tmp/h2.err")"; fi
        if leftover "$out/$o" >"$tmp/left"; then bad "$target $n: port_map or \${driver.*} left: $(head -1 "$tmp/left")"; else ok; fi
        if "$rktc" jobspec "$out/$o" >"$tmp/out.api" 2>/dev/null; then ok; else bad "$target $n: rktc jobspec refuses it"; continue; fi
        (cd "$files" && "$rktc" jobspec "$n") >"$tmp/in.api" 2>/dev/null
        if [ "$(jq -r '[.Job.TaskGroups[]?.Tasks[]?.Driver] | map(select(. == "rkt")) | length' "$tmp/out.api")" = 0 ]; then ok; else bad "$target $n: an rkt task is left"; fi
        if [ "$(jq -cS "$ports" "$tmp/in.api")" = "$(jq -cS "$ports" "$tmp/out.api")" ]; then ok; else
            bad "$target $n: the ports changed"; jq -cS "$ports" "$tmp/in.api"; jq -cS "$ports" "$tmp/out.api"
        fi
        if [ "$(jq -cS "$services" "$tmp/in.api")" = "$(jq -cS "$services" "$tmp/out.api")" ]; then ok; else
            bad "$target $n: the services changed"
        fi
        if [ "$(jq -S "$normalize" "$tmp/in.api")" = "$(jq -S "$normalize" "$tmp/out.api")" ]; then ok; else
            bad "$target $n: the job changed outside the rewritten tasks"
            jq -S "$normalize" "$tmp/in.api" >"$tmp/in.norm"
            jq -S "$normalize" "$tmp/out.api" >"$tmp/out.norm"
            diff "$tmp/in.norm" "$tmp/out.norm" | head -5
        fi
        (cd "$files" && "$rktc" check --format=json "$n") 2>/dev/null | jq -r "$errors" >"$tmp/in.err"
        "$rktc" check --format=json "$out/$o" 2>/dev/null | jq -r "$errors" >"$tmp/out.err"
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
        o=$(out_name "$n")
        if [ "$update" = --update ]; then cp "$tmp/case/$o" "$cases/$target/$o"; fi
        if cmp -s "$tmp/case/$o" "$cases/$target/$o"; then ok; else
            bad "case $target $o"; diff "$cases/$target/$o" "$tmp/case/$o" | head -8
        fi
        if [ "$update" = --update ]; then cp "$tmp/case.err" "$cases/$target/$n.err"; fi
        if cmp -s "$tmp/case.err" "$cases/$target/$n.err"; then ok; else
            bad "case $target $n findings"; diff "$cases/$target/$n.err" "$tmp/case.err" | head -8
        fi
        if "$hcl1json" "$tmp/case/$o" >/dev/null 2>&1; then ok; else bad "case $target $n: the HCL1 reference refuses it"; fi
        if "$hcl2json" "$tmp/case/$o" >/dev/null 2>&1; then ok; else bad "case $target $n: HCL2 refuses it"; fi
        # ports kept in the task network (MIG012) keep their port_map
        if grep -q 'MIG012' "$tmp/case.err"; then left=driver_left; else left=leftover; fi
        if $left "$tmp/case/$o" >/dev/null; then bad "case $target $n: port_map or \${driver.*} left"; else ok; fi
        if "$rktc" jobspec "$tmp/case/$o" >"$tmp/out.api" 2>/dev/null; then ok; else bad "case $target $n: rktc jobspec refuses it"; fi
        (cd "$cases" && "$rktc" jobspec "$n") >"$tmp/in.api" 2>/dev/null
        jq -S "$normalize" "$tmp/in.api" >"$tmp/in.norm"
        jq -S "$normalize" "$tmp/out.api" >"$tmp/out.norm"
        if cmp -s "$tmp/in.norm" "$tmp/out.norm"; then ok; else bad "case $target $n: the job changed outside the rewritten tasks"; fi
        if [ "$(jq -cS "$services" "$tmp/in.api")" = "$(jq -cS "$services" "$tmp/out.api")" ]; then ok; else
            bad "case $target $n: the services changed (name, task, port or checks)"
            jq -cS "$services" "$tmp/in.api"; jq -cS "$services" "$tmp/out.api"
        fi
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
        if ! "$hcl1json" "$out" >/dev/null 2>&1 || ! "$hcl2json" "$out" >/dev/null 2>&1 ||
            ! "$rktc" jobspec "$out" >"$tmp/out.api" 2>/dev/null; then
            broken=$((broken + 1)); echo "layouts $target $n: does not parse"; continue
        fi
        "$rktc" jobspec "$f" 2>/dev/null >"$tmp/in.api"
        jq -S "$normalize" "$tmp/in.api" >"$tmp/in.norm"
        jq -S "$normalize" "$tmp/out.api" >"$tmp/out.norm"
        left=$(jq '[.Job.TaskGroups[]?.Tasks[]? | select(.Driver == "rkt")] | length' "$tmp/out.api")
        if [ "$left" != 0 ] || ! cmp -s "$tmp/in.norm" "$tmp/out.norm"; then
            broken=$((broken + 1)); echo "layouts $target $n: rkt left or job changed"
            diff "$tmp/in.norm" "$tmp/out.norm" | head -5
        fi
        if [ "$(jq -cS "$ports" "$tmp/in.api")" != "$(jq -cS "$ports" "$tmp/out.api")" ] ||
            [ "$(jq -cS "$services" "$tmp/in.api")" != "$(jq -cS "$services" "$tmp/out.api")" ]; then
            broken=$((broken + 1)); echo "layouts $target $n: the ports or services changed"
        fi
    done
    if [ $broken -eq 0 ] && [ $count -gt 100 ]; then ok; else bad "layouts $target: $broken of $count"; fi
done

[ "$update" = --update ] && exit 0
echo "migrate: $pass passed, $fail failed"
[ $fail -eq 0 ]
