/**
 * Cross-process locks without native addons, for Linux and FreeBSD.
 *
 * A lock is a file created atomically with link(2) from a temporary file that
 * already holds the owner's pid (so nobody ever sees an empty lock file).
 * link fails with EEXIST while another process holds the lock; the waiter
 * retries with a growing delay (bounded) until `timeoutMs`, then throws
 * PotError('busy'). A lock whose owner pid is dead is stale and is broken —
 * under a short-lived "breaker" file, re-checking the owner, so two waiters
 * never both break it and remove a fresh lock by mistake.
 *
 * Shell pot used `lockf -k /tmp/pot-lock-file` (global, around allocating
 * commands) and `lockf POT_TMP/pot-lock-NAME` (only around status changes).
 * lockf(1) leaves those files behind, empty; our lock files carry a `.lock`
 * suffix so such leftovers are never mistaken for a held lock.
 *
 * Within one process, a lock is re-entrant along one async call chain
 * (AsyncLocalStorage): a nested withLock of a lock already held by the
 * caller runs directly (as shell pot's `_POT_RECURSIVE`), while unrelated
 * concurrent tasks of the same process still exclude each other.
 *
 * The files and the process check are the host's (host/lock-files.ts).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import os from 'node:os';
import path from 'node:path';
import { PotError } from '../errors/pot-error.js';
import { systemClock } from '../host/clock.js';
import type { ClockOps } from '../host/types.js';
import { type LockFileOps, localLockFiles } from '../host/lock-files.js';

export interface LockOptions {
  /** Give up after this long (default 60 s; 0 = one attempt). */
  timeoutMs?: number;
  /** First retry delay (default 10 ms); doubles up to `maxPollMs`. */
  pollMs?: number;
  /** Longest retry delay (default 250 ms). */
  maxPollMs?: number;
  /** A lock file without a readable owner older than this is stale (default 30 s). */
  staleAfterMs?: number;
  /** What the lock protects, for the "busy" message (e.g. "the global pot lock"). */
  what?: string;
  /** Environment looked at for locks inherited from a parent pot process (default process.env). */
  env?: NodeJS.ProcessEnv;
  /** Time and waits between attempts (default the machine's clock; a host's `clock`). */
  clock?: ClockOps;
  /** The machine's lock files (default: this process's file system). */
  files?: LockFileOps;
}

/**
 * Locks handed down to child processes (hooks, flavours, nested pot commands),
 * like shell pot's `_POT_RECURSIVE`: `POT_HELD_LOCKS=PID:PATH;PID:PATH…`. A
 * child re-enters a listed lock only while the file still names that pid as
 * its owner, so a leaked variable cannot open a lock someone else took since.
 */
export const HELD_LOCKS_ENV = 'POT_HELD_LOCKS';

/** The environment entry to give child processes so they re-enter the locks the caller holds. */
export function heldLocksEnv(): Record<string, string> {
  const own = [...(held.getStore() ?? [])].map((f) => `${process.pid}:${f}`);
  const inherited = (process.env[HELD_LOCKS_ENV] ?? '').split(';').filter((e) => e !== '');
  const all = [...new Set([...inherited, ...own])];
  return all.length === 0 ? {} : { [HELD_LOCKS_ENV]: all.join(';') };
}

async function inheritedFromParent(file: string, env: NodeJS.ProcessEnv, files: LockFileOps): Promise<boolean> {
  const entries = (env[HELD_LOCKS_ENV] ?? '').split(';').filter((e) => e !== '');
  for (const entry of entries) {
    const colon = entry.indexOf(':');
    if (colon < 0 || entry.slice(colon + 1) !== file) continue;
    const pid = Number(entry.slice(0, colon));
    const owner = await readLockOwner(file, files);
    if (owner !== undefined && owner.pid === pid && owner.host === os.hostname() && files.isAlive(pid)) return true;
  }
  return false;
}

export interface LockHandle {
  readonly file: string;
  /** Whether this handle took the lock (false: re-entrant use of a lock the caller holds). */
  readonly acquired: boolean;
  release(): Promise<void>;
}

export interface LockOwner {
  pid: number;
  host: string;
  since: string;
}

const held = new AsyncLocalStorage<ReadonlySet<string>>();

