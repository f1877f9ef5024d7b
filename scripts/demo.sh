#!/usr/bin/env bash
# Sets up whatever is missing, then runs the main job: potnet answering for the
# example host layout in examples/host (a pot installation with pots and
# private bridges, found the way potnet finds a real one: the `pot` on PATH).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/toolchain.sh"
host="$root/examples/host"
export PATH="$host/prefix/bin:$PATH"
potnet="$root/packages/potnet/bin/potnet"
cd "$host"
run() { printf '\n$ potnet %s\n' "$*"; "$potnet" "$@"; }
run config-check
run show
run next
run show -b stove
run next -b stove
run validate -H 10.192.0.3 || echo "(exit $?: address taken)"
run new-net -s 5
run etc-hosts -b stove
