#!/bin/sh
# ratios.sh RKTC SHARED HCL1JSON — the whole-process figures of issue 15,
# measured side by side in one run so that a busy machine affects both
# sides alike:
#   - hcl1json (HashiCorp's HCL1 library), `rktc parse` and `rktc check` on
#     the generated 20 MB job: CPU (user + system) and peak RSS, as ratios
#     (how many times faster than hcl1json; peak RSS per input byte);
#   - `rktc check` on 5, 20 and 80 MB jobs: CPU and peak RSS per MB (linear
#     cost means the per-MB figures stay within 1.5x of each other);
#   - `rktc check` over the whole reference corpus in one call: CPU.
# Each figure is the best of BENCH_RUNS runs (default 3; the 80 MB job
# runs once). BENCH_SIZES overrides the sizes of the linearity figures.
# Needs GNU time (/usr/bin/time). Prints figures; asserts nothing.
set -eu
rktc=$1
shared=${2:-../shared}
hcl1json=${3:-build/tools/hcl1json}
runs=${BENCH_RUNS:-3}
sizes=${BENCH_SIZES:-5 20 80}
out=build/bench
mkdir -p $out
if [ ! -x /usr/bin/time ]; then
    echo "bench: /usr/bin/time (GNU time) is needed for CPU and peak memory figures" >&2
    exit 1
fi

job() { # job MB -> path of the generated job of about MB megabytes
    f=$out/job-$1MB.nomad
    [ -s "$f" ] || python3 "$shared/tools/make-big-job.py" "$1" >"$f"
    echo "$f"
}

# measure N CMD... -> "cpu_seconds peak_kb" (the best of N runs: least CPU,
# least peak memory); the command's output goes to /dev/null
measure() {
    n=$1
    shift
    best_cpu="" best_kb=""
    i=0
    while [ $i -lt "$n" ]; do
        /usr/bin/time -f "%U %S %M" -o $out/time.txt "$@" >/dev/null 2>$out/stderr.txt || true
        # the last line: GNU time puts "Command exited with non-zero status" first
        read -r u s kb <<EOT
$(tail -n 1 $out/time.txt)
EOT
        cpu=$(echo "$u $s" | awk '{printf "%.3f", $1 + $2}')
        if [ -z "$best_cpu" ] || awk "BEGIN{exit !($cpu < $best_cpu)}"; then best_cpu=$cpu; fi
        if [ -z "$best_kb" ] || [ "$kb" -lt "$best_kb" ]; then best_kb=$kb; fi
        i=$((i + 1))
    done
    echo "$best_cpu $best_kb"
}

big=$(job 20)
bytes=$(wc -c <"$big")
mb=$(awk "BEGIN{printf \"%.1f\", $bytes / 1e6}")
echo "whole process on the generated ${mb} MB job (best of $runs; CPU = user + system):"
read -r ref_cpu ref_kb <<EOF
$(measure "$runs" "$hcl1json" "$big")
EOF
read -r parse_cpu parse_kb <<EOF
$(measure "$runs" "$rktc" parse "$big")
EOF
read -r check_cpu check_kb <<EOF
$(measure "$runs" "$rktc" check "$big")
EOF
row() { # row NAME CPU KB
    awk -v name="$1" -v cpu="$2" -v kb="$3" -v ref="$ref_cpu" -v bytes="$bytes" 'BEGIN {
        printf "  %-12s %7.2f s CPU %6.1f MB/s  %5.1fx faster than hcl1json | peak RSS %7.1f MB = %5.1fx input\n",
               name, cpu, bytes / 1e6 / cpu, ref / cpu, kb / 1024, kb * 1024 / bytes }'
}
row hcl1json "$ref_cpu" "$ref_kb"
row "rktc parse" "$parse_cpu" "$parse_kb"
row "rktc check" "$check_cpu" "$check_kb"
echo "  goals: parse >= 18x faster and < 5x input; check >= 7x faster and < 10x input"

echo "rktc check per MB (linear cost: each column within 1.5x of the others):"
for size in $sizes; do
    f=$(job "$size")
    n=$runs
    [ "$size" -le 40 ] || n=1
    read -r cpu kb <<EOF
$(measure "$n" "$rktc" check "$f")
EOF
    b=$(wc -c <"$f")
    awk -v size="$size" -v cpu="$cpu" -v kb="$kb" -v b="$b" 'BEGIN {
        printf "  %3d MB job: %6.2f s CPU, %7.1f MB peak | %6.3f s/MB, %5.1f MB peak/MB\n",
               size, cpu, kb / 1024, cpu / (b / 1e6), kb * 1024 / b }'
done

# shellcheck disable=SC2046
read -r corpus_cpu corpus_kb <<EOF
$(measure "$runs" "$rktc" check $(ls "$shared"/corpus/files/*))
EOF
count=$(find "$shared"/corpus/files -type f | wc -l)
awk -v cpu="$corpus_cpu" -v kb="$corpus_kb" -v n="$count" 'BEGIN {
    printf "rktc check over the %d corpus files in one call: %.0f ms CPU (goal < 50 ms), %.1f MB peak\n",
           n, cpu * 1000, kb / 1024 }'
