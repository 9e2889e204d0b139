#!/bin/sh
# run.sh RKTC SHARED — prints front-end throughput and memory figures on
# (a) the reference corpus (20 rounds; HCL and HCL-JSON files apart) and
# (b) a generated job file of 20 MB, measured by bench/bench_parse.c
# (each bench-parse run is its own process, so its peak RSS is its own);
# then the whole `rktc parse` command on the large file. Nothing here
# asserts: it prints figures.
set -eu
rktc=$1
shared=${2:-../shared}
make --no-print-directory -s build/release/bench-parse
out=build/bench
mkdir -p $out
[ -f $out/large.nomad ] || python3 bench/gen-large-job.py 20 $out/large.nomad
hcl_files=""
json_files=""
for f in "$shared"/corpus/files/*; do
    if [ "$(tr -d ' \t\r\n' <"$f" | head -c 1)" = "{" ]; then
        json_files="$json_files $f"
    else
        hcl_files="$hcl_files $f"
    fi
done
echo "front end (hcl_parse + generic decode), one core:"
# shellcheck disable=SC2086
build/release/bench-parse corpus-hcl 20 $hcl_files
# shellcheck disable=SC2086
build/release/bench-parse corpus-json 20 $json_files
build/release/bench-parse large-20MB 3 $out/large.nomad
echo "whole command: rktc parse on the 20 MB file (JSON output to /dev/null):"
if [ -x /usr/bin/time ]; then
    /usr/bin/time -f "  %e s wall, %M KB peak RSS" "$rktc" parse $out/large.nomad >/dev/null
else
    start=$(date +%s%N)
    "$rktc" parse $out/large.nomad >/dev/null
    end=$(date +%s%N)
    echo "  $(( (end - start) / 1000000 )) ms wall"
fi
