#!/usr/bin/env bash
# Sets up whatever is missing, then times potnet (processes and library) on
# generated layouts of 0, 1k, 10k and 50k pots. See bench/README.md.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/toolchain.sh"
cd "$root"
env -i PATH="$PATH" HOME="$HOME" BENCH_RUNS="${BENCH_RUNS:-7}" BENCH_ORIGINAL="${BENCH_ORIGINAL:-}" node bench/potnet.bench.ts
