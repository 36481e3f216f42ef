#!/usr/bin/env bash
# `pnpm release`: builds every package and publishes the versions that `pnpm version-packages` wrote, with
# `changeset publish` (which runs `pnpm publish`, so `workspace:*` becomes the real version in each manifest).
# Releases are made by a maintainer from a clean checkout, never from CI: CI here has no npm credentials and
# a run triggered by a push must not publish by accident.
set -euo pipefail
cd "$(dirname "$0")/.."

if [[ -n "${CI:-}" && "${CI}" != "false" && "${CI}" != "0" ]]; then
  echo "release: refusing to publish from CI (CI=${CI}); run it from a maintainer's checkout" >&2
  exit 1
fi
if [[ -n "$(git status --porcelain)" ]]; then
  echo "release: the working tree has uncommitted changes; commit the version bump first" >&2
  exit 1
fi
pnpm run build
pnpm exec changeset publish "$@"
