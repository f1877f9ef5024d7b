/**
 * The private-bridge questions the bridge commands ask — which segment a new
 * bridge gets (`potnet new-net -s N`) and a bridge's addresses (`potnet show
 * -b NAME`) — answered in-process by the potnet library, so pot and potnet
 * can never disagree and no potnet process is spawned.
 */
import path from 'node:path';
import { AddressBook, bridgeFromConf, formatIp, formatIpNet, networkSizeBits, parseIp, parseIpNet, readInventory, type SystemConfig } from 'potnet';
import { PotError } from '../../errors/pot-error.js';
import type { ActionContext } from '../context/context.js';
import { realFiles } from '../context/context.js';
import { PotConf } from '../../store/index.js';

export interface BridgeDef {
  name: string;
  net: string;
  gateway: string;
}

export interface PotNet {
  name: string;
  networkType: string;
  ip: string;
  bridge: string;
}

/** Reads a bridge file the way potnet does (`name=`, `net=`, `gateway=`); undefined when unusable. */
export function parseBridgeFile(fileName: string, text: string): BridgeDef | undefined {
  // A file without name= is named after itself, as pot names the files it writes.
  const entry = bridgeFromConf(`name=${fileName}\n${text}`, fileName);
  if ('message' in entry) return undefined;
  return { name: entry.name, net: formatIpNet(entry.network), gateway: formatIp(entry.gateway) };
}

/** potnet's view of the configuration; PotError when its addresses do not parse. */
export function systemConfigOf(ctx: ActionContext): SystemConfig {
  const s = ctx.settings;
  const network = parseIpNet(s.network);
  const gateway = parseIp(s.gateway);
  const netmask = parseIp(s.netmask);
  if (!network || !gateway || !netmask) {
    throw new PotError('config', `POT_NETWORK (${s.network}), POT_GATEWAY (${s.gateway}) or POT_NETMASK (${s.netmask}) is not a valid address`, {
      suggestion: 'fix them in pot.conf; `pot config -g gateway` shows what pot reads',
    });
  }
  const dnsIp = parseIp(s.dnsIp);
  const config: SystemConfig = {
    zfsRoot: s.zfsRoot,
    fsRoot: s.fsRoot,
    network,
    netmask,
    gateway,
    extIf: s.extif,
    ...(dnsIp ? { dns: { potName: s.vars.POT_DNS_NAME ?? '', ip: dnsIp } } : {}),
  };
  return config;
}

/** The potnet address book for this configuration, read once from POT_FS_ROOT. */
export function addressBook(ctx: ActionContext): AddressBook {
  return new AddressBook(systemConfigOf(ctx), readInventory(ctx.settings.fsRoot));
}

export async function readPotNets(ctx: ActionContext): Promise<PotNet[]> {
  const jails = path.join(ctx.settings.fsRoot, 'jails');
  const out: PotNet[] = [];
  for (const name of await realFiles(ctx).list(jails)) {
    const text = await realFiles(ctx).read(path.join(jails, name, 'conf', 'pot.conf'));
    if (text === undefined) continue;
    const conf = PotConf.parse(text);
    out.push({ name, networkType: conf.get('network_type') ?? '', ip: conf.get('ip') ?? '', bridge: conf.get('bridge') ?? '' });
  }
  return out;
}

/** Prefix length of a segment for `size` hosts (gateway included), or undefined. */
export function prefixForSize(size: number): number | undefined {
  if (!Number.isInteger(size) || size <= 1 || size > 65535) return undefined;
  return 32 - networkSizeBits(size);
}

/** The first free segment of POT_NETWORK for `size` hosts (`potnet new-net -s`). */
export async function newNet(ctx: ActionContext, size: number): Promise<{ net: string; gateway: string } | undefined> {
  if (prefixForSize(size) === undefined) return undefined;
  const found = addressBook(ctx).newNet(size);
  return found && { net: formatIpNet(found.network), gateway: formatIp(found.gateway) };
}

export interface BridgeAddress {
  ip: string;
  description: string;
}

/** The addresses of a private bridge, in address order (`potnet show -b NAME`). */
export async function showBridge(ctx: ActionContext, bridge: BridgeDef): Promise<BridgeAddress[]> {
  const network = parseIpNet(bridge.net);
  const gateway = parseIp(bridge.gateway);
  if (!network || !gateway) return [];
  const entries = addressBook(ctx).bridgeEntries({ name: bridge.name, network, gateway, file: bridge.name });
  return entries.map((e) => ({ ip: formatIp(e.ip), description: e.label ?? '' }));
}
