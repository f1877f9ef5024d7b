/**
 * `pot info -p NAME`: the report, `-E` environment lines, `-s`
 * snapshot names and `-r` running check, read from pot.conf, fscomp.conf and
 * the host.
 */
import { aliasAddresses } from '../../network/index.js';
import { JAIL_ATTRIBUTE_DEFAULTS, POT_RO_ATTRIBUTES, POT_RW_ATTRIBUTES, type PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { existingPot, potDataset, potStore } from '../context/pot-lookup.js';
import { potDetails, type PotDetails } from './pot-list.js';
import { networkStackOf } from '../../config/settings.js';

/** Pot attributes in the order info prints them (read-write, then read-only). */
export const POT_ATTRIBUTES = [...POT_RW_ATTRIBUTES, ...POT_RO_ATTRIBUTES] as const;

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
  const jailAttributes = Object.fromEntries(JAIL_ATTRIBUTE_DEFAULTS.map(([a, d]) => [a, conf.getShell(`pot.attr.${a}`) || d || 'NO']));
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

/**
 * `info -E`'s variables: the pot's name, addresses, bridge and jail id. Hooks
 * get them as their environment, never as shell text.
 */
export async function potVariables(ctx: ActionContext, pot: string, conf?: PotConf): Promise<Array<[string, string]>> {
  const c = conf ?? (await existingPot(ctx, pot));
  const vars: Array<[string, string]> = [['_POT_NAME', pot]];
  if (c.networkType !== 'alias') {
    vars.push(['_POT_IP', c.ip ?? '']);
  } else {
    const stack = networkStackOf(c.getShell('pot.stack') || ctx.settings.stack);
    const { ipv4, ipv6 } = aliasAddresses(c.ip ?? '', stack, ctx.settings.extif);
    const all = [...ipv4, ...ipv6];
    if (all[0]) vars.push(['_POT_IP', all[0].ip]);
    all.forEach((a, i) => vars.push([`_POT_IP_${i}`, a.ip], [`_POT_NIC_${i}`, a.nic]));
    vars.push(['_POT_IP_LIST', all.map((_, i) => `_POT_IP_${i}`).join(' ')], ['_POT_NIC_LIST', all.map((_, i) => `_POT_NIC_${i}`).join(' ')]);
  }
  if (c.networkType === 'private-bridge') vars.push(['_POT_BRIDGE', c.getShell('bridge') ?? '']);
  const jid = await ctx.host.jails.jid(pot);
  if (jid !== undefined) vars.push(['_POT_JID', String(jid)]);
  return vars;
}

/**
 * `info -E`: the variables as `export NAME=value` lines that `eval` takes back
 * as they are (shell pot's lines; a value with other characters than its
 * plain ones is quoted, so hand-edited settings stay data when evaluated).
 */
export async function potEnvironment(ctx: ActionContext, pot: string, conf?: PotConf): Promise<string[]> {
  return (await potVariables(ctx, pot, conf)).map(([k, v]) => `export ${k}=${evalSafe(v)}`);
}

function evalSafe(value: string): string {
  if (/^[A-Za-z0-9_@%+=:,./ -]*$/.test(value)) return value.replaceAll(' ', '\\ ');
  return `'${value.replaceAll("'", "'\\''")}'`;
}

/** `info -s`: the names of the pot's own snapshots (the part after `@`). */
export async function potSnapshotNames(ctx: ActionContext, pot: string): Promise<string[]> {
  await existingPot(ctx, pot);
  return (await ctx.host.zfs.snapshots(potDataset(ctx, pot))).map((s) => s.slice(s.indexOf('@') + 1));
}
