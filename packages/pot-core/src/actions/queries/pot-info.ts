/**
 * `pot info -p NAME` (spec §5.1): the report, `-E` environment lines, `-s`
 * snapshot names and `-r` running check, read from pot.conf, fscomp.conf and
 * the host.
 */
import { aliasAddresses } from '../../network/index.js';
import { JAIL_ATTRIBUTE_DEFAULTS, type PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { existingPot, potDataset, potStore } from '../context/pot-lookup.js';
import { potDetails, type PotDetails } from './pot-list.js';
import { networkStackOf } from '../context/settings.js';

/** Pot attributes in the order info prints them (read-write, then read-only). */
export const POT_ATTRIBUTES = ['start-at-boot', 'early-start-at-boot', 'persistent', 'no-rc-script', 'prunable', 'localhost-tunnel', 'no-tmpfs', 'no-etc-hosts', 'to-be-pruned'] as const;

export interface PotInfo {
  name: string;
  type: string;
  base: string;
  level: string;
  potbase: string;
  networkType: string;
  /** Raw `ip=` (undefined for inherit pots). */
  ip?: string;
  bridge?: string;
  exportPorts: string[];
  active: boolean;
  attributes: Record<string, string>;
  jailAttributes: Record<string, string>;
  resources: { cpus?: string; memory?: string };
  /** Datasets and snapshots (verbose only). */
  details?: PotDetails;
}

export async function potInfo(ctx: ActionContext, pot: string, options: { verbose?: boolean } = {}): Promise<PotInfo> {
  const conf = await existingPot(ctx, pot);
  const networkType = conf.networkType ?? '';
  const attributes = Object.fromEntries(POT_ATTRIBUTES.map((a) => [a, conf.attr(a) || 'NO']));
  const jailAttributes = Object.fromEntries(JAIL_ATTRIBUTE_DEFAULTS.map(([a, d]) => [a, (conf.getShell(`pot.attr.${a}`) || d) || 'NO']));
  const cpus = conf.getShell('pot.rss.cpus');
  const memory = conf.getShell('pot.rss.memory');
  const info: PotInfo = {
    name: pot,
    type: conf.getShell('pot.type') ?? '',
    base: conf.getShell('pot.base') ?? '',
    level: conf.getShell('pot.level') ?? '',
    potbase: conf.getShell('pot.potbase') ?? '',
    networkType,
    exportPorts: conf.exportPorts,
    active: await ctx.host.jails.isRunning(pot),
    attributes,
    jailAttributes,
    resources: { ...(cpus ? { cpus } : {}), ...(memory ? { memory } : {}) },
    ...(networkType === 'inherit' ? {} : { ip: conf.ip ?? '' }),
    ...(networkType === 'private-bridge' ? { bridge: conf.getShell('bridge') ?? '' } : {}),
  };
  if (options.verbose) info.details = await potDetails(ctx, potStore(ctx), pot, conf);
  return info;
}

/** The report as shell pot prints it. */
export function formatPotInfo(p: PotInfo, verbose: boolean): string {
  const out = [`pot name : ${p.name}`, `\ttype : ${p.type}`, `\tbase : ${p.base}`, `\tlevel : ${p.level}`];
  if (p.level === '2') out.push(`\tbase pot : ${p.potbase}`);
  out.push(`\tnetwork_type : ${p.networkType}`);
  if (p.ip !== undefined) {
    out.push(`\tip : ${p.ip}`);
    if (p.bridge !== undefined) out.push(`\tbridge : ${p.bridge}`);
    if (verbose) out.push(p.exportPorts.length === 0 ? '\t\tno ports exported' : `\t\texported ports: ${p.exportPorts.join(' ')}`);
  }
  out.push(`\tactive : ${p.active}`);
  if (verbose && p.details) {
    out.push('\tdatasets:', ...p.details.datasets.map((d) => `\t\t${d}`));
    out.push('\tsnapshots:', ...(p.details.snapshots.length === 0 ? ['\t\tno snapshots'] : p.details.snapshots.map((s) => `\t\t${s}`)));
  }
  out.push('\tattributes:', ...Object.entries(p.attributes).map(([k, v]) => `\t\t${k}: ${v}`));
  out.push('\tjail attributes:', ...Object.entries(p.jailAttributes).map(([k, v]) => `\t\t${k}: ${v}`));
  if (verbose && (p.resources.cpus || p.resources.memory)) {
    out.push('\tresource limits:');
    if (p.resources.cpus) out.push(`\t\tmax amount cpus: ${p.resources.cpus}`);
    if (p.resources.memory) out.push(`\t\tmax amount memory: ${p.resources.memory}`);
  }
  return `${out.join('\n')}\n\n`;
}

/** `info -E`: shell assignments describing the pot (hooks and flavours eval them). */
export async function potEnvironment(ctx: ActionContext, pot: string, conf?: PotConf): Promise<string[]> {
  const c = conf ?? (await existingPot(ctx, pot));
  const lines = [`export _POT_NAME=${pot}`];
  if (c.networkType !== 'alias') {
    lines.push(`export _POT_IP=${c.ip ?? ''}`);
  } else {
    const stack = networkStackOf(c.getShell('pot.stack') || ctx.settings.stack);
    const { ipv4, ipv6 } = aliasAddresses(c.ip ?? '', stack, ctx.settings.extif);
    const all = [...ipv4, ...ipv6];
    if (all[0]) lines.push(`export _POT_IP=${all[0].ip}`);
    all.forEach((a, i) => lines.push(`export _POT_IP_${i}=${a.ip}`, `export _POT_NIC_${i}=${a.nic}`));
    lines.push(`export _POT_IP_LIST=${all.map((_, i) => `_POT_IP_${i}`).join('\\ ')}`, `export _POT_NIC_LIST=${all.map((_, i) => `_POT_NIC_${i}`).join('\\ ')}`);
  }
  if (c.networkType === 'private-bridge') lines.push(`export _POT_BRIDGE=${c.getShell('bridge') ?? ''}`);
  const jid = await ctx.host.jails.jid(pot);
  if (jid !== undefined) lines.push(`export _POT_JID=${jid}`);
  return lines;
}

/** `info -s`: the names of the pot's own snapshots (the part after `@`). */
export async function potSnapshotNames(ctx: ActionContext, pot: string): Promise<string[]> {
  await existingPot(ctx, pot);
  return (await ctx.host.zfs.snapshots(potDataset(ctx, pot))).map((s) => s.slice(s.indexOf('@') + 1));
}
