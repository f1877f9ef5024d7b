#!/usr/bin/env bash
# Sets up whatever is missing (scripts/toolchain.sh), then runs every test
# of the workspace and ends with one plain summary line.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/toolchain.sh"
cd "$root"
report=$(mktemp -d)/vitest.json
status=0
pnpm exec vitest run --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
node scripts/test-summary.mjs "$report" || true
exit $status
