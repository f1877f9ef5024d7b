/**
 * `pot snapshot`, `pot revert` and `pot purge-snapshots`: ZFS
 * snapshots of a pot (its dataset and every dataset below it, recursively) or
 * of an fs component, named after the epoch second. A pot must be stopped;
 * every one of them needs root — purge-snapshots too (shell pot purged a
 * running pot's snapshots and did not check root for pots).
 */
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, info, requireRoot, warn } from '../context/context.js';
import { requireFscomp } from './fscomps.js';
import { existingPot, potDataset } from '../context/pot-lookup.js';
import { epochSnapshotName, msToNextSecond, newestSnapshot, oldestSnapshot, snapshotPart, snapshotsToPurge } from './snapshot-names.js';

/** A pot (`-p`) or an fs component (`-f`). */
export type SnapshotTarget = { readonly pot: string } | { readonly fscomp: string };

type Verb = 'Snapshot' | 'Revert' | 'Purge';

interface Resolved {
  dataset: string;
  /** Pots are snapshotted recursively; fs components are one dataset. */
  recursive: boolean;
}

/** The checks of each command, in shell pot's order: the target, a pot stopped, root. */
async function resolveTarget(ctx: ActionContext, target: SnapshotTarget, verb: Verb): Promise<Resolved> {
  if ('pot' in target) {
    validatePotName(target.pot, { purpose: 'existing' });
    await existingPot(ctx, target.pot);
    if (await ctx.host.jails.isRunning(target.pot)) {
      throw new PotError('busy', `The pot ${target.pot} is still running. ${verb} is possible only for stopped pots`, {
        suggestion: `stop it first ('pot stop ${target.pot}')`,
      });
    }
    await requireRoot(ctx);
    return { dataset: potDataset(ctx, target.pot), recursive: true };
  }
  const dataset = await requireFscomp(ctx, target.fscomp);
  await requireRoot(ctx);
  return { dataset, recursive: false };
}

async function snapshotNames(ctx: ActionContext, dataset: string): Promise<string[]> {
  return (await ctx.host.zfs.snapshots(dataset)).map(snapshotPart);
}

/**
 * The epoch second as a name no snapshot of the dataset has yet: a second
 * snapshot within the same second waits for the next one (shell pot's failed
 * with `dataset already exists`).
 */
async function freshName(ctx: ActionContext, dataset: string): Promise<string> {
  const taken = new Set(await snapshotNames(ctx, dataset));
  for (;;) {
    const now = ctx.host.clock.now();
    const name = epochSnapshotName(now);
    if (!taken.has(name)) return name;
    await ctx.host.clock.sleep(msToNextSecond(now));
  }
}

export interface TakeSnapshotOptions {
  target: SnapshotTarget;
  /** -r: the oldest snapshot is destroyed first (it is replaced by the new one). */
  replace?: boolean;
}

/** `pot snapshot`: answers the snapshot taken (`DS@EPOCH`). */
export async function takeSnapshot(ctx: ActionContext, o: TakeSnapshotOptions): Promise<string> {
  const { dataset, recursive } = await resolveTarget(ctx, o.target, 'Snapshot');
  if (o.replace) {
    const oldest = oldestSnapshot(await snapshotNames(ctx, dataset));
    if (oldest !== undefined) {
      debug(ctx, `Destroying the oldest snapshot ${dataset}@${oldest}`);
      await ctx.host.zfs.destroy(`${dataset}@${oldest}`, { recursive: true });
    }
  }
  const name = await freshName(ctx, dataset);
  debug(ctx, `Take snapshot of ${dataset}`);
  await ctx.host.zfs.snapshot(dataset, name, recursive ? { recursive: true } : {});
  return `${dataset}@${name}`;
}

/**
 * `pot revert`/`rollback`: every dataset of the pot (children first) or the fs
 * component goes back to its newest snapshot; a dataset without snapshot is
 * said and left. Answers the snapshots rolled back to.
 */
export async function revertSnapshot(ctx: ActionContext, o: { target: SnapshotTarget }): Promise<string[]> {
  const { dataset } = await resolveTarget(ctx, o.target, 'Revert');
  const datasets = (await ctx.host.zfs.tree(dataset)).sort().reverse();
  const done: string[] = [];
  for (const ds of datasets) {
    const last = newestSnapshot(await snapshotNames(ctx, ds));
    if (last === undefined) {
      info(ctx, `${ds} has not snapshot - no possible rollback`);
      continue;
    }
    await ctx.host.zfs.rollback(`${ds}@${last}`);
    done.push(`${ds}@${last}`);
  }
  return done;
}

/**
 * `pot purge-snapshots`: destroys (recursively, for pots) every snapshot but
 * the newest, or all of them with `all`, oldest first. A snapshot the host
 * keeps (a clone depends on it) is reported and the others still go; the
 * command then fails (shell pot exited 0). Answers what went.
 */
export async function purgeSnapshots(ctx: ActionContext, o: { target: SnapshotTarget; all?: boolean }): Promise<string[]> {
  const { dataset } = await resolveTarget(ctx, o.target, 'Purge');
  const purged: string[] = [];
  const kept: string[] = [];
  for (const name of snapshotsToPurge(await snapshotNames(ctx, dataset), o.all ?? false)) {
    try {
      await ctx.host.zfs.destroy(`${dataset}@${name}`, { recursive: true });
      purged.push(`${dataset}@${name}`);
    } catch (err) {
      warn(ctx, err instanceof Error ? err.message : String(err));
      kept.push(`${dataset}@${name}`);
    }
  }
  if (kept.length > 0) {
    throw new PotError('host-state', `${kept.length === 1 ? 'the snapshot' : 'the snapshots'} ${kept.join(', ')} could not be destroyed`, {
      suggestion: 'a pot or fscomp cloned from a snapshot (pot clone, clone-fscomp) has to be destroyed first',
    });
  }
  return purged;
}
