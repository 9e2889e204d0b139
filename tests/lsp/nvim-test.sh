#!/bin/sh
# nvim-test.sh RKTC — rktc lsp under a real client: headless Neovim's
# built-in LSP client (tests/lsp/nvim-test.lua) on a scratch copy of
# tests/lsp/job.nomad. Bounded by a timeout; exits non-zero on failure.
set -eu
rktc=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
command -v nvim >/dev/null || { echo "nvim-test: neovim is not installed" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/job.nomad" "$tmp/job.nomad"
# no .rktc.hcl above the scratch dir may change the findings: give it one
printf 'failure_threshold = "warning"\n' >"$tmp/.rktc.hcl"
cd "$tmp"
RKTC="$rktc" JOB="$tmp/job.nomad" HOME="$tmp" XDG_CONFIG_HOME="$tmp/config" \
    timeout 120 nvim --headless --clean -u NONE -i NONE -n \
    -c "luafile $here/nvim-test.lua" </dev/null >"$tmp/nvim.out" 2>&1 || {
    status=$?
    cat "$tmp/nvim.out" >&2
    echo "nvim-test: failed (status $status)" >&2
    exit 1
}
cat "$tmp/nvim.out"
