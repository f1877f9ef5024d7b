/**
 * `pot mount-in -p POT -m MNT (-d DIR | -f FSCOMP | -z DATASET) [-r] [-w]`
 * (shell pot 0.16.0): a host directory, an fscomp or a ZFS
 * dataset mounted inside a pot — now when it runs, and at every start (a
 * line of fscomp.conf). Every check of shell pot, in its order and with its
 * messages. Fixed: the line is always written in the current relative form
 * (shell pot wrote legacy absolute lines for -f/-z), the "already in use"
 * check recognises both forms of line, a directory inside the pot is found
 * wherever the pot lives (shell pot compared the wrong end of the path), the
 * edit is done under the pot's lock, and a failed mount of a running pot is
 * an error that leaves fscomp.conf as it was.
 */
import path from 'node:path';
import { notFound } from '../../errors/not-found.js';
import { PotError } from '../../errors/pot-error.js';
import { validateFscompName, validatePotName } from '../../names/index.js';
import type { FscompEntry, FscompOption } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, info, realFiles, requireRoot } from '../context/context.js';
import { editFscompConf } from './fscomp-conf-edit.js';
import { checkMountpointArgument, isInsidePot, mountInDirectory, mountInOption, normaliseMountpoint } from './fscomp-mountpoints.js';
import { withPotHeld, withPotMounted } from './with-pot-mounted.js';
import { existingPot, potPath, potStore } from '../context/pot-lookup.js';
import { checkMountpointFree, resolvedMountpoint } from './pot-mountpoint.js';
import { mountFscompEntry } from './pot-mounts.js';

export interface MountInOptions {
  pot: string;
  /** -f: an fscomp (dataset `ZR/fscomp/NAME`). */
  fscomp?: string;
  /** -d: a directory of the host (relative to `cwd`). */
  dir?: string;
  /** -z: a ZFS dataset. */
  dataset?: string;
  /** -m: where, inside the pot. */
  mountpoint: string;
  /** -w: move the dataset's mount point instead of a nullfs mount. */
  remount?: boolean;
  /** -r */
  readOnly?: boolean;
  /** Where a relative -d is taken from (default: the working directory). */
  cwd?: string;
}

export interface MountInResult {
  /** The line added to fscomp.conf. */
  entry: FscompEntry;
  /** Mounted now (the pot runs). */
  mounted: boolean;
}

const usage = (message: string, suggestion: string): PotError => new PotError('usage', message, { suggestion });
const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

interface Sources {
  fscomp: string | undefined;
  dir: string | undefined;
  dataset: string | undefined;
}

function checkSources(s: Sources): void {
  const how = 'mount one thing: -f FSCOMP, -d DIR or -z DATASET';
  if (s.fscomp === undefined && s.dir === undefined && s.dataset === undefined) throw usage('One of -f|-d|-z option has to be used', how);
  if (s.fscomp !== undefined && s.dir !== undefined) throw usage('-f and -d options are mutually exclusive', how);
  if (s.fscomp !== undefined && s.dataset !== undefined) throw usage('-f and -z options are mutually exclusive', how);
  if (s.dir !== undefined && s.dataset !== undefined) throw usage('-d and -z options are mutually exclusive', how);
}

async function datasetExists(ctx: ActionContext, name: string): Promise<boolean> {
  try {
    return await ctx.host.zfs.exists(name);
  } catch {
    return false; // a name the host refuses (blanks, leading -) names no dataset
  }
}

async function fscompSource(ctx: ActionContext, fscomp: string): Promise<string> {
  validateFscompName(fscomp, { purpose: 'existing' });
  const dataset = `${ctx.settings.zfsRoot}/fscomp/${fscomp}`;
  if (!(await realFiles(ctx).isDirectory(path.join(ctx.settings.fsRoot, 'fscomp', fscomp)))) throw notFound('fscomp', fscomp);
  if (!(await datasetExists(ctx, dataset))) {
    throw new PotError('host-state', `fs component ${fscomp} is incomplete: its dataset ${dataset} is missing`, {
      suggestion: `'pot destroy -f ${fscomp}' removes what is left of it`,
    });
  }
  return dataset;
}

