/**
 * `pot destroy -p NAME [-F] [-r]`: a stopped pot's datasets,
 * directory, log configuration and status file. Pots built on it
 * (`pot.potbase=NAME`) go first with -r, or stop the destruction.
 */
import path from 'node:path';
import { notFound } from '../../errors/not-found.js';
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import type { PotConf, PotStore } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { incompletePot, potPath, potPresence, potStore, readablePots } from '../context/pot-lookup.js';
import { info, realFiles, requireRoot } from '../context/context.js';
import { stopPot } from '../running/stop-pot.js';
import { clearStopRequest, requestStopOfStart, runLocked, runState } from '../running/run-lock.js';

export interface DestroyPotOptions {
  pot: string;
  /** -F: destroy a pot whose configuration is missing or corrupted, as long as its dataset exists. */
  force?: boolean;
  /** -r: destroy the pots built on this one first. */
  recursive?: boolean;
}

/** The pots built on this one: its level-2 pots (`pot.potbase`) and the clones of its snapshots. */
async function dependants(ctx: ActionContext, pot: string): Promise<string[]> {
  const jails = `${ctx.settings.zfsRoot}/jails/`;
  const own = `${jails}${pot}`;
  const out = new Set<string>();
  for (const { pot: name, conf } of await readablePots(ctx)) if (name !== pot && conf?.get('pot.potbase') === pot) out.add(name);
  for (const ds of await ctx.host.zfs.tree(`${ctx.settings.zfsRoot}/jails`)) {
    if (ds === own || ds.startsWith(`${own}/`) || !ds.startsWith(jails)) continue;
    const origin = (await ctx.host.zfs.getProperty(ds, 'origin')) ?? '-';
    if (origin.startsWith(`${own}@`) || origin.startsWith(`${own}/`)) out.add(ds.slice(jails.length).split('/')[0] as string);
  }
  return [...out].sort();
}

async function removeLeftovers(ctx: ActionContext, pot: string): Promise<void> {
  await realFiles(ctx).remove(path.join(ctx.settings.fsRoot, 'jails', pot));
  for (const file of [`/usr/local/etc/syslog.d/${pot}.conf`, `/usr/local/etc/newsyslog.conf.d/${pot}.conf`, `/var/log/pot/${pot}.log`]) {
    await ctx.host.files.remove(file);
  }
}

/** pot.conf; with -F, one that cannot be read counts as missing (the pot is removed all the same). */
async function readConf(store: PotStore, pot: string, force: boolean): Promise<PotConf | undefined> {
  try {
    return await store.readPotConf(pot);
  } catch (err) {
    if (force && err instanceof PotError && err.code === 'host-state') return undefined;
    throw err;
  }
}

export async function destroyPot(ctx: ActionContext, options: DestroyPotOptions): Promise<void> {
  const { pot } = options;
  validatePotName(pot, { purpose: 'existing' });
  const store = potStore(ctx);
  const dataset = `${ctx.settings.zfsRoot}/jails/${pot}`;
  const conf = await readConf(store, pot, options.force === true);
  const hasDataset = await ctx.host.zfs.exists(dataset);
  if (conf === undefined || !hasDataset) {
    const hasDir = await realFiles(ctx).isDirectory(potPath(ctx, pot));
    if (!hasDataset && conf === undefined && !hasDir) throw notFound('pot', pot);
    if (!(options.force && (hasDataset || hasDir))) throw incompletePot(pot);
  } else {
    if (conf.type === 'multi' && conf.level === 0) {
      throw new PotError('conflict', `${pot} is a base pot: Please destroy the related base instead`, {
        suggestion: `pot destroy -b ${conf.get('pot.base') ?? 'BASE'}`,
      });
    }
    const children = await dependants(ctx, pot);
    if (children.length > 0 && !options.recursive) {
      throw new PotError('conflict', `${pot} is used by other pots (${children.join(', ')})`, {
        suggestion: `destroy them first, or use -r to destroy them with ${pot}`,
      });
    }
    for (const child of children) await destroyPot(ctx, { ...options, pot: child });
  }
  await requireRoot(ctx);
  if (hasDataset) await destroyPotDatasets(ctx, pot, options.force ?? false);
  else await removeLeftovers(ctx, pot);
  await realFiles(ctx).remove(path.join(ctx.settings.tmp, `pot_status_${pot}`));
}

/** Statuses of a pot that may hold mounts, interfaces or a jail even when no jail runs (a start in progress or undone halfway). */
const NOT_AT_REST = ['starting', 'started', 'doa', 'stopping'];

/**
 * A pot's datasets, directory and log configuration, without the checks of
 * `destroy -p` (destroy -b takes a base's pots this way, its level-0 pot too).
 * A running pot, or one being started, is stopped with `force` (a start in
 * progress is interrupted and waited for), else refused. The run lock is held
 * until the datasets are gone, so that no start of the pot slips in between.
 */
export async function destroyPotDatasets(ctx: ActionContext, pot: string, force: boolean): Promise<void> {
  const asked = force ? await requestStopOfStart(ctx, pot) : false;
  await runLocked(ctx, pot, async () => {
    if (asked) await clearStopRequest(ctx, pot);
    const state = await runState(ctx, pot);
    // under the run lock, `starting` is a start that is gone
    if ((await ctx.host.jails.isRunning(pot)) || state === 'starting') {
      if (!force)
        throw new PotError('busy', `pot ${pot} is ${state === 'starting' ? 'left starting' : 'running'}`, {
          suggestion: `stop it first ('pot stop ${pot}'), or use -F to stop and destroy it`,
        });
      await stopPot(ctx, { pot });
    } else if (force && NOT_AT_REST.includes(state) && (await potPresence(ctx, pot)) === 'present') await stopPot(ctx, { pot });
    info(ctx, `Destroying pot ${pot}`);
    await ctx.host.zfs.destroy(`${ctx.settings.zfsRoot}/jails/${pot}`, { force: true, recursive: true });
    await removeLeftovers(ctx, pot);
  });
}
