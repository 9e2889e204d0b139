#!/bin/sh
# conformance.sh RKTC SHARED — the rkt command lines of `rktc plan` against
# the calls recorded from a real Nomad 0.10.9 client (SHARED/conformance),
# then against rktc's own cases in the same format, derived from the
# vectors of rkt-driver.md §12 (testdata/rkt/conformance), with the shared
# tool that explains each mismatch.
rktc=$1
shared=${2:-../shared}
status=0
python3 "$shared/tools/conformance-argv.py" --rktc "$rktc" "$shared/conformance/argv" || status=1
python3 "$shared/tools/conformance-argv.py" --rktc "$rktc" testdata/rkt/conformance || status=1
exit $status
