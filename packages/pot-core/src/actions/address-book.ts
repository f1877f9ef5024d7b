/**
 * The private-bridge parts of potnet's address book that the bridge commands
 * need: which addresses are taken, the first free segment for a new bridge
 * (`potnet new-net -s N`) and a bridge's addresses (`potnet show -b NAME`).
 *
 * The potnet library (packages/potnet) owns this logic and is landing in
 * parallel; this file is the stand-in until its exports can be called here,
 * and it is the only file to change when they are. Same rules as potnet 0.5.0:
 * a bridge of size N gets the smallest prefix with N <= 2^k - 2 (k >= 2), the
 * first subnet of POT_NETWORK holding no taken address, its first host as
 * gateway.
 */
import path from 'node:path';
import type { ActionContext } from './context.js';
import { realFiles } from './context.js';
import { cidrSize, formatIPv4, inCidr, parseCidr4, parseIPv4, type Cidr4 } from './net.js';
import { parseAssignments } from './settings.js';

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

/** Reads a bridge file (`net=`, `gateway=`, `name=`); undefined when unusable. */
export function parseBridgeFile(fileName: string, text: string): BridgeDef | undefined {
  const v = parseAssignments(text);
  const net = v.net ?? '';
  const gateway = v.gateway ?? '';
  const cidr = parseCidr4(net);
  const gw = parseIPv4(gateway);
  if (cidr === undefined || gw === undefined || !inCidr(gw, cidr)) return undefined;
  return { name: v.name ?? fileName, net, gateway };
}

export async function bridgeFiles(ctx: ActionContext): Promise<string[]> {
  return realFiles(ctx).list(path.join(ctx.settings.fsRoot, 'bridges'));
}

export async function readBridges(ctx: ActionContext): Promise<BridgeDef[]> {
  const out: BridgeDef[] = [];
  for (const file of await bridgeFiles(ctx)) {
    const text = await realFiles(ctx).read(path.join(ctx.settings.fsRoot, 'bridges', file));
    const def = text === undefined ? undefined : parseBridgeFile(file, text);
    if (def) out.push(def);
  }
  return out;
}

export async function readPotNets(ctx: ActionContext): Promise<PotNet[]> {
  const jails = path.join(ctx.settings.fsRoot, 'jails');
  const out: PotNet[] = [];
  for (const name of await realFiles(ctx).list(jails)) {
    const text = await realFiles(ctx).read(path.join(jails, name, 'conf', 'pot.conf'));
    if (text === undefined) continue;
    const v = parseAssignments(text);
    out.push({ name, networkType: v.network_type ?? '', ip: v.ip ?? '', bridge: v.bridge ?? '' });
  }
  return out;
}

/** Every address of POT_NETWORK that is taken (potnet's ip db). */
export async function takenAddresses(ctx: ActionContext): Promise<Set<number>> {
  const s = ctx.settings;
  const taken = new Set<number>();
  const net = parseCidr4(s.network);
  if (net) {
    taken.add(net.base);
    taken.add(net.base + cidrSize(net) - 1);
  }
  for (const a of [s.gateway, s.dnsIp]) {
    const ip = parseIPv4(a);
    if (ip !== undefined) taken.add(ip);
  }
  for (const pot of await readPotNets(ctx)) {
    if (pot.networkType !== 'public-bridge' && pot.networkType !== 'private-bridge') continue;
    const ip = parseIPv4(pot.ip);
    if (ip !== undefined) taken.add(ip);
  }
  for (const b of await readBridges(ctx)) {
    const c = parseCidr4(b.net)!;
    for (let i = 0; i < cidrSize(c); i++) taken.add(c.base + i);
  }
  return taken;
}

/** Prefix length of a segment for `size` hosts (gateway included), or undefined. */
export function prefixForSize(size: number): number | undefined {
  if (!Number.isInteger(size) || size <= 1) return undefined;
  for (let k = 2; k <= 30; k++) if (size <= 2 ** k - 2) return 32 - k;
  return undefined;
}

/** The first free segment of POT_NETWORK for `size` hosts (`potnet new-net -s`). */
export async function newNet(ctx: ActionContext, size: number): Promise<{ net: string; gateway: string } | undefined> {
  const prefix = prefixForSize(size);
  const pool = parseCidr4(ctx.settings.network);
  if (prefix === undefined || pool === undefined || prefix < pool.prefix) return undefined;
  const taken = await takenAddresses(ctx);
  const step = 2 ** (32 - prefix);
  const end = pool.base + cidrSize(pool);
  for (let base = pool.base; base < end; base += step) {
    let free = true;
    for (let i = 0; i < step && free; i++) if (taken.has(base + i)) free = false;
    if (free) return { net: `${formatIPv4(base)}/${prefix}`, gateway: formatIPv4(base + 1) };
  }
  return undefined;
}

export interface BridgeAddress {
  ip: string;
  description: string;
}

/** The addresses of a private bridge, in address order (`potnet show -b NAME`). */
export async function showBridge(ctx: ActionContext, bridge: BridgeDef): Promise<BridgeAddress[]> {
  const c: Cidr4 = parseCidr4(bridge.net)!;
  const db = new Map<number, string>();
  db.set(c.base, `${bridge.name} bridge - network `);
  db.set(c.base + cidrSize(c) - 1, `${bridge.name} bridge - broadcast `);
  db.set(parseIPv4(bridge.gateway)!, `${bridge.name} bridge - gateway `);
  for (const pot of await readPotNets(ctx)) {
    if (pot.networkType !== 'public-bridge' && pot.networkType !== 'private-bridge') continue;
    const ip = parseIPv4(pot.ip);
    if (ip !== undefined && inCidr(ip, c)) db.set(ip, pot.name);
  }
  return [...db.entries()].sort((a, b) => a[0] - b[0]).map(([ip, description]) => ({ ip: formatIPv4(ip), description }));
}
