/**
 * What `pot list` shows of each pot: its network, whether it
 * runs, and with -v its base, level, datasets and snapshots.
 */
import type { PotStore } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { forPot, potStore, readablePots, runningPots, SKIPPED } from '../context/pot-lookup.js';

export interface PotSummary {
  name: string;
  networkType: string;
  /** pot.conf's `ip=` as written; undefined for inherit pots. */
  ip: string | undefined;
  active: boolean;
  details?: PotDetails;
}

export interface PotDetails {
  base: string;
  level: string;
  potbase: string;
  /** `MOUNTPOINT => DATASET` (the dataset without POT_ZFS_ROOT/), and `NAME/m` for single pots. */
  datasets: string[];
  /** Snapshot names of the pot's datasets (recursive). */
  snapshots: string[];
}

async function snapshotsBelow(ctx: ActionContext, dataset: string): Promise<string[]> {
  if (!(await ctx.host.zfs.exists(dataset))) return [];
  const own = await ctx.host.zfs.snapshots(dataset);
  const nested = await Promise.all((await ctx.host.zfs.children(dataset)).map((c) => snapshotsBelow(ctx, c)));
  return [...own, ...nested.flat()];
}

/** Base, level, datasets and snapshots of a pot (list -v, info -v). */
export async function potDetails(ctx: ActionContext, store: PotStore, name: string, conf: Awaited<ReturnType<PotStore['readPotConf']>>): Promise<PotDetails> {
  const zr = `${ctx.settings.zfsRoot}/`;
  const strip = (ds: string): string => (ds.startsWith(zr) ? ds.slice(zr.length) : ds);
  const datasets: string[] = conf?.type === 'single' ? [`${name}/m`] : [];
  for (const e of (await store.readFscompConf(name))?.entries ?? []) datasets.push(`${e.mountpoint} => ${strip(e.source)}`);
  return {
    base: conf?.get('pot.base') ?? '',
    level: conf?.get('pot.level') ?? '',
    potbase: conf?.get('pot.potbase') ?? '',
    datasets,
    snapshots: await snapshotsBelow(ctx, `${ctx.settings.zfsRoot}/jails/${name}`),
  };
}

/** Every pot under POT_FS_ROOT/jails, in name order. */
export async function listPots(ctx: ActionContext, options: { verbose?: boolean } = {}): Promise<PotSummary[]> {
  const store = potStore(ctx);
  const out: PotSummary[] = [];
  const pots = await readablePots(ctx);
  const names = pots.map((p) => p.pot);
  const running = new Set(await runningPots(ctx, names));
  for (const { pot: name, conf } of pots) {
    const networkType = conf?.networkType ?? '';
    const summary = await forPot(ctx, async (): Promise<PotSummary> => {
      const s: PotSummary = { name, networkType, ip: networkType === 'inherit' ? undefined : conf?.ip, active: running.has(name) };
      if (options.verbose) s.details = await potDetails(ctx, store, name, conf);
      return s;
    });
    if (summary !== SKIPPED) out.push(summary);
  }
  return out;
}

/** `pot list`'s text for one pot, as shell pot prints it. */
export function formatPotSummary(p: PotSummary): string {
  const lines = [`pot name : ${p.name}`, `\tnetwork : ${p.networkType}`];
  if (p.ip !== undefined) lines.push(`\tip : ${p.ip}`);
  lines.push(`\tactive : ${p.active}`);
  const d = p.details;
  if (d) {
    lines.push(`\tbase : ${d.base}`, `\tlevel : ${d.level}`);
    if (d.level === '2') lines.push(`\tbase pot : ${d.potbase}`);
    lines.push('\tdatasets:', ...d.datasets.map((x) => `\t\t${x}`));
    lines.push('\tsnapshot:', ...(d.snapshots.length === 0 ? ['\t\tno snapshots'] : d.snapshots.map((s) => `\t\t${s}`)));
  }
  return `${lines.join('\n')}\n\n`;
}
