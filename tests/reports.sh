#!/bin/sh
# reports.sh RKTC SHARED — the machine reports against their consumers.
#
# One `rktc check` run over the whole corpus writes text, JSON, JUnit,
# SARIF and checkstyle together; then: the JUnit validates against all three
# XSDs (xmllint), the SARIF against the 2.1.0 JSON schema (Debian's
# python3-jsonschema), python3-junitparser reads the JUnit back with suite
# counts equal to its cases, and the totals of JUnit, SARIF and JSON agree:
# JUnit failures are the findings at or above the failure threshold (a run
# with --failure-threshold=error too), at most files + findings cases.
# A second run with the same SOURCE_DATE_EPOCH must give identical bytes,
# and `rktc report` must render the saved JSON into the bytes check wrote.
# The committed golden JUnit/SARIF samples (testdata/check) are validated
# the same way.
set -u
shared=${2:-../shared}
py=/usr/bin/python3 # Debian's python, where python3-jsonschema/junitparser live
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# a private copy: a rebuild during the run must not change the program
cp "$1" "$tmp/rktc" && "$tmp/rktc" --version >/dev/null || { echo "cannot run $1" >&2; exit 1; }
rktc=$tmp/rktc
fail=0
bad() { echo "FAIL reports: $*"; fail=1; }

run() { # DIR
    mkdir -p "$1"
    SOURCE_DATE_EPOCH=1767323045 "$rktc" check --no-config \
        --format=text:"$1/out.txt" --format=json:"$1/out.json" \
        --format=junit:"$1/out.xml" --format=sarif:"$1/out.sarif" \
        --format=checkstyle:"$1/out.checkstyle" "$shared/corpus/files"
}
run "$tmp/a"
status=$?
# the corpus holds files Nomad cannot parse, so the status is 2
[ $status -eq 2 ] || bad "corpus run exited $status, expected 2"
for f in out.txt out.json out.xml out.sarif out.checkstyle; do
    [ -s "$tmp/a/$f" ] || bad "$f not written"
done

junit_files="$tmp/a/out.xml"
sarif_files="$tmp/a/out.sarif"
for f in testdata/check/*/expected/*.xml testdata/check/*/expected/stdout; do
    # the github profile adds file/line, outside all three schemas by design
    [ -f "$f" ] && grep -q '<testsuites' "$f" && ! grep -q '<testcase [^>]* file="' "$f" &&
        junit_files="$junit_files $f"
