#!/usr/bin/env bash
# Brings what the project needs onto a machine that has only Node 20 and npm:
# Node 24 and pnpm from the npm registry (pinned in tools/package-lock.json),
# then the workspace's dependencies and a build. Every step is skipped when
# already done, so the README's commands are cheap to repeat.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
tools="$root/tools"

stamp_ok() { [ -f "$1" ] && [ "$1" -nt "$2" ]; }

if ! stamp_ok "$tools/node_modules/.installed" "$tools/package-lock.json"; then
  echo "toolchain: installing Node 24 and pnpm into tools/ (npm registry)" >&2
  npm ci --prefix "$tools" --no-audit --no-fund --loglevel=error >&2
  touch "$tools/node_modules/.installed"
fi
export PATH="$tools/node_modules/.bin:$PATH"
export COREPACK_ENABLE_STRICT=0

cd "$root"
if ! stamp_ok "$root/node_modules/.modules.yaml" "$root/pnpm-lock.yaml"; then
  echo "toolchain: installing workspace dependencies (pnpm)" >&2
  pnpm install --frozen-lockfile --prefer-offline --reporter=silent >&2
fi
pnpm exec turbo run build --output-logs=errors-only >&2
