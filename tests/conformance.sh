#!/bin/sh
# conformance.sh RKTC SHARED — the rkt command lines of `rktc plan` against
# the calls recorded from a real Nomad 0.10.9 client (SHARED/conformance),
# with the shared tool that explains each mismatch.
rktc=$1
shared=${2:-../shared}
exec python3 "$shared/tools/conformance-argv.py" --rktc "$rktc" "$shared/conformance/argv"
