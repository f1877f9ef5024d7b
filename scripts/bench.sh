#!/usr/bin/env bash
# Sets up whatever is missing, then runs the benchmarks named (default: all of bench/):
#   potnet       potnet (processes and library) on generated layouts of 0, 1k, 10k and 50k pots
#   pot-startup  the installed pot's start-up, with and without Node's compile cache
# See bench/README.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/toolchain.sh"
cd "$root"
names=("$@")
if ((${#names[@]} == 0)); then names=(potnet pot-startup); fi
for name in "${names[@]}"; do
  if [[ ! -f bench/$name.bench.ts ]]; then
    echo "bench: no benchmark $name (there are: $(cd bench && ls -- *.bench.ts | sed 's/\.bench\.ts$//' | tr '\n' ' '))" >&2
    exit 2
  fi
  env -i PATH="$PATH" HOME="$HOME" BENCH_RUNS="${BENCH_RUNS:-}" BENCH_ORIGINAL="${BENCH_ORIGINAL:-}" node "bench/$name.bench.ts"
done
