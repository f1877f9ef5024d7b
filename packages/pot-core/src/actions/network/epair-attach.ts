/**
 * A bridged pot's network at start: an epair per stack,
 * its host side renamed and put on the public, private or IPv6 bridge (with
 * vnet-start first when that bridge is not up), and the jail side's
 * configuration in rc.conf or /tmp/tinirc.
 */
import { PotError } from '../../errors/pot-error.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { info } from '../context/context.js';
import { readBridge } from './bridges.js';
import { bridgeWithAddress, bridgeWithMember } from './host-interfaces.js';
import { appendRcConf, fixRtsold, waitForInterface } from './pot-root-files.js';
import { vnetStart } from './vnet-start.js';

export interface Epair {
  /** Host side, renamed `p<4|6><hex epoch><hex pid>`. */
  a: string;
  /** Jail side. */
  b: string;
}

/** What a pot without rc scripts runs before its command. */
export type Tinirc = string[] | undefined;

function isTrue(value: string | undefined): boolean {
  return /^(yes|true|on|1)$/i.test(value ?? '');
}

/**
 * Host-side names this process has given. A dependency's start runs in the same process, so
 * `p<4|6><hex epoch><hex pid>` alone repeats within a second: the next second's name is taken.
 */
const given = new Set<string>();

/** shell pot's host-side epair name, unique for this process. */
export function epairHostName(prefix: '4' | '6', nowMs: number, pid: number): string {
  for (let t = Math.floor(nowMs / 1000); ; t += 1) {
    const name = `p${prefix}${t.toString(16)}${pid.toString(16)}`;
    if (!given.has(name)) {
      given.add(name);
      return name;
    }
  }
}

export async function createEpair(ctx: ActionContext, pot: string, prefix: '4' | '6'): Promise<Epair> {
  const pair = await ctx.host.net.createEpair({ description: pot, group: 'pot' });
  const a = epairHostName(prefix, ctx.host.clock.now(), ctx.pid ?? process.pid);
  try {
    await ctx.host.net.rename(pair.a, a);
  } catch (cause) {
    await ctx.host.net.destroy(pair.a).catch(() => undefined);
    throw new PotError('host-command', 'ifconfig epair rename failed', { cause });
  }
  return { a, b: pair.b };
}

/** Whether the IPv4 internal network (bridge with the gateway address, pf anchors, NAT rules) is up; answers its bridge. */
export async function ipv4NetworkUp(ctx: ActionContext, gateway: string): Promise<string | undefined> {
  const bridge = await bridgeWithAddress(ctx, gateway);
  if (bridge === undefined || !(await ctx.host.files.exists('/dev/pf'))) return undefined;
  const anchors = await ctx.host.pf.anchors();
  if (!anchors.includes('pot-nat') || !anchors.includes('pot-rdr')) return undefined;
  return (await ctx.host.pf.natRules('pot-nat')).length > 0 ? bridge : undefined;
}

async function join(ctx: ActionContext, bridge: string, epair: Epair): Promise<void> {
  await ctx.host.net.up(epair.a);
  await ctx.host.net.addMember(bridge, epair.a, { private: isTrue(ctx.settings.vars.POT_ISOLATE_VNET_POTS) });
}

async function setRouter(ctx: ActionContext, pot: string, knob: string, value: string): Promise<void> {
  const file = `${ctx.settings.fsRoot}/jails/${pot}/m/etc/rc.conf`;
  const said = await ctx.host.rc.set(knob, value, { file });
  for (const line of said.split('\n')) if (line !== '') ctx.report.print(line);
}

/**
 * vnet-start for the stack a pot needs, then the bridge it made, found on the
 * host (a dry run's is the one vnet-start answered: a placeholder name when it
 * only planned it). POT_NETWORK_STACK decides, unless it lacks the family: an
 * ipv6 pot on an ipv4 host still gets its IPv6 bridge (shell pot's vnet-start
 * left it out and the start failed).
 */
async function ensureVnet(ctx: ActionContext, family: 'ipv4' | 'ipv6', find: () => Promise<string | undefined>, bridge?: string): Promise<string | undefined> {
  const global = ctx.settings.stack;
  const stack = global === 'dual' || global === family ? global : family;
  const started = await vnetStart(ctx, { ...(bridge === undefined ? {} : { bridge, argv: ['-B', bridge] }), ...(stack === global ? {} : { stack }) });
  return ctx.host.plan.afterChanges(find, () => (family === 'ipv4' ? started.ipv4Bridge : started.ipv6Bridge));
}

