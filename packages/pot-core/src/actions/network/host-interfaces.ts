/**
 * The host's bridges and interfaces as the host seam reports them, and the
 * IPv4 check of settings (potnet's parser: one rule for what an address is).
 */
import { parseIpv4 } from 'potnet';
import type { ActionContext } from '../context/context.js';

/** An IPv4 address as potnet (and the original) reads one. */
export function isValidIPv4(text: string): boolean {
  return parseIpv4(text.trim()) !== undefined;
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
