#!/bin/sh
# Stages pot's installation, per hier(7), into DESTDIR/PREFIX:
#   bin/pot bin/potnet                      the /bin/sh entry points
#   libexec/pot/                            the bundles (single files) and pot-rc.sh
#   etc/pot/pot.default.conf pot.conf.sample flavours/
#   etc/rc.d/pot etc/rc.d/pot_early
#   share/man share/zsh share/bash-completion (what the build wrote to dist/share)
#   share/doc/pot/
# Usage: install.sh [DESTDIR=dir] [PREFIX=/usr/local] [NODE=PREFIX/bin/node]
#                   [COMPILE_CACHE=/var/cache/pot-ts]
# (also taken from the environment). COMPILE_CACHE is where pot keeps Node's
# compile cache, made by pot itself on its first run as root (mode 0700, not
# part of the package); an empty value turns the cache off. The FreeBSD
# port's do-install runs it from the npm package; from a checkout, build
# first (bash scripts/toolchain.sh) or use `make install`.
set -eu

usage() {
	echo "usage: install.sh [DESTDIR=dir] [PREFIX=/usr/local] [NODE=path of node] [COMPILE_CACHE=dir]" >&2
	exit 2
}
for arg; do
	case $arg in
	DESTDIR=* | PREFIX=* | NODE=* | COMPILE_CACHE=*) eval "${arg%%=*}=\${arg#*=}" ;;
	*) usage ;;
	esac
done
DESTDIR=${DESTDIR:-}
PREFIX=${PREFIX:-/usr/local}
NODE=${NODE:-$PREFIX/bin/node}
COMPILE_CACHE=${COMPILE_CACHE-/var/cache/pot-ts}
case $PREFIX in /*) ;; *) echo "install.sh: PREFIX must be an absolute path: $PREFIX" >&2; exit 2 ;; esac
case $NODE in /*) ;; *) echo "install.sh: NODE must be an absolute path: $NODE" >&2; exit 2 ;; esac
case $COMPILE_CACHE in '' | /*) ;; *) echo "install.sh: COMPILE_CACHE must be an absolute path or empty: $COMPILE_CACHE" >&2; exit 2 ;; esac
case $COMPILE_CACHE in *[!A-Za-z0-9/._-]*) echo "install.sh: COMPILE_CACHE may hold only letters, digits and / . _ -: $COMPILE_CACHE" >&2; exit 2 ;; esac

pkg=$(cd "$(dirname "$0")/.." && pwd)
src=$pkg/install
for f in "$pkg/dist/pot.mjs" "$pkg/dist/pot-cli.mjs" "$pkg/dist/potnet.cjs" "$pkg/dist/pot.default.conf"; do
	if [ ! -r "$f" ]; then
		echo "install.sh: $f is missing: build first (bash scripts/toolchain.sh)" >&2
		exit 1
	fi
done
node_min=$(sed -n 's/.*"node": *">= *\([0-9.]*\)".*/\1/p' "$pkg/package.json")
root=$DESTDIR$PREFIX

# put MODE SRC DST: copies SRC to DST (creating its directory) with MODE
put() {
	mkdir -p "$(dirname "$3")"
	cp "$2" "$3"
	chmod "$1" "$3"
}

# The entry point keeps its /bin/sh form (nomad-pot-driver's pgrep sees
# "/bin/sh PREFIX/bin/pot start NAME"); only the bundle, the Node and the
# compile cache's directory are fixed.
mkdir -p "$root/bin"
sed -e 's|^main=.*|main="$dir/../libexec/pot/pot.mjs"|' \
	-e "s|^node=.*|node=$NODE|" \
	-e "s|^cache=.*|cache=\${POT_COMPILE_CACHE-$COMPILE_CACHE}|" "$pkg/bin/pot" >"$root/bin/pot"
chmod 555 "$root/bin/pot"
sed -e "s|@NODE@|$NODE|" -e "s|@NODE_MIN@|$node_min|" "$src/potnet.in" >"$root/bin/potnet"
chmod 555 "$root/bin/potnet"

put 444 "$pkg/dist/pot.mjs" "$root/libexec/pot/pot.mjs"
put 444 "$pkg/dist/pot-cli.mjs" "$root/libexec/pot/pot-cli.mjs"
put 444 "$pkg/dist/potnet.cjs" "$root/libexec/pot/potnet.cjs"
put 444 "$src/pot-rc.sh" "$root/libexec/pot/pot-rc.sh"

put 444 "$pkg/dist/pot.default.conf" "$root/etc/pot/pot.default.conf"
put 644 "$src/etc/pot/pot.conf.sample" "$root/etc/pot/pot.conf.sample"
for f in "$src"/etc/pot/flavours/*; do
	case $f in *.sh) mode=555 ;; *) mode=444 ;; esac
	put "$mode" "$f" "$root/etc/pot/flavours/${f##*/}"
done
for f in "$src"/etc/rc.d/*; do
	mkdir -p "$root/etc/rc.d"
	sed "s|%%PREFIX%%|$PREFIX|g" "$f" >"$root/etc/rc.d/${f##*/}"
	chmod 555 "$root/etc/rc.d/${f##*/}"
done

# share: man pages (compressed, as FreeBSD installs them), completions
if [ -d "$pkg/dist/share" ]; then
	(cd "$pkg/dist/share" && find . -type f) | while read -r f; do
		f=${f#./}
		case $f in
		man/*) put 444 "$pkg/dist/share/$f" "$root/share/$f" && gzip -9nf "$root/share/$f" ;;
		*) put 444 "$pkg/dist/share/$f" "$root/share/$f" ;;
		esac
	done
fi
for f in "$pkg"/dist/doc/*; do
	put 444 "$f" "$root/share/doc/pot/${f##*/}"
done