/** The public bridge, IPv4: vnet-start when the network is down, the epair on the bridge, the address in the jail. */
export async function attachPublicIpv4(ctx: ActionContext, pot: string, conf: PotConf, epair: Epair, tinirc: Tinirc): Promise<void> {
  const s = ctx.settings;
  let bridge = await ipv4NetworkUp(ctx, s.gateway);
  if (bridge === undefined) {
    info(ctx, 'Internal network not found! Calling vnet-start to fix the issue');
    bridge = await ensureVnet(ctx, 'ipv4', () => bridgeWithAddress(ctx, s.gateway));
  }
  if (bridge === undefined)
    throw new PotError('host-state', 'the public bridge is missing after vnet-start', { suggestion: "run 'pot vnet-start -v' and look at its errors" });
  await join(ctx, bridge, epair);
  const ip = conf.ip ?? '';
  if (tinirc) {
    tinirc.push(...waitForInterface(epair.b), `ifconfig ${epair.b} inet ${ip} netmask ${s.netmask}`, `route add default ${s.gateway}`);
    return;
  }
  await appendRcConf(ctx, pot, /ifconfig_epair[0-9]+[ab]=/, `ifconfig_${epair.b}="inet ${ip} netmask ${s.netmask}"`);
  await setRouter(ctx, pot, 'defaultrouter', s.gateway);
}

/** IPv6: plain layer 2 on the bridge that holds POT_EXTIF (SLAAC from the LAN). */
export async function attachPublicIpv6(ctx: ActionContext, pot: string, epair: Epair, tinirc: Tinirc): Promise<void> {
  let bridge = await bridgeWithMember(ctx, ctx.settings.extif);
  if (bridge === undefined) {
    info(ctx, 'Internal network not found! Calling vnet-start to fix the issue');
    bridge = await ensureVnet(ctx, 'ipv6', () => bridgeWithMember(ctx, ctx.settings.extif));
  }
  if (bridge === undefined)
    throw new PotError('host-state', 'the IPv6 bridge is missing after vnet-start', {
      suggestion: "run 'pot vnet-start -v' with POT_NETWORK_STACK ipv6 or dual",
    });
  await join(ctx, bridge, epair);
  if (tinirc) {
    tinirc.push(...waitForInterface(epair.b), `ifconfig ${epair.b} inet6 up accept_rtadv -ifdisabled`, `/sbin/rtsol -d ${epair.b}`);
    return;
  }
  await appendRcConf(ctx, pot, /ifconfig_epair[0-9]+[ab]_ipv6/, `ifconfig_${epair.b}_ipv6="inet6 accept_rtadv auto_linklocal -ifdisabled"`);
  await setRouter(ctx, pot, 'rtsold_enable', 'YES');
  await fixRtsold(ctx, pot);
}

/** A private bridge: its own segment and gateway (from the bridge file). */
export async function attachPrivate(ctx: ActionContext, pot: string, conf: PotConf, epair: Epair, tinirc: Tinirc): Promise<void> {
  const def = await readBridge(ctx, conf.getShell('bridge') ?? '');
  let bridge = await ipv4NetworkUp(ctx, def.gateway);
  if (bridge === undefined) {
    bridge = await ensureVnet(ctx, 'ipv4', () => bridgeWithAddress(ctx, def.gateway), def.name);
  }
  if (bridge === undefined)
    throw new PotError('host-state', `the bridge of ${def.name} is missing after vnet-start`, { suggestion: `run 'pot vnet-start -B ${def.name} -v'` });
  await join(ctx, bridge, epair);
  const size = def.net.split('/')[1] ?? '';
  const ip = conf.ip ?? '';
  if (tinirc) {
    tinirc.push(...waitForInterface(epair.b), `ifconfig ${epair.b} inet ${ip}/${size}`, `route add default ${def.gateway}`);
    return;
  }
  await appendRcConf(ctx, pot, /ifconfig_epair/, `ifconfig_${epair.b}="inet ${ip}/${size}"`);
  await setRouter(ctx, pot, 'defaultrouter', def.gateway);
}