function ownerText(clock: ClockOps): string {
  return `pid=${process.pid}\nhost=${os.hostname()}\nsince=${new Date(clock.now()).toISOString()}\n`;
}

/** The owner recorded in a lock file, or undefined when unreadable or missing. */
export async function readLockOwner(file: string, files: LockFileOps = localLockFiles()): Promise<LockOwner | undefined> {
  const text = await files.read(file);
  if (text === undefined) return undefined;
  const field = (k: string): string | undefined => new RegExp(`^${k}=(.*)$`, 'm').exec(text)?.[1];
  const pid = Number(field('pid'));
  if (!Number.isInteger(pid) || pid <= 0) return undefined;
  return { pid, host: field('host') ?? '', since: field('since') ?? '' };
}

/** The machine a lock is taken on: its clock and its lock files. */
interface LockMachine {
  clock: ClockOps;
  files: LockFileOps;
}

/** Whether the lock at `file` is stale: its owner is dead (same host), or it is ownerless and old. */
async function isStale(file: string, staleAfterMs: number, { clock, files }: LockMachine): Promise<boolean> {
  const owner = await readLockOwner(file, files);
  if (owner !== undefined) {
    if (owner.host !== '' && owner.host !== os.hostname()) return false;
    return !files.isAlive(owner.pid);
  }
  const modified = await files.modifiedAt(file);
  return modified !== undefined && clock.now() - modified > staleAfterMs; // gone: the next attempt will take it
}

/** Removes a stale lock under a breaker file, re-checking staleness once the breaker is held. */
async function breakStale(file: string, staleAfterMs: number, m: LockMachine): Promise<void> {
  const breaker = `${file}.break`;
  if (!(await m.files.createExclusive(breaker, ownerText(m.clock)))) {
    // another waiter is breaking it; a breaker left by a dead process is itself stale
    const owner = await readLockOwner(breaker, m.files);
    if (owner !== undefined && !m.files.isAlive(owner.pid)) await m.files.remove(breaker);
    return;
  }
  try {
    if (await isStale(file, staleAfterMs, m)) await m.files.remove(file);
  } finally {
    await m.files.remove(breaker);
  }
}

export async function acquireLock(file: string, options: LockOptions = {}): Promise<LockHandle> {
  const resolved = path.resolve(file);
  const files = options.files ?? localLockFiles();
  if (held.getStore()?.has(resolved) || (await inheritedFromParent(resolved, options.env ?? process.env, files))) {
    return { file: resolved, acquired: false, release: async () => undefined };
  }
  const timeoutMs = options.timeoutMs ?? 60_000;
  const maxPoll = options.maxPollMs ?? 250;
  const staleAfterMs = options.staleAfterMs ?? 30_000;
  let delay = options.pollMs ?? 10;
  const clock = options.clock ?? systemClock;
  const machine = { clock, files };
  const started = clock.now();
  await files.mkdirp(path.dirname(resolved));
  for (;;) {
    if (await files.createExclusive(resolved, ownerText(clock))) break;
    if (await isStale(resolved, staleAfterMs, machine)) {
      await breakStale(resolved, staleAfterMs, machine);
      continue;
    }
    if (clock.now() - started >= timeoutMs) {
      const owner = await readLockOwner(resolved, files);
      const by = owner === undefined ? '' : ` (held by pid ${owner.pid}${owner.host ? ` on ${owner.host}` : ''} since ${owner.since})`;
      throw new PotError('busy', `${options.what ?? `the lock ${resolved}`} is busy${by}`, {
        suggestion: `another pot command is running; try again when it is done (if none is, remove ${resolved})`,
      });
    }
    await clock.sleep(Math.min(delay, Math.max(1, timeoutMs - (clock.now() - started))) * (0.5 + Math.random()));
    delay = Math.min(delay * 2, maxPoll);
  }
  let released = false;
  return {
    file: resolved,
    acquired: true,
    release: async () => {
      if (released) return;
      released = true;
      const owner = await readLockOwner(resolved, files);
      if (owner?.pid === process.pid) await files.remove(resolved);
    },
  };
}

