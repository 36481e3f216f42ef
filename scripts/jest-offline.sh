#!/usr/bin/env bash
# The test command's jest run (`pnpm test`, `scripts/test-on-node.sh`): every test file inside one loopback-only
# network namespace (scripts/in-offline-namespace.sh), where the driver, the emulator and the real hosts (n8n,
# Node-RED, Chromium, redis-server) share loopback and nothing has a route off the machine. The one exception is the
# packed-tarball install test (test/packaging), which installs third-party dependencies from the npm registry and
# starts no third-party host: it runs on the machine's network first, in its own jest run.
# Which files go where is decided in jest.config.cjs by BEDROCK_FLOW_TEST_NETWORK (registry | offline).
# Arguments go to both jest runs (e.g. --maxWorkers=1, or a path pattern: the run it matches nothing in passes).
set -euo pipefail
cd "$(dirname "$0")/.."

jest=(node node_modules/jest/bin/jest.js --passWithNoTests)

echo "== jest, tests that need the npm registry (test/packaging), on this machine's network"
registry_status=0
BEDROCK_FLOW_TEST_NETWORK=registry "${jest[@]}" "$@" || registry_status=$?

echo "== jest, every other test, in a loopback-only network namespace"
offline_status=0
BEDROCK_FLOW_TEST_NETWORK=offline bash scripts/in-offline-namespace.sh "${jest[@]}" "$@" || offline_status=$?

echo "== jest exited ${registry_status} (registry) and ${offline_status} (offline namespace)"
(( registry_status == 0 && offline_status == 0 ))
