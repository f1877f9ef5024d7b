/**
 * The mechanism of copy-in and copy-out: a host directory mounted
 * with nullfs on a fresh directory below the pot's /tmp, and `cp -a` run as a
 * process of the jail — the running one, or a throw-away jail on the pot's
 * root — so links inside the pot cannot lead the copy outside it.
 */
import { randomBytes } from '../../crypto.js';
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import type { JailPlace } from '../../host/types.js';
import type { ActionContext } from '../context/context.js';
import { passStderr, warn } from '../context/context.js';
import { potPath } from '../context/pot-lookup.js';
import { potRoot } from '../network/pot-root-files.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

const SUFFIX_CHARS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Eight random letters and digits, as mktemp's `XXXXXXXX`. */
export function tempSuffix(bytes: Uint8Array = randomBytes(8)): string {
  return [...bytes].map((b) => SUFFIX_CHARS[b % SUFFIX_CHARS.length]).join('');
}

/** Where the copy runs: in the running jail, or in a throw-away jail on the stopped pot's root. */
export function copyPlace(ctx: ActionContext, pot: string, running: boolean): JailPlace {
  return running ? { jail: pot } : { root: path.join(potPath(ctx, pot), 'm') };
}

export interface TempMount {
  /** `copy-in` or `copy-out`: the name of the temporary directory (`/tmp/copy-in.XXXXXXXX`). */
  prefix: string;
  /** The host directory mounted. */
  hostDir: string;
  readOnly: boolean;
  /** Mounted on this directory below the temporary one instead of on it (a copied-in directory keeps its name). */
  below?: string;
  /** `source` or `destination`, for the messages. */
  what: string;
}

async function makeTempDir(ctx: ActionContext, pot: string, prefix: string): Promise<string> {
  const root = potRoot(ctx, pot);
  try {
    let dir = `/tmp/${prefix}.${tempSuffix()}`;
    while (await root.exists(dir)) dir = `/tmp/${prefix}.${tempSuffix()}`;
    await root.mkdirp(dir);
    await root.chmod(dir, 0o700);
    return dir;
  } catch (cause) {
    throw new PotError('host-state', 'Failed to build a temporary folder in the pot /tmp', { cause, suggestion: messageOf(cause) });
  }
}

/**
 * Runs `fn` with `m.hostDir` mounted inside the pot; `fn` gets the directory
 * (inside the pot) holding it. The mount and the temporary directory go after.
 */
export async function withTempMount<T>(ctx: ActionContext, pot: string, m: TempMount, fn: (dir: string) => Promise<T>): Promise<T> {
  const root = potRoot(ctx, pot);
  const tmp = await makeTempDir(ctx, pot, m.prefix);
  const at = m.below === undefined ? tmp : `${tmp}/${m.below}`;
  const removeDirs = async (): Promise<void> => {
    if (at !== tmp) await root.rmdirIfEmpty(at);
    await root.rmdirIfEmpty(tmp);
  };
  let target: string;
  try {
    if (at !== tmp) await root.mkdirp(at);
    target = await root.resolve(at);
    await ctx.host.mounts.bind(m.hostDir, target, { readOnly: m.readOnly });
  } catch (cause) {
    await removeDirs().catch(() => undefined);
    throw new PotError('host-command', `Failed to mount ${m.what} inside the pot`, { cause, suggestion: messageOf(cause) });
  }
  let failure: unknown;
  let result: T | undefined;
  try {
    result = await fn(tmp);
  } catch (err) {
    failure = err;
  }
  try {
    await ctx.host.mounts.unmount(target, { force: true });
    await removeDirs();
  } catch (cause) {
    const err = new PotError('host-command', `Failed to unmount the ${m.what} tmp folder from the pot`, {
      cause,
      suggestion: `unmount ${target} by hand: ${messageOf(cause)}`,
    });
    if (failure === undefined) failure = err;
    else warn(ctx, err.message);
  }
  if (failure !== undefined) throw failure;
  return result as T;
}

/** `cp -a FROM TO` (`-va` when verbose) as a process of the jail; its listing is printed; `failure` is the message when it fails. */
export async function copyInsideJail(ctx: ActionContext, place: JailPlace, from: string, to: string, failure: string): Promise<void> {
  const r = await ctx.host.jails.copyInside(place, from, to, { verbose: ctx.verbosity >= 2 });
  for (const line of r.stdout.split('\n')) if (line !== '') ctx.report.print(line);
  passStderr(ctx, r.stderr);
  if (r.exitCode !== 0) throw new PotError('host-command', failure, { suggestion: `cp -a ${from} ${to} exited with status ${r.exitCode} inside the pot` });
}
