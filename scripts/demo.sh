#!/usr/bin/env bash
# Sets up whatever is missing, then runs the main job: potnet answering for the
# example host layout in examples/host (a pot installation with pots and
# private bridges, found the way potnet finds a real one: the `pot` on PATH),
# then pot's life of a bridged pot on a fake FreeBSD host.
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

# pot itself, against the fake FreeBSD host of the tests (testing/fake-freebsd): this machine is
# no FreeBSD, so stand-ins keep a host's state (datasets, jails, interfaces, pf) and answer the
# zfs, jail, ifconfig and pfctl calls of the real pot binary.
tour=$(mktemp -d)
trap 'rm -rf "$tour"' EXIT
eval "$(node "$root/testing/fake-freebsd/dist/host-cli.mjs" boot "$tour")"
export POT_ETC_DIR="$tour/etc/pot"
mkdir -p "$POT_ETC_DIR"
cp "$root/packages/pot-core/share/pot.default.conf" "$POT_ETC_DIR/"
settings=(POT_ZFS_ROOT=zroot/pot "POT_FS_ROOT=$tour/opt/pot" "POT_CACHE=$tour/var/cache/pot" "POT_TMP=$tour/tmp")
printf '%s\n' "${settings[@]}" POT_EXTIF=em0 >"$POT_ETC_DIR/pot.conf"
pot() { printf '\n$ pot %s\n' "$*"; "$root/apps/cli/bin/pot" "$@"; }
printf '\n== pot on a fake FreeBSD host (%s)\n' "$tour"
pot init
printf '\n(a FreeBSD 14.2 base, as `pot create-base -r 14.2` makes it, without its download)\n'
env "${settings[@]}" node "$root/testing/fake-freebsd/dist/host-cli.mjs" setup "$tour" host_base 14.2
pot create -p web -b 14.2 -N public-bridge
pot export-ports -p web -e 80:8080
calls=$(wc -l <"$FAKEBSD_STATE/calls.log")
pot start web
printf '\n(what `pot start web` changed on the host: the calls of class E in the fake host'"'"'s log)\n'
tail -n +"$((calls + 1))" "$FAKEBSD_STATE/calls.log" | awk '/^[EQ] /{e=/^E /} e' | sed 's/^E /  /'
pot ps
pot show -p web
pot stop web
pot destroy -p web
pot ls
