#!/usr/bin/env bash
# Installs the real hosts the test suite drives, so the README's one test command works on a fresh machine that has
# only Node 20 and npm: Debian's chromium (Node-RED editor test) and redis-server (embedding cache), when missing and
# we are root with apt; iproute2 (`ip`, to bring loopback up in the tests' loopback-only network namespace,
# scripts/in-offline-namespace.sh) unless BEDROCK_FLOW_ALLOW_HOST_NETWORK=1; nftables (`nft`, the silent-drop tests drop a
# connection's packets in that namespace) unless BEDROCK_FLOW_SKIP_SILENT_DROP=1; and n8n 2.41.1 on Node 24 (real-n8n
# test), cached outside the repository.
# Nothing here skips a test: a host that is still missing afterwards makes its suite fail with the reason, unless
# its opt-out variable is set (BEDROCK_FLOW_SKIP_BROWSER, BEDROCK_FLOW_SKIP_REDIS, BEDROCK_FLOW_SKIP_N8N, BEDROCK_FLOW_SKIP_SILENT_DROP).
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
[ "${BEDROCK_FLOW_SKIP_BROWSER:-}" = 1 ] || command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ "${BEDROCK_FLOW_SKIP_REDIS:-}" = 1 ] || command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
[ "${BEDROCK_FLOW_ALLOW_HOST_NETWORK:-}" = 1 ] || command -v ip >/dev/null 2>&1 || missing+=(iproute2)
[ "${BEDROCK_FLOW_SKIP_SILENT_DROP:-}" = 1 ] || command -v nft >/dev/null 2>&1 || [ -x /usr/sbin/nft ] || missing+=(nftables)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "prepare-test-hosts: apt-get install ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    echo "WARNING: prepare-test-hosts: ${missing[*]} missing and not installable here (needs root + apt); their tests will fail unless opted out." >&2
  fi
fi

if [ "${BEDROCK_FLOW_SKIP_N8N:-}" != 1 ]; then
  node packages/n8n-nodes-bedrock-flow/scripts/install-n8n.mjs
fi
