/**
 * vnet-start: the internal network for bridged pots, per POT_NETWORK_STACK.
 * IPv4: ip forwarding, the public bridge (or a private one) with its gateway
 * address, pf loaded with pot's anchors, the NAT rules in `pot-nat`, pf enabled.
 * IPv6: a bridge holding POT_EXTIF. Every step looks first, so running it again
 * changes nothing.
 */
import { PotError } from '../../errors/pot-error.js';
import type { ActionContext } from '../context/context.js';
import { debug, ensureTmp, info, passStderr, requireRoot, syslog } from '../context/context.js';
import { parseIpNet } from 'potnet';
import { bridgeWithAddress, bridgeWithMember, interfaceHasAddress, isValidIPv4 } from './host-interfaces.js';
import { readBridge } from './bridges.js';
import { withGlobalLock } from '../../locks/index.js';
import { assertNetworkConfig } from './network-check.js';

export interface VnetStartOptions {
  /** A private bridge (`-B`); ignored for the ipv6 stack. */
  bridge?: string | undefined;
  /** The argv as typed, for syslog. */
  argv?: readonly string[];
  /** The stacks to bring up (default POT_NETWORK_STACK): a pot of another stack needs its own part. */
  stack?: 'ipv4' | 'ipv6' | 'dual';
}

export interface VnetStartResult {
  stack: 'ipv4' | 'ipv6' | 'dual';
  ipv4Bridge?: string;
  ipv6Bridge?: string;
  natRules?: string;
}

/** The text loaded into the `pot-nat` anchor. */
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

async function createBridge(ctx: ActionContext, description: string): Promise<string> {
  const name = await ctx.host.net.createBridge({ description, group: 'pot' });
  debug(ctx, `Bridge created ${name}`);
  return name;
}

async function ipv4Start(ctx: ActionContext, bridgeName: string | undefined, result: VnetStartResult): Promise<void> {
  const s = ctx.settings;
  const { net, pf } = ctx.host;
  // The private bridge is checked before anything changes (shell pot: after, and exit 0).
  const privateBridge = bridgeName === undefined ? undefined : await readBridge(ctx, bridgeName);

  const fwd = await ctx.host.sysctl.set('net.inet.ip.forwarding', '1', { verbose: ctx.verbosity >= 2 });
  if (ctx.verbosity >= 2) for (const line of fwd.stdout.split('\n')) if (line !== '') ctx.report.print(line);

  const gateway = privateBridge?.gateway ?? s.gateway;
  let bridge = await bridgeWithAddress(ctx, gateway);
  if (bridge !== undefined) {
    debug(ctx, `Bridge ${bridge} already present`);
  } else if (privateBridge === undefined) {
    bridge = await createBridge(ctx, 'pot public bridge');
    await net.setAddress(bridge, { family: 'inet', address: s.gateway, netmask: s.netmask });
    debug(ctx, `Bridge ${bridge} configured with IP ${s.gateway} netmask ${s.netmask}`);
  } else {
    bridge = await createBridge(ctx, 'pot private bridge');
    const prefixLength = parseIpNet(privateBridge.net)!.prefix;
    await net.setAddress(bridge, { family: 'inet', address: privateBridge.gateway, prefixLength });
    debug(ctx, `Bridge ${bridge} configured with IP ${privateBridge.gateway}/${prefixLength}`);
  }
  result.ipv4Bridge = bridge;

  await ctx.host.kmod.load('pf');
  const anchors = await pf.anchors();
  if (!anchors.includes('pot-nat') || !anchors.includes('pot-rdr')) {
    const pfFile = (await ctx.host.rc.get('pf_rules')) || '/etc/pf.conf';
    debug(ctx, `Pot anchors are missing - load ${pfFile}`);
    try {
      await pf.loadMain(await ctx.host.files.resolve(pfFile));
    } catch (cause) {
      throw new PotError('host-command', `pf could not load ${pfFile}`, {
        cause,
        suggestion: `run 'pot init' to add pot's anchors to ${pfFile}, then check it with 'pfctl -nf ${pfFile}'`,
      });
    }
  }

  // The rules go to pf on stdin: no temporary file that concurrent starts could overwrite.
  const rules = await natRules(ctx);
  result.natRules = rules;
  await pf.loadAnchor('pot-nat', { rules });
  if (ctx.verbosity >= 2) for (const line of await pf.natRules('pot-nat')) ctx.report.print(line);
  const enabled = await pf.enable();
  if (!enabled.alreadyEnabled) passStderr(ctx, enabled.message);
}

async function ipv6Start(ctx: ActionContext, result: VnetStartResult): Promise<void> {
  const s = ctx.settings;
  let bridge = await bridgeWithMember(ctx, s.extif);
  if (bridge === undefined) {
    bridge = await createBridge(ctx, 'pot ipv6 bridge');
    await ctx.host.net.up(bridge, { inet6: true });
    await ctx.host.net.addMember(bridge, s.extif);
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
  assertNetworkConfig(ctx);
  await syslog(ctx, 'vnet-start', options.argv ?? []);
  await requireRoot(ctx);
  await ensureTmp(ctx);
  // Pots starting at once may all find the network down: one at a time makes one bridge, not several.
  return withGlobalLock(
    async () => {
      const stack = options.stack ?? s.stack;
      const result: VnetStartResult = { stack };
      if (stack !== 'ipv6') await ipv4Start(ctx, options.bridge, result);
      if (stack !== 'ipv4') await ipv6Start(ctx, result);
      return result;
    },
    { globalDir: s.tmp },
  );
}
