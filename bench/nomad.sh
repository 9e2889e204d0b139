#!/bin/sh
# nomad.sh SHARED — figures of the Nomad stage (decode + validation) after
# the front end: the whole reference corpus (20 rounds) and the generated
# 20 MB job of bench/run.sh. Prints figures; asserts nothing.
set -eu
shared=${1:-../shared}
make --no-print-directory -s build/release/bench-nomad
out=build/bench
mkdir -p $out
[ -f $out/large.nomad ] || python3 bench/gen-large-job.py 20 $out/large.nomad
echo "Nomad stage (front end, then job decode + validation), one core:"
# shellcheck disable=SC2046
build/release/bench-nomad corpus 20 $(ls "$shared"/corpus/files/*)
build/release/bench-nomad large-20MB 3 $out/large.nomad
