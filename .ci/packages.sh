#!/usr/bin/env bash
# CI: the real network software the `real` test group runs (tests/it/real/): squid (an office
# proxy), nginx with its stream module (a front end, a Wi-Fi portal, a filter on the site name)
# and apache2-utils (htpasswd, for squid's password file), from Debian's archive.
# Installing a Debian service package starts its service (nginx on port 80, squid on 3128)
# unless /usr/sbin/policy-rc.d exits 101, so that file is written first; the tests start their
# own copies in the foreground on 127.0.0.1. Does nothing when everything is already installed.
set -euo pipefail

binaries=(/usr/sbin/squid /usr/sbin/nginx /usr/bin/htpasswd /usr/lib/squid/basic_ncsa_auth)
stream=/usr/lib/nginx/modules/ngx_stream_module.so
missing=0
for b in "${binaries[@]}" "$stream"; do
    [ -e "$b" ] || missing=1
done
if [ "$missing" = 0 ]; then
    echo "ci: squid, nginx (stream module) and htpasswd already installed"
    exit 0
fi

sudo=()
if [ "$(id -u)" != 0 ]; then
    sudo=(sudo)
fi

# Services must not start on install: invoke-rc.d asks this file, and 101 means "not allowed".
if ! { [ -x /usr/sbin/policy-rc.d ] && grep -q 'exit 101' /usr/sbin/policy-rc.d; }; then
    printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${sudo[@]}" chmod 755 /usr/sbin/policy-rc.d
fi

export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -q
"${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
    squid nginx libnginx-mod-stream apache2-utils
for b in "${binaries[@]}" "$stream"; do
    [ -e "$b" ] || { echo "ci: $b is missing after the install" >&2; exit 1; }
done
echo "ci: installed $(/usr/sbin/squid -v | head -1), $(/usr/sbin/nginx -v 2>&1)"
