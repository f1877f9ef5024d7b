/**
 * vnet-start: the internal network for bridged pots, per POT_NETWORK_STACK.
 * IPv4: ip forwarding, the public bridge (or a private one) with its gateway
 * address, pf loaded with pot's anchors, the NAT rules in `pot-nat`, pf enabled.
 * IPv6: a bridge holding POT_EXTIF. Every step looks first, so running it again
 * changes nothing.
 */
import path from 'node:path';
import { PotError } from '../errors/pot-error.js';
import type { ActionContext } from './context.js';
import { debug, ensureTmp, info, passStderr, requireRoot, syslog } from './context.js';
import { bridgeWithAddress, bridgeWithMember, interfaceHasAddress, isValidIPv4, parseCidr4 } from './net.js';
import { readBridge } from './bridges.js';
import { withGlobalLock } from './global-lock.js';

export interface VnetStartOptions {
  /** A private bridge (`-B`); ignored for the ipv6 stack. */
  bridge?: string | undefined;
  /** The argv as typed, for syslog. */
  argv?: readonly string[];
}

export interface VnetStartResult {
  stack: 'ipv4' | 'ipv6' | 'dual';
  ipv4Bridge?: string;
  ipv6Bridge?: string;
  natRules?: string;
}

/** The text loaded into the `pot-nat` anchor, and whether POT_EXTIF_ADDR was used. */
export async function natRules(ctx: ActionContext): Promise<string> {
  const s = ctx.settings;
  let extAddr = '';
  if (s.extifAddr !== '') {
    if (!isValidIPv4(s.extifAddr)) {
      info(ctx, `The value ${s.extifAddr} [POT_EXTIF_ADDR] is not a valid IPv4 address - ignoring`);
    } else if (!(await interfaceHasAddress(ctx, s.extif, s.extifAddr))) {
      info(ctx, `The IP address ${s.extifAddr} [POT_EXTIF_ADDR] is not available on the network interface ${s.extif} [POT_EXTIF] - ignoring`);
    } else {
      extAddr = s.extifAddr;
    }
  }
  const lines = [`ext_if = "${s.extif}"`, `localnet = "${s.network}"`];
  if (extAddr !== '') {
    lines.push(`ext_addr = "${extAddr}"`, 'nat on $ext_if from $localnet to any -> $ext_addr');
  } else {
    lines.push('nat on $ext_if from $localnet to any -> ($ext_if:0)');
  }
  for (const iface of s.extraExtif) {
    const net = s.networkOf(iface);
    if (net !== '') lines.push(`nat on ${iface} from $localnet to ${net} -> (${iface}:0)`);
  }
  if (s.vpnExtif !== '') {
    for (const net of s.vpnNetworks) lines.push(`nat on ${s.vpnExtif} from $localnet to ${net} -> (${s.vpnExtif}:0)`);
  }
  return `${lines.join('\n')}\n`;
}

async function createBridge(ctx: ActionContext, descr: string): Promise<string> {
  const result = await ctx.host.run('ifconfig', ['bridge', 'create', 'descr', descr, 'group', 'pot'], {
    mutating: true,
    dryRunStdout: '<new bridge>\n',
  });
  if (result.exitCode !== 0) {
    passStderr(ctx, result);
    throw new PotError('host-command', `Bridge not created (${descr})`);
  }
  const name = result.stdout.trim();
  if (name === '') throw new PotError('host-command', `ifconfig bridge create printed no interface name (${descr})`);
  debug(ctx, `Bridge created ${name}`);
  return name;
}

async function configure(ctx: ActionContext, bridge: string, args: string[]): Promise<void> {
  const result = await ctx.host.run('ifconfig', [bridge, ...args], { mutating: true });
  if (result.exitCode !== 0) {
    passStderr(ctx, result);
    throw new PotError('host-command', `Error during bridge configuration (${bridge} ${args.join(' ')})`);
  }
}

