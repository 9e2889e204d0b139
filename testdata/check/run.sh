#!/bin/sh
# Golden cases of `rktc check`; the convention is described at the top of
# tests/check_golden.sh.
exec sh tests/check_golden.sh "$1"