/** Runs `fn` holding the lock `file`; re-entrant along the caller's async chain. */
export async function withLock<T>(file: string, fn: () => Promise<T>, options: LockOptions = {}): Promise<T> {
  const handle = await acquireLock(file, options);
  if (!handle.acquired) return fn();
  const outer = held.getStore() ?? new Set<string>();
  try {
    return await held.run(new Set([...outer, handle.file]), fn);
  } finally {
    await handle.release();
  }
}

/** Where locks live: `POT_LOCK_DIR` when set; the global lock defaults to /tmp (as shell pot's). */
export interface LockPaths {
  /** Directory of the global lock (default: env POT_LOCK_DIR, else /tmp). */
  globalDir?: string;
  /** POT_TMP: directory of the per-pot locks (default: env POT_LOCK_DIR, else POT_TMP, else /tmp). */
  potTmp?: string;
  env?: NodeJS.ProcessEnv;
}

export const GLOBAL_LOCK_NAME = 'pot-lock-file.lock';

export function globalLockPath(paths: LockPaths = {}): string {
  const env = paths.env ?? process.env;
  return path.join(paths.globalDir ?? (env.POT_LOCK_DIR || '/tmp'), GLOBAL_LOCK_NAME);
}

/** `POT_TMP/pot-KIND-NAME.lock` (POT_LOCK_DIR when set). */
function namedLockPath(kind: string, name: string, paths: LockPaths): string {
  const env = paths.env ?? process.env;
  if (name === '' || name.includes('/') || name.includes('\0')) {
    throw new PotError('invalid-name', `${JSON.stringify(name)} cannot name a lock file`, { suggestion: 'validate the pot name first' });
  }
  return path.join(env.POT_LOCK_DIR || paths.potTmp || '/tmp', `pot-${kind}-${name}.lock`);
}

export function potLockPath(potName: string, paths: LockPaths = {}): string {
  return namedLockPath('lock', potName, paths);
}

/** The lock of one image's import (`NAME_TAG`, the pot it becomes). */
export function importLockPath(imagePot: string, paths: LockPaths = {}): string {
  return namedLockPath('import', imagePot, paths);
}

/** The lock a pot's start holds until the pot runs (or is undone), and its stop while it stops. */
export function runLockPath(potName: string, paths: LockPaths = {}): string {
  return namedLockPath('run', potName, paths);
}

/** Serialises allocating commands (addresses, host ports, bridge segments). */
/**
 * How long a command queues for the global lock: shell pot's lockf waited without limit, and
 * a Nomad node starts many allocations at once, each holding the lock while it picks addresses
 * and ports; a minute was reached by twenty parallel creates on a busy host.
 */
const GLOBAL_LOCK_WAIT_MS = 10 * 60_000;

export function withGlobalLock<T>(fn: () => Promise<T>, paths: LockPaths & LockOptions = {}): Promise<T> {
  return withLock(globalLockPath(paths), fn, { what: 'the global pot lock', timeoutMs: GLOBAL_LOCK_WAIT_MS, ...paths });
}

/** Guards every change to one pot's files (pot.conf, fscomp.conf, status). */
export function withPotLock<T>(potName: string, fn: () => Promise<T>, paths: LockPaths & LockOptions = {}): Promise<T> {
  return withLock(potLockPath(potName, paths), fn, { what: `the lock of pot ${potName}`, ...paths });
}

/**
 * One import of an image at a time (a Nomad node prepares many allocations of one new
 * image at once); as long as the global lock allows, since a big image downloads for minutes.
 */
export function withImportLock<T>(imagePot: string, fn: () => Promise<T>, paths: LockPaths & LockOptions = {}): Promise<T> {
  return withLock(importLockPath(imagePot, paths), fn, { what: `the import of ${imagePot}`, timeoutMs: GLOBAL_LOCK_WAIT_MS, ...paths });
}

/**
 * A pot's start (until the pot runs or is undone) and its stop: a stop or destroy waits
 * for a start to reach a state it can undo (see actions/running/run-lock.ts).
 */
export function withRunLock<T>(potName: string, fn: () => Promise<T>, paths: LockPaths & LockOptions = {}): Promise<T> {
  return withLock(runLockPath(potName, paths), fn, { what: `the start or stop of pot ${potName}`, timeoutMs: GLOBAL_LOCK_WAIT_MS, ...paths });
}
