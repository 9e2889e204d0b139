#!/bin/sh
# profile.sh FILE COMMAND... — where the CPU time of one rktc run goes, per
# stage: samples of Debian's linux-perf (the software clock, which works
# where hardware counters are not available) with DWARF call stacks, each
# sample charged to the innermost stage function on its stack. Needs perf;
# prints percentages. Example: sh bench/profile.sh build/bench/job-20MB.nomad ./rktc check
set -eu
file=$1
shift
data=${TMPDIR:-/tmp}/rktc-profile.$$.data
trap 'rm -f "$data"' EXIT
perf record -q -e cpu-clock --call-graph dwarf,16384 -F ${PROFILE_HZ:-400} -o "$data" "$@" "$file" \
    >/dev/null 2>&1 || true
perf script -i "$data" 2>/dev/null | awk '
function classify(   s) {
    if (stack == "") return
    s = "other"
    if (stack ~ / hcl_scan /) s = "lexer"
    else if (stack ~ / (hclyyparse|hcl_parse_native|check_bytes) /) s = "parser"
    else if (stack ~ / hcl_generic_write_json /) s = "generic decode + output (streamed)"
    else if (stack ~ / (hcl_decode_object|hcl_decode_object_checked|hcl_decode_generic) /) s = "generic decode"
    else if (stack ~ / nomad_validate /) s = "validation"
    else if (stack ~ / (rkt_plan_job|rkt_check_job) /) s = "plan + rkt checks"
    else if (stack ~ / (nomad_decode_hcl|nomad_decode_hcl_lean) /) s = "job decode"
    else if (stack ~ / (gval_write_json|write_value|json_write_string|report_[a-z_]*|render_plain) /) s = "output"
    else if (stack ~ / (arena_free|unit_free) /) s = "free"
    else if (stack ~ / source_load /) s = "read input"
    else if (stack ~ / suppress_apply /) s = "suppressions"
    n[s]++
    total++
    stack = ""
}
/^[^ \t]/ { classify(); next }
NF >= 2 { sym = $2; sub(/\+0x[0-9a-f]+$/, "", sym); stack = stack " " sym " " }
END {
    classify()
    for (k in n) printf "  %5.1f%%  %s\n", 100 * n[k] / total, k
}' | sort -rn
