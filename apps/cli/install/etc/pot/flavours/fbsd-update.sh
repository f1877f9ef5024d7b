#!/bin/sh
# fbsd-update: brings the pot's FreeBSD base to the latest patch level of its
# release with freebsd-update(8), without asking (no pager, not from cron).
# Run inside the pot by `pot create -f fbsd-update` and by `pot create-base`.
set -eu
PAGER=cat
export PAGER
freebsd-update --not-running-from-cron fetch install
echo "fbsd-update: $1 is at $(freebsd-version -u)"