async function ipv4Start(ctx: ActionContext, bridgeName: string | undefined, result: VnetStartResult): Promise<void> {
  const s = ctx.settings;
  // The private bridge is checked before anything changes (shell pot: after, and exit 0).
  const privateBridge = bridgeName === undefined ? undefined : await readBridge(ctx, bridgeName);

  if (ctx.verbosity >= 2) {
    const r = await ctx.host.run('sysctl', ['net.inet.ip.forwarding=1'], { mutating: true });
    for (const line of r.stdout.split('\n')) if (line !== '') ctx.report.print(line);
  } else {
    await ctx.host.run('sysctl', ['-qn', 'net.inet.ip.forwarding=1'], { mutating: true });
  }

  if (privateBridge === undefined) {
    let bridge = await bridgeWithAddress(ctx, s.gateway);
    if (bridge === undefined) {
      bridge = await createBridge(ctx, 'pot public bridge');
      await configure(ctx, bridge, ['inet', s.gateway, 'netmask', s.netmask]);
      debug(ctx, `Bridge ${bridge} configured with IP ${s.gateway} netmask ${s.netmask}`);
    } else {
      debug(ctx, `Bridge ${bridge} already present`);
    }
    result.ipv4Bridge = bridge;
  } else {
    let bridge = await bridgeWithAddress(ctx, privateBridge.gateway);
    if (bridge === undefined) {
      bridge = await createBridge(ctx, 'pot private bridge');
      const prefix = parseCidr4(privateBridge.net)?.prefix;
      await configure(ctx, bridge, ['inet', `${privateBridge.gateway}/${prefix}`]);
      debug(ctx, `Bridge ${bridge} configured with IP ${privateBridge.gateway}/${prefix}`);
    } else {
      debug(ctx, `Bridge ${bridge} already present`);
    }
    result.ipv4Bridge = bridge;
  }

  await ctx.host.run('kldload', ['-n', 'pf'], { mutating: true });
  const anchors = await ctx.host.run('pfctl', ['-s', 'Anchors']);
  const names = anchors.stdout.split('\n').map((l) => l.trim());
  if (!names.includes('pot-nat') || !names.includes('pot-rdr')) {
    const pfFile = (await ctx.host.run('sysrc', ['-n', 'pf_rules'])).stdout.trim() || '/etc/pf.conf';
    debug(ctx, `Pot anchors are missing - load ${pfFile}`);
    const loaded = await ctx.host.run('pfctl', ['-f', ctx.host.hostPath(pfFile)], { mutating: true });
    passStderr(ctx, loaded);
    if (loaded.exitCode !== 0) {
      throw new PotError('host-command', `pf could not load ${pfFile}`, {
        suggestion: `run 'pot init' to add pot's anchors to ${pfFile}, then check it with 'pfctl -nf ${pfFile}'`,
      });
    }
  }

  const rules = await natRules(ctx);
  result.natRules = rules;
  await ensureTmp(ctx);
  // The rules file has a fixed name (as in shell pot); the global lock keeps two
  // vnet-starts from overwriting each other's file.
  const rulesFile = path.join(s.tmp, 'pot_pf_nat_rules');
  const loaded = await withGlobalLock(s.tmp, async () => {
    await ctx.host.writeFile(rulesFile, rules);
    const r = await ctx.host.run('pfctl', ['-a', 'pot-nat', '-f', rulesFile], { mutating: true, reads: rules });
    await ctx.host.remove(rulesFile);
    return r;
  });
  passStderr(ctx, loaded);
  if (loaded.exitCode !== 0) throw new PotError('host-command', 'pf refused the NAT rules of the pot-nat anchor');
  if (ctx.verbosity >= 2) {
    const shown = await ctx.host.run('pfctl', ['-s', 'nat', '-a', 'pot-nat']);
    for (const line of shown.stdout.split('\n')) if (line !== '') ctx.report.print(line);
  }
  const enabled = await ctx.host.run('pfctl', ['-e'], { mutating: true });
  if (enabled.exitCode === 0) {
    passStderr(ctx, enabled);
  } else if (!/already enabled/.test(enabled.stderr)) {
    passStderr(ctx, enabled);
    throw new PotError('host-command', 'pf could not be enabled');
  }
}

async function ipv6Start(ctx: ActionContext, result: VnetStartResult): Promise<void> {
  const s = ctx.settings;
  let bridge = await bridgeWithMember(ctx, s.extif);
  if (bridge === undefined) {
    bridge = await createBridge(ctx, 'pot ipv6 bridge');
    await configure(ctx, bridge, ['inet6', 'up']);
    await configure(ctx, bridge, ['addm', s.extif]);
    debug(ctx, `Bridge ${bridge} inet6 up, member ${s.extif}`);
  } else {
    debug(ctx, `Bridge ${bridge} already present`);
  }
  result.ipv6Bridge = bridge;
}

export async function vnetStart(ctx: ActionContext, options: VnetStartOptions = {}): Promise<VnetStartResult> {
  const s = ctx.settings;
  if (s.network === '' || s.gateway === '') {
    throw new PotError('config', 'No network or gateway defined', { suggestion: 'set POT_NETWORK and POT_GATEWAY in pot.conf' });
  }
  if (s.extif === '') {
    throw new PotError('config', 'No external interface defined', { suggestion: 'set POT_EXTIF in pot.conf' });
  }
  await syslog(ctx, 'vnet-start', options.argv ?? []);
  await requireRoot(ctx);
  await ensureTmp(ctx);
  const result: VnetStartResult = { stack: s.stack };
  if (s.stack !== 'ipv6') await ipv4Start(ctx, options.bridge, result);
  if (s.stack !== 'ipv4') await ipv6Start(ctx, result);
  return result;
}