done
for f in testdata/check/*/expected/*.sarif; do
    [ -f "$f" ] && sarif_files="$sarif_files $f"
done

for xml in $junit_files; do
    for xsd in "$shared"/schemas/junit/*.xsd; do
        xmllint --noout --schema "$xsd" "$xml" 2>"$tmp/xmllint.err" ||
            { bad "$xml does not validate against $(basename "$xsd")"; head -5 "$tmp/xmllint.err"; }
    done
done
xmllint --noout "$tmp/a/out.checkstyle" || bad "checkstyle output is not well-formed XML"

$py - "$shared/schemas/sarif/sarif-2.1.0.json" $sarif_files <<'PY' || fail=1
import json, sys
import jsonschema
schema = json.load(open(sys.argv[1]))
validator = jsonschema.Draft7Validator(schema) if "draft-07" in schema.get("$schema", "") \
    else jsonschema.validators.validator_for(schema)(schema)
ok = True
for path in sys.argv[2:]:
    errors = list(validator.iter_errors(json.load(open(path))))
    for e in errors[:5]:
        print(f"FAIL reports: {path}: {e.message} at {list(e.absolute_path)}")
    ok = ok and not errors
sys.exit(0 if ok else 1)
PY

# the same corpus with --failure-threshold=error: warnings must not fail
mkdir -p "$tmp/e"
SOURCE_DATE_EPOCH=1767323045 "$rktc" check --no-config --failure-threshold=error \
    --format=json:"$tmp/e/out.json" --format=junit:"$tmp/e/out.xml" \
    --format=sarif:"$tmp/e/out.sarif" "$shared/corpus/files" >/dev/null
for xsd in "$shared"/schemas/junit/*.xsd; do
    xmllint --noout --schema "$xsd" "$tmp/e/out.xml" 2>/dev/null ||
        bad "threshold=error JUnit does not validate against $(basename "$xsd")"
done

# JUnit counts what fails the run: one testcase per finding at or above
# the threshold (failure, error for input problems, skipped when
# suppressed), one passing testcase per file without one, the findings
# below the threshold in <system-out>; SARIF levels agree
for set in "a warning" "e error"; do
    dir=${set%% *} threshold=${set#* }
    $py - "$tmp/$dir/out.xml" "$tmp/$dir/out.json" "$tmp/$dir/out.sarif" "$threshold" <<'PY' || fail=1
import json, sys
from junitparser import JUnitXml, Failure, Error, Skipped
xml = JUnitXml.fromfile(sys.argv[1])
report = json.load(open(sys.argv[2]))
sarif = json.load(open(sys.argv[3]))
order = ["error", "warning", "info", "style"]
threshold = order.index(sys.argv[4])
ok = True
def check(cond, what):
    global ok
    if not cond:
        print(f"FAIL reports (threshold {sys.argv[4]}):", what)
        ok = False
suites = list(xml)
check(len(suites) == len(report["files"]), f"{len(suites)} suites for {len(report['files'])} files")
tests = failures = errors = skipped = 0
names = set()
for suite in suites:
    cases = list(suite)
    f = sum(1 for c in cases for r in c.result if isinstance(r, Failure))
    e = sum(1 for c in cases for r in c.result if isinstance(r, Error))
    s = sum(1 for c in cases for r in c.result if isinstance(r, Skipped))
    check(suite.tests == len(cases), f"{suite.name}: tests={suite.tests}, {len(cases)} cases")
    check((suite.failures, suite.errors, suite.skipped) == (f, e, s),
          f"{suite.name}: counts {(suite.failures, suite.errors, suite.skipped)} != {(f, e, s)}")
    passing = sum(1 for c in cases if not c.result)
    check(passing == (1 if f + e == 0 else 0), f"{suite.name}: {passing} passing cases")
    for c in cases:
        key = (c.classname, c.name)
        check(key not in names, f"duplicate testcase {key}")
        names.add(key)
    tests += len(cases); failures += f; errors += e; skipped += s
summary = report["summary"]
active = summary["errors"] + summary["warnings"] + summary["info"] + summary["style"]
failing = sum(1 for f in report["files"] for d in f["diagnostics"]
              if order.index(d["severity"]) <= threshold)
failing_suppressed = sum(1 for f in report["files"] for d in f["suppressed"]
                         if order.index(d["severity"]) <= threshold)
check(failures + errors == failing, f"JUnit {failures}+{errors} failures, JSON {failing} at or above the threshold")
check(skipped == failing_suppressed, "suppressed counts differ")
check(tests <= len(report["files"]) + active + summary["suppressed"],
      f"{tests} JUnit cases for {len(report['files'])} files and {active} findings")
results = sarif["runs"][0]["results"]
check(len(results) == active + summary["suppressed"], "SARIF result count differs")
for r in results:
    region = r["locations"][0]["physicalLocation"].get("region")
    if region:
        check(min(region.values()) >= 1, f"SARIF region below 1: {region}")
shouting = sum(1 for r in results if r["level"] in ("error", "warning") and "suppressions" not in r)
check(shouting == failing, f"{shouting} SARIF errors/warnings, {failing} findings fail the run")
print(f"reports: corpus {len(suites)} files, threshold {sys.argv[4]}: {tests} JUnit cases "
      f"({failures} failures, {errors} errors, {skipped} skipped), "
      f"{len(results)} SARIF results")
sys.exit(0 if ok else 1)
PY
done

run "$tmp/b" >/dev/null
for f in out.txt out.json out.xml out.sarif out.checkstyle; do
    cmp -s "$tmp/a/$f" "$tmp/b/$f" || bad "$f differs between two runs with SOURCE_DATE_EPOCH"
done
# rktc report: the saved JSON renders into the same bytes in every format
mkdir -p "$tmp/r"
formats="text gcc json junit sarif github checkstyle codeclimate"
args=""
for f in $formats; do args="$args --format=$f:$tmp/r/check.$f"; done
SOURCE_DATE_EPOCH=1767323045 "$rktc" check --no-config $args "$shared/corpus/files" \
    testdata/check/suppress-silences/rkt.nomad testdata/check/suppress-pragmas/pragmas.nomad \
    >/dev/null
args=""
for f in $formats; do args="$args --format=$f:$tmp/r/report.$f"; done
SOURCE_DATE_EPOCH=1767323045 "$rktc" report $args "$tmp/r/check.json"
[ $? -eq 2 ] || bad "rktc report must exit as check did (2)"
for f in $formats; do
    cmp -s "$tmp/r/check.$f" "$tmp/r/report.$f" || bad "rktc report --format=$f differs from check"
done
grep -q '"justification"' "$tmp/r/report.json" || bad "no suppressed finding in the round trip"

# the rule catalogue: every rule listed, explained, and in the man page
count=$("$rktc" rules --format=json | jq length)
[ "$count" -gt 0 ] && [ "$("$rktc" rules | wc -l)" -eq "$count" ] ||
    bad "rktc rules lists $("$rktc" rules | wc -l) rules, JSON $count"
"$rktc" rules --format=json | jq -r '.[].id' >"$tmp/ids"
while read -r id; do
    "$rktc" explain "$id" >"$tmp/explain" 2>&1 && grep -q "^$id " "$tmp/explain" ||
        bad "rktc explain $id"
done <"$tmp/ids"
"$rktc" explain NOPE001 >/dev/null 2>&1
[ $? -eq 3 ] || bad "rktc explain of an unknown id must exit 3"
"$rktc" rules --format=man >"$tmp/rktc.1"
groff -man -ww -z "$tmp/rktc.1" 2>"$tmp/groff.err" && [ ! -s "$tmp/groff.err" ] ||
    { bad "man page has groff warnings"; head -5 "$tmp/groff.err"; }
[ "$(grep -c '^\.SS ' "$tmp/rktc.1")" -eq "$count" ] || bad "man page misses rules"
jq -e --argjson n "$count" '.runs[0].tool.driver.rules | length == $n' "$tmp/a/out.sarif" \
    >/dev/null || bad "SARIF rules[] is not the rule table"

[ $fail -eq 0 ] && echo "reports: JUnit valid under 3 XSDs, SARIF valid, counts agree, reproducible; $count rules listed, explained and in the man page"
exit $fail
