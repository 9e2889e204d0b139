#!/bin/sh
# Regenerates testdata/json/go-encoding-json.tsv: the inputs of its first
# column fed to Go's encoding/json (tests/tools/json_go_oracle.go).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
tsv="$here/../../testdata/json/go-encoding-json.tsv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$here/json_go_oracle.go" "$tmp/main.go"
(cd "$tmp" && go mod init oracle >/dev/null 2>&1 && go build -o oracle .)
grep -v '^#' "$tsv" | cut -f1 > "$tmp/in"
"$tmp/oracle" < "$tmp/in" > "$tmp/out"
{ grep '^#' "$tsv"; paste "$tmp/in" "$tmp/out"; } > "$tmp/new"
mv "$tmp/new" "$tsv"
