# make            builds (Node 24 and pnpm into tools/, dependencies, bundles)
# make install    stages the installation: DESTDIR (default none), PREFIX
#                 (default /usr/local), NODE (default PREFIX/bin/node, the Node
#                 the installed pot and potnet run on). Works with BSD and GNU make.
PREFIX?=	/usr/local
DESTDIR?=
NODE?=		${PREFIX}/bin/node

all: build

build:
	bash scripts/toolchain.sh

install:
	sh apps/cli/install/install.sh DESTDIR="${DESTDIR}" PREFIX="${PREFIX}" NODE="${NODE}"

.PHONY: all build install
