# make            builds (Node 24 and pnpm into tools/, dependencies, bundles)
# make install    stages the installation: DESTDIR (default none), PREFIX
#                 (default /usr/local), NODE (default PREFIX/bin/node, the Node
#                 the installed pot and potnet run on), COMPILE_CACHE (default
#                 /var/cache/pot-ts, Node's compile cache; empty: none). Works
#                 with BSD and GNU make.
PREFIX?=	/usr/local
DESTDIR?=
NODE?=		${PREFIX}/bin/node
COMPILE_CACHE?=	/var/cache/pot-ts

all: build

build:
	bash scripts/toolchain.sh

install:
	sh apps/cli/install/install.sh DESTDIR="${DESTDIR}" PREFIX="${PREFIX}" NODE="${NODE}" COMPILE_CACHE="${COMPILE_CACHE}"

.PHONY: all build install
