/**
 * Small IPv4 helpers and the host's bridges as the host seam reports them.
 */
import type { ActionContext } from './context.js';

export function parseIPv4(text: string): number | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text.trim());
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p, i) => p > 255 || (m[i + 1]!.length > 1 && m[i + 1]!.startsWith('0')))) return undefined;
  return ((parts[0]! << 24) >>> 0) + (parts[1]! << 16) + (parts[2]! << 8) + parts[3]!;
}

export function formatIPv4(value: number): string {
  return [24, 16, 8, 0].map((s) => (value >>> s) & 255).join('.');
}

export interface Cidr4 {
  base: number;
  prefix: number;
}

export function parseCidr4(text: string): Cidr4 | undefined {
  const [addr, len, ...rest] = text.trim().split('/');
  if (rest.length > 0 || addr === undefined || len === undefined || !/^\d{1,2}$/.test(len)) return undefined;
  const ip = parseIPv4(addr);
  const prefix = Number(len);
  if (ip === undefined || prefix > 32) return undefined;
  return { base: (ip & maskOf(prefix)) >>> 0, prefix };
}

export function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

export function cidrSize(c: Cidr4): number {
  return 2 ** (32 - c.prefix);
}

export function inCidr(ip: number, c: Cidr4): boolean {
  return ((ip & maskOf(c.prefix)) >>> 0) === c.base;
}

export function isValidIPv4(text: string): boolean {
  return parseIPv4(text) !== undefined;
}

/** The bridge whose IPv4 address is `gateway` (public or private bridge). */
export async function bridgeWithAddress(ctx: ActionContext, gateway: string): Promise<string | undefined> {
  for (const bridge of await ctx.host.net.bridges()) {
    const addrs = (await ctx.host.net.addresses(bridge, 'inet')) ?? [];
    if (addrs.some((a) => a.address === gateway)) return bridge;
  }
  return undefined;
}

/** The bridge that has `member` among its members (the IPv6 bridge holds POT_EXTIF). */
export async function bridgeWithMember(ctx: ActionContext, member: string): Promise<string | undefined> {
  for (const bridge of await ctx.host.net.bridges()) {
    const shown = await ctx.host.net.show(bridge);
    if (shown?.members.some((m) => m.name === member)) return bridge;
  }
  return undefined;
}

export async function interfaceExists(ctx: ActionContext, iface: string): Promise<boolean> {
  if (iface === '' || iface.startsWith('-') || /\s/.test(iface)) return false;
  return ctx.host.net.exists(iface);
}

/** The IPv4 address is configured on the interface. */
export async function interfaceHasAddress(ctx: ActionContext, iface: string, addr: string): Promise<boolean> {
  if (!(await interfaceExistsQuietly(iface))) return false;
  const addrs = await ctx.host.net.addresses(iface);
  return (addrs ?? []).some((a) => a.family === 'inet' && a.address === addr);
}

async function interfaceExistsQuietly(iface: string): Promise<boolean> {
  return iface !== '' && !iface.startsWith('-') && !/\s/.test(iface);
}
