#!/bin/sh
# Builds hcl1fmt (HashiCorp's HCL1 printer over a file) from the Debian
# package golang-github-hashicorp-hcl-dev, like ../../../../shared/tools/hcl1json.
# Usage: build.sh OUTPUT
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
mkdir -p "$tmp/src/hcl1fmt"
cp "$here/main.go" "$tmp/src/hcl1fmt/"
cd "$tmp/src/hcl1fmt"
GO111MODULE=off GOPATH="$tmp:/usr/share/gocode" GOCACHE="$tmp/cache" go build -o "$out" .
echo "built $out"
