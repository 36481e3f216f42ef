#!/usr/bin/env bash
# Runs a command (e.g. `jest`) inside a new network namespace whose only interface is loopback, brought up:
#   scripts/in-offline-namespace.sh node node_modules/jest/bin/jest.js packages/node-red/test
# Everything the command starts (the jest workers, the emulator, n8n, Node-RED, Chromium, redis-server) shares that
# loopback, so the driver, the emulator and the hosts reach each other, and nothing has a route off the machine:
# a DNS lookup cannot reach a resolver and a connect to a public address fails at once with ENETUNREACH.
#
# Needs Linux, root (CI and a fresh machine are) and util-linux `unshare` plus iproute2 `ip`
# (scripts/prepare-test-hosts.sh installs iproute2). Where that is not available it FAILS with the reason, unless
# BEDROCK_FLOW_ALLOW_HOST_NETWORK=1 opts out: then the command runs on the machine's network, with a warning.
# Already inside a loopback-only namespace (nothing but `lo` in /proc/self/net/dev), it runs the command as is.
set -euo pipefail

(( $# > 0 )) || { echo "usage: scripts/in-offline-namespace.sh <command> [args...]" >&2; exit 2; }

warn_host_network() {
  {
    echo
    echo "*** WARNING: BEDROCK_FLOW_ALLOW_HOST_NETWORK=1: the test hosts (n8n, Node-RED, Chromium, redis-server) run on"
    echo "*** this machine's network, NOT in a loopback-only namespace. Anything they phone home to can be reached."
    echo
  } >&2
}

if [[ "${BEDROCK_FLOW_ALLOW_HOST_NETWORK:-}" == 1 ]]; then
  warn_host_network
  exec "$@"
fi

# /proc/self/net/dev lists every interface of this process's network namespace (two header lines first).
interfaces() { tail -n +3 /proc/self/net/dev 2>/dev/null | cut -d: -f1 | tr -d ' ' | tr '\n' ' '; }
if [[ -r /proc/self/net/dev && "$(interfaces)" == "lo " ]]; then
  exec "$@"
fi

fail() {
  {
    echo "in-offline-namespace: cannot start a loopback-only network namespace: $1."
    echo "The test hosts must run with no route off the machine (issue 21). Run as root on Linux with util-linux"
    echo "unshare and iproute2 (scripts/prepare-test-hosts.sh installs iproute2), or set BEDROCK_FLOW_ALLOW_HOST_NETWORK=1"
    echo "to run them on this machine's network explicitly."
  } >&2
  exit 2
}

[[ "$(uname -s)" == Linux ]] || fail "network namespaces are Linux-only (this is $(uname -s))"
[[ "$(id -u)" == 0 ]] || fail "not root (uid $(id -u)); unshare --net needs CAP_SYS_ADMIN"
command -v unshare >/dev/null 2>&1 || fail "unshare (util-linux) is not on the PATH"
command -v ip >/dev/null 2>&1 || fail "ip (iproute2) is not on the PATH"
probe_error="$(unshare --net -- ip link set lo up 2>&1)" || fail "unshare --net failed: ${probe_error:-exit status $?} (a container without CAP_SYS_ADMIN?)"

# `ip link set lo up` inside, then the command replaces the shell (signals and the exit status reach it directly).
exec unshare --net -- sh -c 'ip link set lo up && exec "$@"' in-offline-namespace "$@"
