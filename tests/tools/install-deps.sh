#!/bin/sh
# install-deps.sh PKG... — installs the Debian packages that are missing.
# Quiet when everything is there; needs root (or sudo) otherwise.
missing=""
for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "ok installed" ||
        missing="$missing $p"
done
[ -z "$missing" ] && exit 0
echo "installing Debian packages:$missing"
run() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
export DEBIAN_FRONTEND=noninteractive
run apt-get install -y -qq --no-install-recommends $missing >/dev/null 2>&1 || {
    run apt-get update -qq >/dev/null &&
    run apt-get install -y -qq --no-install-recommends $missing >/dev/null
} || { echo "install-deps: could not install:$missing" >&2; exit 1; }
