#!/usr/bin/env bash
# Sets up whatever is missing (scripts/toolchain.sh), then runs every test
# of the workspace and ends with one plain summary line.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/toolchain.sh"
cd "$root"
report=$(mktemp -d)/vitest.json
status=0
# --fast (npm run test:fast): the unit and in-process tests only, in seconds: no fake host,
# no built pot started, no other process tree.
layer=()
if [[ ${1:-} == --fast ]]; then
  shift
  layer=(--exclude '**/*.e2e.test.ts' --exclude 'testing/**' --exclude '**/test/host/integration.test.ts'
    --exclude '**/test/adversarial/**' --exclude 'packages/potnet/test/golden.test.ts' --exclude '**/node_modules/**')
fi
# The tests' temporary trees (fake hosts: many small files made and removed) go on a tmpfs when
# the machine has one: a third less system time than on the disk (measured on this machine kind).
if [[ -d /dev/shm && -w /dev/shm ]]; then
  TMPDIR=$(mktemp -d /dev/shm/pot-tests.XXXXXX)
  export TMPDIR
  trap 'rm -rf "$TMPDIR"' EXIT
fi
# Biome's lint rules and its formatting (biome.json) before the tests; a finding or a file not
# formatted (`npm run format` fixes it) fails the run, after the tests; its findings are printed
# again at the end, where a CI log's tail shows them.
lint_log=$(dirname "$report")/biome.txt
lint_status=0
pnpm exec biome check --diagnostic-level=error --reporter=summary . >"$lint_log" 2>&1 || lint_status=$?
cat "$lint_log" >&2
# Most files answer in process and keep a core busy; the process-bound ones (the built pot, the
# installed layout, potnet per case) also wait on their children: three files at a time keep two
# cores busy without the contention four gave (measured). (vitest's default is cores - 1; a
# maxWorkers in the root config is not applied to its projects, the flag is.)
pnpm exec vitest run --maxWorkers=3 "${layer[@]}" --reporter=default --reporter=json --outputFile.json="$report" "$@" || status=$?
node scripts/test-summary.mjs "$report" || true
if ((lint_status != 0)); then
  cat "$lint_log" >&2
  echo "biome: the check above failed (exit $lint_status; npm run format fixes formatting)" >&2
  status=$lint_status
fi
exit $status
