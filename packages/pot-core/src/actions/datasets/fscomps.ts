/**
 * fs components (create-fscomp, clone-fscomp, destroy -f): ZFS
 * datasets `ZR/fscomp/NAME` mounted at `FS/fscomp/NAME`, which pots mount
 * (`mount-in -f`) or reference from their fscomp.conf. Names are checked by
 * the shared name rules (shell pot took `../x` as it came).
 */
import path from 'node:path';
import { notFound } from '../../errors/not-found.js';
import { PotError } from '../../errors/pot-error.js';
import { validateFscompName } from '../../names/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, info, realFiles, requireRoot } from '../context/context.js';
import { checkPotInitialised } from '../context/pot-initialised.js';
import { forPot, potStore, SKIPPED } from '../context/pot-lookup.js';
import { newestSnapshot } from './snapshot-names.js';

const reason = (cause: unknown): string => (cause instanceof Error ? cause.message : String(cause));

const fscompDataset = (ctx: ActionContext, fscomp: string): string => `${ctx.settings.zfsRoot}/fscomp/${fscomp}`;
const fscompPath = (ctx: ActionContext, fscomp: string): string => path.join(ctx.settings.fsRoot, 'fscomp', fscomp);

/** `_zfs_exist ZR/fscomp/F FS/fscomp/F`: the dataset exists and is mounted (by its mountpoint property) where pot expects it. */
async function isFscomp(ctx: ActionContext, fscomp: string): Promise<boolean> {
  const ds = fscompDataset(ctx, fscomp);
  return (await ctx.host.zfs.exists(ds)) && (await ctx.host.zfs.mountpoint(ds)) === fscompPath(ctx, fscomp);
}

/** `F is not a valid fscomp` unless F is an fs component (snapshot, revert, purge-snapshots). */
export async function requireFscomp(ctx: ActionContext, fscomp: string): Promise<string> {
  validateFscompName(fscomp, { purpose: 'existing' });
  if (!(await isFscomp(ctx, fscomp))) {
    throw notFound('fscomp', fscomp);
  }
  return fscompDataset(ctx, fscomp);
}

/** `pot create-fscomp -f NAME`: the dataset, unless it exists already (then only said). Answers whether it was made. */
export async function createFscomp(ctx: ActionContext, o: { fscomp: string }): Promise<boolean> {
  validateFscompName(o.fscomp);
  await checkPotInitialised(ctx);
  const ds = fscompDataset(ctx, o.fscomp);
  if (await ctx.host.zfs.exists(ds)) {
    info(ctx, `fs component ${ds} already exists`);
    return false;
  }
  await requireRoot(ctx);
  try {
    await ctx.host.zfs.create(ds);
  } catch (cause) {
    throw new PotError('host-command', `fs component ${ds} creation failed: ${reason(cause)}`, { cause });
  }
  return true;
}

/** `pot clone-fscomp -f NEW -F SOURCE`: a ZFS clone of SOURCE's newest snapshot, mounted at FS/fscomp/NEW. Answers the snapshot used. */
export async function cloneFscomp(ctx: ActionContext, o: { fscomp: string; source: string }): Promise<string> {
  validateFscompName(o.fscomp);
  validateFscompName(o.source, { purpose: 'existing' });
  const target = fscompDataset(ctx, o.fscomp);
  const source = fscompDataset(ctx, o.source);
  if (await ctx.host.zfs.exists(target)) throw new PotError('already-exists', `fscomp ${o.fscomp} already exists`, { suggestion: 'pick another name' });
  if (!(await ctx.host.zfs.exists(source))) throw notFound('fscomp', o.source);
  await requireRoot(ctx);
  const snapshot = newestSnapshot(await ctx.host.zfs.snapshots(source));
  if (snapshot === undefined) {
    throw new PotError('host-state', `${source} has no snapshots - please take one`, { suggestion: `pot snapshot -f ${o.source}` });
  }
  debug(ctx, `Cloning ${snapshot} into ${target}`);
  await ctx.host.zfs.clone(snapshot, target, { mountpoint: fscompPath(ctx, o.fscomp) });
  return snapshot;
}

/** The pots whose fscomp.conf mounts the fs component (its dataset or a dataset below it). */
async function fscompUsers(ctx: ActionContext, fscomp: string): Promise<string[]> {
  const ds = fscompDataset(ctx, fscomp);
  const store = potStore(ctx);
  const users: string[] = [];
  for (const pot of await store.listPots()) {
    const conf = await forPot(ctx, () => store.readFscompConf(pot));
    const entries = (conf === SKIPPED ? undefined : conf)?.entries ?? [];
    if (entries.some((e) => e.source === ds || e.source.startsWith(`${ds}/`))) users.push(pot);
  }
  return users;
}

export interface DestroyFscompOptions {
  fscomp: string;
  /** -F: destroy it even when pots mount it. */
  force?: boolean;
}

/**
 * `pot destroy -f NAME`: `zfs destroy -f -r` of the dataset and the leftover
 * mount point directory. Refused while a pot's fscomp.conf mounts it, unless
 * forced (shell pot destroyed it under the pots' feet, unmounting it from
 * running ones).
 */
export async function destroyFscomp(ctx: ActionContext, o: DestroyFscompOptions): Promise<void> {
  validateFscompName(o.fscomp, { purpose: 'existing' });
  await requireRoot(ctx);
  const ds = fscompDataset(ctx, o.fscomp);
  if (!(await ctx.host.zfs.exists(ds))) throw notFound('fscomp', o.fscomp);
  const users = await fscompUsers(ctx, o.fscomp);
  if (users.length > 0 && !o.force) {
    throw new PotError('conflict', `fscomp ${o.fscomp} is used by ${users.length === 1 ? 'the pot' : 'the pots'} ${users.join(', ')}`, {
      suggestion: `remove it from their fscomp.conf first (pot mount-out), or use -F to destroy it anyway`,
    });
  }
  info(ctx, `Destroying fscomp ${o.fscomp}`);
  try {
    await ctx.host.zfs.destroy(ds, { force: true, recursive: true });
  } catch (cause) {
    throw new PotError('host-command', `zfs failed to destroy the dataset ${ds}: ${reason(cause)}`, {
      cause,
      suggestion: 'an fscomp cloned from it (clone-fscomp) must be destroyed first',
    });
  }
  const dir = fscompPath(ctx, o.fscomp);
  if (await realFiles(ctx).isDirectory(dir)) {
    debug(ctx, `Removing leftover mountpoint ${dir}`);
    await realFiles(ctx).remove(dir);
  }
}
