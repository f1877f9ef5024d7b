#!/usr/bin/env bash
# Sets up whatever is missing (scripts/toolchain.sh), then runs every test
# of the workspace and ends with one plain summary line.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/toolchain.sh"
cd "$root"
report=$(mktemp -d)/vitest.json
status=0
# The end-to-end files mostly wait on child processes (the built pot, the fake host's stubs):
# three at a time on two cores took the suite from ~11 to ~7 minutes. (vitest's default is
# cores - 1; a maxWorkers in the root config is not applied to its projects, the flag is.)
pnpm exec vitest run --maxWorkers=3 --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
node scripts/test-summary.mjs "$report" || true
exit $status
