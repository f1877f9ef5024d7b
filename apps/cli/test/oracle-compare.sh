#!/usr/bin/env bash
# Runs the pot-shell-golden oracle (shell pot's stubs and scenarios, needs root) with the
# built TypeScript pot and diffs the results with the golden files: effect lines (E),
# outputs, files and host state. Not part of `npm test` (root, unshare, overlayfs).
#   sudo apps/cli/test/oracle-compare.sh [SCENARIO...]
set -uo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
oracle=${ORACLE_DIR:-/work/shared/pot-shell-golden}
node=${POT_NODE:-$(command -v node)}
out=${OUT_DIR:-$(mktemp -d)}
scenarios=("$@")
((${#scenarios[@]})) || scenarios=(init init-bad-extif vnet-start vnet-start-dual vnet-start-pf-unloaded
	vnet-start-private-bridge vpn-nat bridge-create-errors bridge-create-s2 bridge-create-s4 inspect-config)
for s in "${scenarios[@]}"; do
	POT_MIRROR=${POT_MIRROR:-/work/.mirror/bsdpot+pot/repo} POTNET_BIN=${POTNET_BIN:-/bin/false} \
		"$oracle/run-scenario.sh" --pot-cmd "$node $here/../dist/pot.mjs" -o "$out/$s" "$s" >/dev/null 2>&1
	echo "######## $s (exit $?)"
	diff <(grep -v '^Q ' "$oracle/golden/$s/commands.log") <(grep -v '^Q ' "$out/$s/commands.log")
	for f in output.txt files.txt host.txt; do diff "$oracle/golden/$s/$f" "$out/$s/$f"; done
done
echo "results in $out"
