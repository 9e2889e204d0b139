#!/bin/sh
# run.sh RKTC — differential test of the HCL-JSON reader: 400 random small
# HCL-JSON documents (fixed seed) through the HCL1 reference and through
# `rktc parse` must agree on acceptance, value, error text and position
# (tests/tools/hcl-json-diff.py). Builds the reference like `make tools`
# when it is missing (SHARED: the shared directory, default ../shared).
set -eu
rktc=$1
shared=${SHARED:-../shared}
ref=build/tools/hcl1json
if [ ! -x "$ref" ]; then
    mkdir -p build/tools
    sh "$shared/tools/hcl1json/build.sh" "$(pwd)/$ref" >/dev/null
fi
python3 tests/tools/hcl-json-diff.py "$ref" "$rktc" 400 1