async function directorySource(ctx: ActionContext, pot: string, given: string, cwd: string): Promise<string> {
  const dir = mountInDirectory(given, cwd);
  if (!(await realFiles(ctx).isDirectory(dir)))
    throw new PotError('not-found', `${given} is not a directory`, { suggestion: 'give an existing directory of the host' });
  if (/\s/.test(dir))
    throw usage('The directory cannot contain spaces', 'fscomp.conf separates its fields with blanks: use a directory (or a link to it) without them');
  const potDir = potPath(ctx, pot);
  const real = await realFiles(ctx).resolve(dir);
  const entries =
    (
      await potStore(ctx)
        .readFscompConf(pot)
        .catch(() => undefined)
    )?.entries ?? [];
  const used = entries.some((e) => e.source.startsWith('/') && normaliseMountpoint(e.source) === dir);
  if (used || [dir, real].some((d) => isInsidePot(d, potDir) || isInsidePot(potDir, d))) {
    throw new PotError('conflict', `Directory ${given} not valid, already used or already part of the pot`, {
      suggestion: 'mount a directory outside the pot, once',
    });
  }
  return dir;
}

/** What the line mounts: the dataset of -f/-z or the absolute directory of -d. */
async function sourceOf(ctx: ActionContext, pot: string, s: Sources, cwd: string): Promise<string> {
  if (s.fscomp !== undefined) return fscompSource(ctx, s.fscomp);
  if (s.dataset !== undefined) {
    if (!(await datasetExists(ctx, s.dataset)))
      throw new PotError('not-found', `dataset ${s.dataset} is not valid`, { suggestion: "'zfs list' shows the datasets" });
    return s.dataset;
  }
  return directorySource(ctx, pot, s.dir as string, cwd);
}

/** Adds the mount to the pot (and mounts it now when the pot runs); answers the line added. */
export async function mountIn(ctx: ActionContext, o: MountInOptions): Promise<MountInResult> {
  const { pot, mountpoint } = o;
  if (pot === '') throw usage('A pot name is mandatory', 'give the pot with -p POT');
  // shell pot dropped one trailing '/' of -d (so `-d /` counts as no -d)
  const dir = o.dir === undefined || o.dir.replace(/\/$/, '') === '' ? undefined : o.dir.replace(/\/$/, '');
  const sources: Sources = { fscomp: o.fscomp || undefined, dir, dataset: o.dataset || undefined };
  checkSources(sources);
  if (mountpoint === '') throw usage('A mount point is mandatory', 'give where, inside the pot, with -m MNT');
  checkMountpointArgument(mountpoint, { blanks: true });
  const { option, note } = mountInOption({ readOnly: o.readOnly ?? false, remount: o.remount ?? false, directory: dir !== undefined });
  if (note !== undefined) info(ctx, note);
  const source = await sourceOf(ctx, pot, sources, o.cwd ?? ctx.cwd ?? process.cwd());
  validatePotName(pot, { purpose: 'existing' });
  const conf = await existingPot(ctx, pot);
  await requireRoot(ctx);
  const rootDir = path.join(potPath(ctx, pot), 'm');
  return withPotHeld(ctx, pot, async (running) => {
    checkMountpointFree((await potStore(ctx).readFscompConf(pot))?.entries ?? [], mountpoint, mountpoint, rootDir, pot);
    const inside = await withPotMounted(ctx, pot, conf, running, () => resolvedMountpoint(ctx, pot, mountpoint, { create: true }));
    if (inside === '/') throw usage('/ is not a valid mount point', `${mountpoint} is the root of the pot: mount below it`);
    if (/\s/.test(inside)) throw usage('The mountpoint cannot contain spaces', `${mountpoint} is ${inside} inside the pot`);
    const entry: FscompEntry = { source, mountpoint: inside, option: option satisfies FscompOption };
    await editFscompConf(ctx, pot, async (c) => {
      checkMountpointFree(c.entries, inside, mountpoint, rootDir, pot);
      c.add(entry);
      if (!running) return;
      try {
        await mountFscompEntry(ctx, pot, entry);
      } catch (cause) {
        throw new PotError('host-command', `Error mounting ${source} on ${pot}`, { cause, suggestion: messageOf(cause) });
      }
      debug(ctx, `Mounted ${source} on ${pot}`);
    });
    return { entry, mounted: running };
  });
}
