import { describe, expect, it } from 'vitest';
import type { ActionContext } from '../context/context.js';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CommandResult } from '../../host/command.js';
import { createRecordingRunner } from '../../host/runners.js';
import { createFreeBsdHost } from '../../host/freebsd/driver.js';
import { newNet, prefixForSize, showBridge } from './address-book.js';
import { configValue } from '../queries/config-values.js';
import { natRules } from './vnet-start.js';
import { POT_DEFAULTS as DEFAULTS } from '../../config/schema.js';
import { settingsFrom } from '../../config/settings.js';
import { checkNetworkConfig } from './network-check.js';

/**
 * A context on the host seam: the FreeBSD driver over a recording runner that
 * answers commands from a function, and real files in a temporary directory
 * (FS root `<tmp>/opt/pot`).
 */
function context(
  vars: Record<string, string>,
  files: Record<string, string> = {},
  answer?: (file: string, args: readonly string[]) => Partial<CommandResult> | undefined,
) {
  const root = mkdtempSync(path.join(tmpdir(), 'actions-'));
  const fsRoot = path.join(root, 'opt', 'pot');
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(fsRoot, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  const runner = createRecordingRunner({ responses: (c) => answer?.(c.file, c.args) ?? { exitCode: 0 } });
  const lines: string[] = [];
  const ctx: ActionContext = {
    host: createFreeBsdHost({ runner, hostRoot: root }),
    settings: settingsFrom({ ...DEFAULTS, ...vars, POT_FS_ROOT: fsRoot }),
    verbosity: 1,
    report: { print: (l) => lines.push(l), diag: (l) => lines.push(`E:${l}`) },
  };
  return { ctx, runner, lines, fsRoot };
}

describe('settings', () => {
  it('an unknown network stack is ipv4', () => {
    expect(settingsFrom({ POT_NETWORK_STACK: 'both' }).stack).toBe('ipv4');
  });
  it('config -g values', () => {
    const s = settingsFrom({ ...DEFAULTS, POT_FS_ROOT: '/opt/pot' });
    expect(configValue(s, 'pot_prefix')).toEqual({ name: 'pot_prefix', label: 'pot prefix', value: '/opt/pot/jails' });
    expect(() => configValue(s, 'nope')).toThrow('nope is not a valid name');
  });
});

describe('address book (new-net, show -b)', () => {
  it('segment sizes: N hosts incl. gateway fit in 2^k - 2', () => {
    expect([1, 2, 3, 6, 7, 14, 15].map(prefixForSize)).toEqual([undefined, 30, 29, 29, 28, 28, 27]);
  });
  it('first free segment skips the gateway, the DNS address, pots and other bridges', async () => {
    const { ctx } = context({}, { 'bridges/oven': 'net=10.192.0.8/29\ngateway=10.192.0.9\nname=oven\n' });
    expect(await newNet(ctx, 4)).toEqual({ net: '10.192.0.16/29', gateway: '10.192.0.17' });
    expect(await newNet(ctx, 2)).toEqual({ net: '10.192.0.4/30', gateway: '10.192.0.5' });
  });
  it('a pot address makes a segment unavailable; none left gives undefined', async () => {
    const { ctx } = context(
      { POT_NETWORK: '10.192.0.0/28', POT_NETMASK: '255.255.255.240' },
      { 'jails/web/conf/pot.conf': 'ip=10.192.0.4\nnetwork_type=public-bridge\n' },
    );
    expect(await newNet(ctx, 2)).toEqual({ net: '10.192.0.8/30', gateway: '10.192.0.9' });
    expect(await newNet(ctx, 4)).toBeUndefined();
  });
  it('show -b lists network, gateway, pots and broadcast in address order', async () => {
    const { ctx } = context({}, { 'jails/a/conf/pot.conf': 'ip=10.192.0.19\nnetwork_type=private-bridge\nbridge=stove\n' });
    expect(await showBridge(ctx, { name: 'stove', net: '10.192.0.16/29', gateway: '10.192.0.17' })).toEqual([
      { ip: '10.192.0.16', description: 'stove bridge - network ' },
      { ip: '10.192.0.17', description: 'stove bridge - gateway ' },
      { ip: '10.192.0.19', description: 'a' },
      { ip: '10.192.0.23', description: 'stove bridge - broadcast ' },
    ]);
  });
});

describe('NAT rules', () => {
  it('extra interfaces need their POT_NETWORK_<if>; VPN networks each get a rule', async () => {
    const { ctx } = context({
      POT_EXTRA_EXTIF: 'vlan20 vlan30',
      POT_NETWORK_vlan20: '10.0.20.0/24',
      POT_VPN_EXTIF: 'tun0',
      POT_VPN_NETWORKS: '192.168.0.0/24 10.10.0.0/16',
    });
    expect(await natRules(ctx)).toBe(
      [
        'ext_if = "em0"',
        'localnet = "10.192.0.0/10"',
        'nat on $ext_if from $localnet to any -> ($ext_if:0)',
        'nat on vlan20 from $localnet to 10.0.20.0/24 -> (vlan20:0)',
        'nat on tun0 from $localnet to 192.168.0.0/24 -> (tun0:0)',
        'nat on tun0 from $localnet to 10.10.0.0/16 -> (tun0:0)',
        '',
      ].join('\n'),
    );
  });
  it('POT_EXTIF_ADDR is used only when it is on POT_EXTIF', async () => {
    const answer = () => ({
      exitCode: 0,
      stdout: 'em0: flags=8843<UP> metric 0 mtu 1500\n\tinet 192.168.1.10 netmask 0xffffff00 broadcast 192.168.1.255\n',
      stderr: '',
    });
    expect(await natRules(context({ POT_EXTIF_ADDR: '192.168.1.10' }, {}, answer).ctx)).toContain('-> $ext_addr');
    const off = context({ POT_EXTIF_ADDR: '192.168.1.11' }, {}, answer);
    expect(await natRules(off.ctx)).not.toContain('ext_addr');
    expect(off.lines[0]).toContain('is not available on the network interface em0');
  });
});

describe('network configuration check', () => {
  it('gateway outside the network and a wrong netmask are both reported', () => {
    const { ctx } = context({ POT_GATEWAY: '10.0.0.1', POT_NETMASK: '255.255.0.0' });
    expect(checkNetworkConfig(ctx).map((p) => p.path)).toEqual(['POT_GATEWAY', 'POT_NETMASK']);
  });
  it('the defaults are valid', () => {
    expect(checkNetworkConfig(context({}).ctx)).toEqual([]);
  });
});
