#!/usr/bin/env bash
# Runs the whole jest suite on another Node major (e.g. `scripts/test-on-node.sh 22`), after the README's
# test command has installed and built the workspace on the machine's Node.
#
# The Node binary comes from the npm registry (the `node-<os>-<arch>` package ships `bin/node`), so a machine
# with only Node 20 and npm is enough. It is cached outside the repository, so reruns do not download again:
#   ${XDG_CACHE_HOME:-$HOME/.cache}/bedrock-flow/node-<major>
# Extra arguments go to jest (default `--maxWorkers=2`, as the README's test command runs it), which runs as the
# README's test command runs it: test/packaging on the machine's network, the rest in a loopback-only namespace.
set -euo pipefail
cd "$(dirname "$0")/.."

major="${1:?usage: scripts/test-on-node.sh <node major, e.g. 22> [jest args...]}"
shift
[[ "$major" =~ ^[0-9]+$ ]] || { echo "test-on-node: the Node major must be a number, got \"$major\"" >&2; exit 2; }

node_bin_dir() {
  # The machine's own Node serves when it is already that major.
  if [[ "$(node --version)" == "v$major."* ]]; then dirname "$(command -v node)"; return; fi
  local os arch
  case "$(uname -s)" in Linux) os=linux ;; Darwin) os=darwin ;; *) echo "test-on-node: unsupported OS $(uname -s)" >&2; exit 2 ;; esac
  case "$(uname -m)" in x86_64 | amd64) arch=x64 ;; aarch64 | arm64) arch=arm64 ;; *) echo "test-on-node: unsupported CPU $(uname -m)" >&2; exit 2 ;; esac
  local cache="${XDG_CACHE_HOME:-$HOME/.cache}/bedrock-flow/node-$major"
  local bin="$cache/node_modules/node-$os-$arch/bin"
  if [[ ! -x "$bin/node" ]]; then
    echo "test-on-node: fetching node-$os-$arch@$major from the npm registry into $cache" >&2
    mkdir -p "$cache"
    # --ignore-scripts: the package is only a binary; nothing of it needs to run at install time.
    npm install --prefix "$cache" --no-save --no-audit --no-fund --ignore-scripts --loglevel=error "node-$os-$arch@$major" >&2
  fi
  [[ -x "$bin/node" ]] || { echo "test-on-node: no node binary at $bin/node after install" >&2; exit 1; }
  echo "$bin"
}

bin="$(node_bin_dir)"
# First on PATH, so every child process the tests start (tsx, workers, npm) runs on this Node too.
export PATH="$bin:$PATH"
version="$(node --version)"
[[ "$version" == "v$major."* ]] || { echo "test-on-node: expected Node $major, got $version" >&2; exit 1; }
echo "== jest on Node $version ($bin/node)"

started=$(date +%s)
status=0
(( $# > 0 )) || set -- --maxWorkers=2
# As the README's test command runs it: the hosts in a loopback-only network namespace (scripts/jest-offline.sh).
bash scripts/jest-offline.sh "$@" || status=$?
echo "== Node $version: jest exited $status after $(( $(date +%s) - started )) s"
exit "$status"
