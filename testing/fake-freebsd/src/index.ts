/**
 * The fake FreeBSD host from TypeScript: boot one in a temporary directory,
 * hand its `env` to the process under test (stand-ins first in PATH), then ask
 * it what the host looks like and which commands it was given.
 * State layout and log formats: ../README.md.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runStandIn } from './emulator/index.js';
import { residentEnv } from './resident.js';
import { bootHost, runSetupWords } from './setup.js';

export const FAKE_FREEBSD_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const FAKE_FREEBSD_BIN = path.join(FAKE_FREEBSD_DIR, 'bin');
/**
 * Node's compile cache for the processes a test starts (the built pot, potnet): a test
 * run starts them hundreds of times, and compiling pot's bundle is a third of its start.
 */
export const NODE_COMPILE_CACHE = path.join(tmpdir(), 'pot-test-node-compile-cache');

/** One invocation of a stand-in, as `calls.jsonl` records it. */
export interface FakeCall {
  /** E: the call changes the host or emits something; Q: a query. */
  class: 'E' | 'Q';
  rc: number;
  argv: string[];
  /** What the command read: the file given with -f, or its standard input. */
  input?: string;
}

export interface FakeInterface {
  name: string;
  up: boolean;
  /** `ADDR/PREFIX` for inet and inet6 addresses, in order. */
  addresses: string[];
  members: string[];
  groups: string[];
  description: string | undefined;
}

export interface FakeHostOptions {
  /** Directory to hold the host (default: a new temporary one). */
  dir?: string;
  /** Set-up words (src/setup.ts) run after boot, e.g. `host_pot_root`, `host_iface vlan20 10.1.0.1/24`; another shell line runs in bash. */
  setup?: string[];
  /** Extra environment for the set-up and in `env`, e.g. `POT_FS_ROOT`, `POT_CACHE` (what `host_pot_root` needs). */
  env?: Record<string, string>;
}

export interface FakeHost {
  dir: string;
  stateDir: string;
  hostRoot: string;
  binDir: string;
  /** Environment for the process under test: PATH with the stand-ins first, FAKEBSD_*, POT_HOST_ROOT. */
  env: Record<string, string>;
  calls(): FakeCall[];
  /** Only the calls that change the host (class E). */
  effects(): FakeCall[];
  interfaces(): string[];
  iface(name: string): FakeInterface | undefined;
  datasets(): string[];
  pfAnchors(): string[];
  pfRules(anchor: string): string[];
  jails(): string[];
  sysctl(key: string): string | undefined;
  /** Runs a stand-in without logging it, to look at the host. */
  run(command: string, ...args: string[]): string;
  cleanup(): void;
}

function lines(file: string): string[] {
  return existsSync(file)
    ? readFileSync(file, 'utf8')
        .split('\n')
        .filter((l) => l !== '')
    : [];
}

function list(dir: string): string[] {
  return existsSync(dir) ? readdirSync(dir).sort() : [];
}

function interfaceAt(dir: string, name: string): FakeInterface | undefined {
  if (!existsSync(dir)) return undefined;
  const prefixed = (family: string) => lines(path.join(dir, family)).map((l) => l.split(' ').slice(0, 2).join('/'));
  const descr = path.join(dir, 'descr');
  return {
    name,
    up: existsSync(path.join(dir, 'up')),
    addresses: [...prefixed('inet'), ...prefixed('inet6')],
    members: lines(path.join(dir, 'members')).map((l) => l.split(' ')[0] as string),
    groups: lines(path.join(dir, 'groups')),
    description: existsSync(descr) ? readFileSync(descr, 'utf8').replace(/\n$/, '') : undefined,
  };
}

/** A fake host's directories under `dir` (state/, hostroot/), as the stand-ins and pot find them. */
export function hostDirsEnv(dir: string): { FAKEBSD_STATE: string; FAKEBSD_HOSTROOT: string; POT_HOST_ROOT: string } {
  const hostRoot = path.join(dir, 'hostroot');
  return { FAKEBSD_STATE: path.join(dir, 'state'), FAKEBSD_HOSTROOT: hostRoot, POT_HOST_ROOT: hostRoot };
}

/** What any caller of the stand-ins of bin/ needs: where they live, the node they run, the cap of `sleep`. */
export function standInBaseEnv(): Record<string, string> {
  return { FAKEBSD_STUBS: FAKE_FREEBSD_DIR, FAKEBSD_NODE: process.execPath, FAKEBSD_SLEEP_MAX: '0.01' };
}

/**
 * What the stand-ins need in a test's fake host besides its directories: the base, the compile
 * cache and this process's resident stand-in.
 */
export function standInEnv(): Record<string, string> {
  return { ...standInBaseEnv(), NODE_COMPILE_CACHE, ...residentEnv() };
}

export function createFakeHost(options: FakeHostOptions = {}): FakeHost {
  const dir = options.dir ?? mkdtempSync(path.join(tmpdir(), 'fake-freebsd-'));
  const dirs = hostDirsEnv(dir);
  const { FAKEBSD_STATE: stateDir, FAKEBSD_HOSTROOT: hostRoot } = dirs;
  for (const d of [stateDir, hostRoot]) mkdirSync(d, { recursive: true });
  const env: Record<string, string> = {
    PATH: `${FAKE_FREEBSD_BIN}:${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    LC_ALL: 'C',
    ...dirs,
    ...standInEnv(),
    ...options.env,
  };
  const quiet = { ...env, FAKEBSD_NOLOG: '1' };
  bootHost(quiet);
  for (const line of options.setup ?? []) {
    if (runSetupWords(quiet, line)) continue;
    // the host_* words run only here; anything else (`chmod 755 FILE`) is a shell line
    if (/(^|[\s;&|(])host_[a-z_]+/.test(line))
      throw new Error(`fake-freebsd: set-up line not run: ${line}: host_* words run only as plain words (no expansions, redirections, pipes)`);
    execFileSync('bash', ['-c', `set -e\n${line}`], { env: quiet, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  const state = (...parts: string[]) => path.join(stateDir, ...parts);
  const calls = (): FakeCall[] => lines(state('calls.jsonl')).map((l) => JSON.parse(l) as FakeCall);
  return {
    dir,
    stateDir,
    hostRoot,
    binDir: FAKE_FREEBSD_BIN,
    env,
    calls,
    effects: () => calls().filter((c) => c.class === 'E'),
    interfaces: () => list(state('net', 'if')),
    iface: (name) => interfaceAt(state('net', 'if', name), name),
    datasets: () => list(state('zfs', 'ds')).map((d) => d.replaceAll('%', '/')),
    pfAnchors: () => list(state('pf', 'anchors')).map((a) => a.replaceAll('%', '/')),
    pfRules: (anchor) => lines(state('pf', 'anchors', anchor.replaceAll('/', '%'))),
    jails: () => list(state('jail')),
    sysctl: (key) =>
      lines(state('sysctl'))
        .find((l) => l.startsWith(`${key}=`))
        ?.slice(key.length + 1),
    run: (command, ...args) => {
      const r = runStandIn({ argv: [command, ...args], env: quiet, cwd: dir });
      if (r.exitCode !== 0) throw new Error(`${command} ${args.join(' ')}: exit ${r.exitCode}: ${r.stderr}`);
      return r.stdout.toString('utf8');
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}
