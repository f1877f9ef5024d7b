/**
 * `pot show`: disk usage of pots and, for running ones, memory
 * (with rctl), CPUs and port redirections. Sizes are the host tools'
 * human-readable text (`1.50M`), or with `exact` numbers of bytes in
 * decimal (`zfs get -p`, `rctl -u`) for machine-readable output.
 */
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { existingPot, forPot, potDataset, potStore, readablePots, runningPots, SKIPPED } from '../context/pot-lookup.js';
import { potRdrAnchors } from '../network/port-redirects.js';

export interface ShowOptions {
  verbose?: boolean;
  /** Sizes as numbers of bytes instead of the tools' human-readable text. */
  exact?: boolean;
}

export interface PotShow {
  name: string;
  diskUsage: string;
  /** -v: the base's usage (multi pots) and datasets of other pots or fscomps. */
  baseUsage?: string;
  datasets?: Array<{ dataset: string; usage: string }>;
  running: boolean;
  runtime?: {
    /** undefined when rctl is not enabled. */
    memory?: { virtual: string; physical: string };
    cpus?: string;
    redirections: string[];
  };
}

const used = async (ctx: ActionContext, ds: string, exact = false): Promise<string> => (await ctx.host.zfs.getProperty(ds, 'used', { exact })) ?? '';

async function verboseUsage(ctx: ActionContext, pot: string, conf: PotConf, show: PotShow, exact: boolean): Promise<void> {
  const zr = ctx.settings.zfsRoot;
  const base = conf.getShell('pot.base') ?? '';
  if (conf.type === 'multi') show.baseUsage = await used(ctx, `${zr}/bases/${base}`, exact);
  show.datasets = [];
  for (const e of (await potStore(ctx).readFscompConf(pot))?.entries ?? []) {
    if (e.source.startsWith('/') || e.source.startsWith(`${zr}/jails/${pot}`) || e.source.startsWith(`${zr}/bases/${base}`)) continue;
    show.datasets.push({ dataset: e.source.slice(zr.length + 1), usage: await used(ctx, e.source, exact) });
  }
}

/** The pot's redirections as `to port N -> IP port M` (tcp rules lose their prefix, as shell pot shows them). */
async function redirections(ctx: ActionContext, pot: string, conf: PotConf): Promise<string[]> {
  if (conf.networkType !== 'public-bridge') return [];
  const anchor = (await potRdrAnchors(ctx, pot))[0];
  if (anchor === undefined) return [];
  const ip = conf.ip ?? '';
  return (await ctx.host.pf.natRules(anchor, { numeric: true }))
    .filter((r) => r.includes(` ${ip} `))
    .map((r) =>
      r
        .replace(/rdr pass on .* inet proto tcp from any to /, '')
        .replace(/ =/g, '')
        .trim(),
    );
}

async function runtime(ctx: ActionContext, pot: string, conf: PotConf, exact: boolean): Promise<PotShow['runtime']> {
  const out: NonNullable<PotShow['runtime']> = { redirections: await redirections(ctx, pot, conf) };
  if (await ctx.host.limits.available()) {
    const u = await ctx.host.limits.usage(pot, { raw: exact });
    out.memory = { virtual: u.vmemoryuse ?? '', physical: u.memoryuse ?? '' };
  }
  const cpus = conf.getShell('pot.rss.cpus');
  if (cpus) out.cpus = cpus;
  return out;
}

export async function showPot(ctx: ActionContext, pot: string, options: ShowOptions = {}): Promise<PotShow> {
  const conf = await existingPot(ctx, pot);
  const exact = options.exact ?? false;
  const show: PotShow = { name: pot, diskUsage: await used(ctx, potDataset(ctx, pot), exact), running: await ctx.host.jails.isRunning(pot) };
  if (options.verbose) await verboseUsage(ctx, pot, conf, show, exact);
  if (show.running && (await ctx.host.system.uid()) === 0) show.runtime = await runtime(ctx, pot, conf, exact);
  return show;
}

/** The report as shell pot prints it; its info notices (`===>`) are part of it unless `quiet`. */
export function formatPotShow(s: PotShow, quiet = false): string {
  const out = [`pot ${s.name}`, `\tdisk usage      : ${s.diskUsage}`];
  const notice = (msg: string): void => void (quiet || out.push(`===>  ${msg}`));
  if (s.baseUsage !== undefined) out.push(`\tbase usage      : ${s.baseUsage}`);
  for (const d of s.datasets ?? []) out.push(`\tdataset ${d.dataset} usage  : ${d.usage}`);
  if (s.running && !s.runtime) notice('some runtime information requires root privileges');
  if (s.runtime) {
    if (s.runtime.memory) out.push(`\tvirtual memory  : ${s.runtime.memory.virtual}`, `\tphysical memory : ${s.runtime.memory.physical}`);
    else notice('runtime memory usage require rctl enabled');
    if (s.runtime.cpus) out.push(`\tmax amount of CPUs: ${s.runtime.cpus}`);
    if (s.runtime.redirections.length > 0) out.push('', '\tNetwork port redirection', ...s.runtime.redirections.map((r) => `\t\t${r}`));
  }
  return `${out.join('\n')}\n`;
}

/** The pots `show` covers: every pot (-a) or the running ones (-r, default). */
export async function potsToShow(ctx: ActionContext, all: boolean): Promise<string[]> {
  const names = (await readablePots(ctx)).map((p) => p.pot);
  if (all) return names;
  return runningPots(ctx, names);
}

/** `show` of each pot; one that fails is reported in a line, the others are shown. */
export async function showPots(ctx: ActionContext, names: readonly string[], options: ShowOptions = {}): Promise<PotShow[]> {
  const out: PotShow[] = [];
  for (const n of names) {
    const r = await forPot(ctx, () => showPot(ctx, n, options));
    if (r !== SKIPPED) out.push(r);
  }
  return out;
}
