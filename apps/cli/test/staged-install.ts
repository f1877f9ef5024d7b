/**
 * An installation staged the way the port does it (install/install.sh into a
 * DESTDIR), run with nothing but the environment rc(8) gives.
 *
 * The staged tree is also the root of rc(8)'s PATH: ROOT/sbin, ROOT/bin,
 * ROOT/usr/sbin, ROOT/usr/bin hold the Linux host's programs (links) with the
 * fake host's stand-ins in front of them in ROOT/sbin, where FreeBSD keeps
 * zfs and ifconfig, and ROOT/usr/local is the staged PREFIX. So
 * `PATH=ROOT/sbin:ROOT/bin:…:ROOT/usr/local/bin` has rc(8)'s shape, and
 * nothing of this repository (no node, no potnet) is on it.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { outcome, STUBS, type FakeHost, type PotRun } from './fake-host.js';

const here = path.dirname(fileURLToPath(import.meta.url));
export const CLI_DIR = path.resolve(here, '..');
export const REPO_DIR = path.resolve(CLI_DIR, '../..');
export const INSTALL_SH = path.join(CLI_DIR, 'install', 'install.sh');
/** The Node the tests install with (the toolchain's Node 24, running vitest). */
export const NODE = process.execPath;
export const RC_PATH_DIRS = ['sbin', 'bin', 'usr/sbin', 'usr/bin', 'usr/local/sbin', 'usr/local/bin'] as const;

export interface InstallOptions {
  destdir?: string;
  prefix?: string;
  node?: string;
  /** Default: var/cache/pot-ts beside the staged usr/ (never the test machine's /var/cache). */
  compileCache?: string;
}

/** Runs install/install.sh; returns the staged PREFIX (DESTDIR/PREFIX). */
export function stageInstall(o: InstallOptions): string {
  const prefix = o.prefix ?? '/usr/local';
  const root = o.destdir ?? path.dirname(path.dirname(prefix));
  const compileCache = o.compileCache ?? path.join(root, 'var', 'cache', 'pot-ts');
  const args = [INSTALL_SH, `PREFIX=${prefix}`, `NODE=${o.node ?? NODE}`, `COMPILE_CACHE=${compileCache}`];
  if (o.destdir !== undefined) args.push(`DESTDIR=${o.destdir}`);
  execFileSync('sh', args, { stdio: ['ignore', 'pipe', 'pipe'] });
  return `${o.destdir ?? ''}${prefix}`;
}

/** Every file below dir, relative, sorted. */
export function filesBelow(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
    const p = rel === '' ? e.name : `${rel}/${e.name}`;
    if (e.isDirectory()) out.push(...filesBelow(dir, p));
    else out.push(p);
  }
  return out.sort();
}

/**
 * Fills ROOT/{sbin,bin,usr/sbin,usr/bin} (see above). A stand-in finds its
 * library through its own path, so it is called through a wrapper, which
 * takes ROOT/sbin off PATH as a stand-in takes its own directory off: the
 * host programs it runs (sed, stat, …) are then the real ones.
 */
export function rcRoot(root: string): void {
  // var/cache: where the staged pot makes its compile cache, as on FreeBSD
  for (const d of ['sbin', 'bin', 'usr/sbin', 'usr/bin', 'var/cache']) mkdirSync(path.join(root, d), { recursive: true });
  for (const d of ['/usr/bin', '/usr/sbin', '/bin', '/sbin']) {
    if (!existsSync(d)) continue;
    const into = path.join(root, d);
    for (const name of readdirSync(d)) {
      if (name === 'node' || name === 'nodejs' || name === 'potnet' || name === 'pot') continue;
      if (!existsSync(path.join(into, name))) symlinkSync(path.join(d, name), path.join(into, name));
    }
  }
  for (const name of readdirSync(path.join(STUBS, 'bin'))) {
    if (name === 'potnet') continue; // the staged potnet is the one under test
    const wrapper = `#!/bin/sh\nPATH=\${PATH#${path.join(root, 'sbin')}:} exec '${path.join(STUBS, 'bin', name)}' "$@"\n`;
    writeFileSync(path.join(root, 'sbin', name), wrapper, { mode: 0o755 });
  }
}

/** rc(8)'s environment rooted at ROOT, plus the fake host's variables. */
export function rcEnv(root: string, host: FakeHost): string[] {
  const fake = Object.entries(host.env).filter(([k]) => k.startsWith('FAKEBSD_') || k === 'POT_HOST_ROOT');
  return [`PATH=${RC_PATH_DIRS.map((d) => path.join(root, d)).join(':')}`, 'HOME=/', ...fake.map(([k, v]) => `${k}=${v}`)];
}

/** Runs PROGRAM ARGS under `env -i` with exactly `env`. */
export function runClean(env: string[], program: string, ...args: string[]): Promise<PotRun> {
  return outcome(spawn('env', ['-i', ...env, program, ...args], { cwd: '/', stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** pkg-plist's files: `@sample X` is X as staged (pkg makes the config from it); other keywords are not files. */
export function plistFiles(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('#') && !l.startsWith('@dir'))
    .map((l) => l.replace(/^@sample\s+/, ''))
    .sort();
}
