/**
 * A FreeBSD release on the fake host: a small base.txz, its MANIFEST (below
 * the host root) and the mirror serving it (FAKEBSD_FETCH_DIR of the fake fetch).
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FakeHost } from './fake-host.js';

export const MANIFESTS = '/usr/local/share/freebsd/MANIFESTS';

/** A small FreeBSD-like base.txz (bin, etc, root, var with var/empty and var/db/pkg, usr). */
export function buildBaseTxz(h: FakeHost, name: string, options: { withoutRoot?: boolean } = {}): string {
  const src = path.join(h.dir, `src-${name}`);
  const file = (p: string, text: string, mode = 0o644): void => {
    mkdirSync(path.dirname(path.join(src, p)), { recursive: true });
    writeFileSync(path.join(src, p), text);
    chmodSync(path.join(src, p), mode);
  };
  file('bin/freebsd-version', '#!/bin/sh\nUSERLAND_VERSION="13.2-RELEASE-p0"\necho $USERLAND_VERSION\n', 0o555);
  file('etc/crontab', 'SHELL=/bin/sh\n1,31\t0-5\t*\t*\t*\troot\tadjkerntz -a\n');
  file('etc/hosts', '::1\t\tlocalhost\n127.0.0.1\tlocalhost\n');
  if (!options.withoutRoot) file('root/.profile', 'PATH=/sbin:/bin\n');
  file('usr/bin/uname', '#!/bin/sh\necho FreeBSD\n', 0o555);
  for (const d of ['var/empty', 'var/db/pkg', 'var/log', 'usr/share/man', 'tmp', 'dev']) mkdirSync(path.join(src, d), { recursive: true });
  const out = path.join(h.dir, `${name}.txz`);
  execFileSync('tar', ['-cJf', out, '-C', src, '.']);
  return out;
}

export const sha256 = (file: string): string => createHash('sha256').update(readFileSync(file)).digest('hex');

/** The MANIFEST of a release (below the host root), with the given sha256 for base.txz. */
export function manifest(h: FakeHost, release: string, sha: string): void {
  const dir = path.join(h.hostRoot, MANIFESTS);
  mkdirSync(dir, { recursive: true });
  const lines = [
    `base-dbg.txz\t${'1'.repeat(64)}\t54\tbase-dbg\t"Base system (Debugging)"\toff`,
    `base.txz\t${sha}\t27325\tbase\t"Base system (MANDATORY)"\ton`,
    `kernel.txz\t${'2'.repeat(64)}\t81\tkernel\t"Kernel (MANDATORY)"\ton`,
  ];
  writeFileSync(path.join(dir, `amd64-amd64-${release}`), `${lines.join('\n')}\n`);
}

/** Serves `tarball` as the mirror's base.txz of `release` (FAKEBSD_FETCH_DIR). */
export function mirror(h: FakeHost, release: string, tarball?: string): string {
  const dir = path.join(h.dir, 'mirror');
  const target = path.join(dir, 'ftp.freebsd.org', 'pub', 'FreeBSD', 'releases', 'amd64', 'amd64', release);
  mkdirSync(target, { recursive: true });
  if (tarball !== undefined) copyFileSync(tarball, path.join(target, 'base.txz'));
  h.env.FAKEBSD_FETCH_DIR = dir;
  return dir;
}

/** A release (`13.2`) on the host: MANIFEST with the tarball's sha256, served by the mirror. */
export function offerRelease(h: FakeHost, version: string): string {
  const txz = buildBaseTxz(h, version);
  manifest(h, `${version}-RELEASE`, sha256(txz));
  mirror(h, `${version}-RELEASE`, txz);
  return txz;
}
