/**
 * A pot's file systems: fscomp.conf's lines
 * mounted below `J/m` at start — `zfs-remount` datasets moved there, other
 * datasets and host directories mounted with nullfs — plus a tmpfs on /tmp;
 * undone in reverse order at stop.
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import type { FscompEntry, PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, realFiles, warn } from '../context/context.js';
import { insideMountpoint } from './fscomp-mountpoints.js';
import { potPath, potStore } from '../context/pot-lookup.js';

/** An entry with its mount point resolved below `J/m` (a legacy absolute line's too). */
function withTarget(ctx: ActionContext, pot: string, e: FscompEntry): FscompEntry & { target: string } {
  const root = path.join(potPath(ctx, pot), 'm');
  const inside = insideMountpoint(e.mountpoint, root);
  return { ...e, target: inside === '/' ? root : `${root}${inside}` };
}

/** fscomp.conf's entries with their mount points resolved below `J/m` (legacy absolute lines too). */
async function entries(ctx: ActionContext, pot: string): Promise<Array<FscompEntry & { target: string }>> {
  const conf = await potStore(ctx).readFscompConf(pot);
  return (conf?.entries ?? []).map((e) => withTarget(ctx, pot, e));
}

/** The dataset's mountpoint, just set, is `mountpoint` (a dry run's setting was only printed: as planned). */
function movedTo(ctx: ActionContext, dataset: string, mountpoint: string): Promise<boolean> {
  return ctx.host.plan.afterChanges(
    async () => (await ctx.host.zfs.mountpoint(dataset)) === mountpoint,
    () => true,
  );
}

async function mountEntry(ctx: ActionContext, e: FscompEntry & { target: string }): Promise<void> {
  if (e.option === 'zfs-remount') {
    await ctx.host.zfs.setProperty(e.source, 'mountpoint', e.target);
    if (!(await movedTo(ctx, e.source, e.target))) {
      throw new PotError('host-state', `Dataset ${e.source} not mounted at ${e.target}! Aborting`, { suggestion: `check 'zfs get mountpoint ${e.source}'` });
    }
    return;
  }
  const options = e.option === '' ? 'rw' : e.option;
  if (e.source.startsWith('/')) {
    await ctx.host.mounts.bind(e.source, e.target, { options });
    return;
  }
  const node = await ctx.host.zfs.mountpoint(e.source);
  if (node === undefined)
    throw new PotError('host-state', `Error mounting ${e.source}: the dataset does not exist`, { suggestion: 'fix the line in conf/fscomp.conf' });
  if (!(await realFiles(ctx).isDirectory(e.target))) await realFiles(ctx).mkdirp(e.target);
  await ctx.host.mounts.bind(node, e.target, { options });
}

/** Mounts everything the pot needs to run. */
export async function mountPot(ctx: ActionContext, pot: string, conf: PotConf): Promise<void> {
  for (const e of await entries(ctx, pot)) await mountEntry(ctx, e);
  if (conf.attr('no-tmpfs') === 'YES') debug(ctx, 'Not mounting tmpfs because of no-tmpfs attribute');
  else await ctx.host.mounts.tmpfs(path.join(potPath(ctx, pot), 'm', 'tmp'));
}

async function unmountIfMounted(ctx: ActionContext, target: string): Promise<void> {
  if (await ctx.host.mounts.isMounted(target)) await ctx.host.mounts.unmount(target, { force: true });
  else debug(ctx, `${target} is already unmounted`);
}

/** Unmounts what mountPot and the jail mounted; problems are reported, the rest goes on. */
export async function unmountPot(ctx: ActionContext, pot: string, conf: PotConf): Promise<void> {
  const m = path.join(potPath(ctx, pot), 'm');
  const specials = [
    ...(conf.attr('no-tmpfs') === 'YES' ? [] : [path.join(m, 'tmp')]),
    ...(conf.attr('fdescfs') === 'YES' ? [path.join(m, 'dev', 'fd')] : []),
    path.join(m, 'dev'),
    ...(conf.attr('procfs') === 'YES' ? [path.join(m, 'proc')] : []),
  ];
  for (const target of specials) await unmountIfMounted(ctx, target);
  for (const e of (await entries(ctx, pot)).reverse()) await unmountEntry(ctx, pot, e);
}

async function unmountEntry(ctx: ActionContext, pot: string, e: FscompEntry & { target: string }): Promise<void> {
  if (e.option !== 'zfs-remount') {
    await unmountIfMounted(ctx, e.target);
    return;
  }
  const home = path.join(potPath(ctx, pot), path.basename(e.source));
  await ctx.host.zfs.setProperty(e.source, 'mountpoint', home);
  if (!(await movedTo(ctx, e.source, home))) warn(ctx, `Dataset ${e.source} moved to ${home} (Fix it manually)`);
}

/** One fscomp.conf entry mounted now, as start mounts it (mount-in on a running pot). */
export async function mountFscompEntry(ctx: ActionContext, pot: string, e: FscompEntry): Promise<void> {
  await mountEntry(ctx, withTarget(ctx, pot, e));
}

/** One fscomp.conf entry unmounted now, as stop unmounts it (mount-out on a running pot). */
export async function unmountFscompEntry(ctx: ActionContext, pot: string, e: FscompEntry): Promise<void> {
  await unmountEntry(ctx, pot, withTarget(ctx, pot, e));
}
