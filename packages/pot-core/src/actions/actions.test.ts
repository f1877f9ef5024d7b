import { describe, expect, it } from 'vitest';
import type { ActionContext } from './context.js';
import type { ActionHost, RunResult } from './host.js';
import { newNet, prefixForSize, showBridge } from './address-book.js';
import { configValue } from './config.js';
import { natRules } from './vnet-start.js';
import { parseAssignments, settingsFrom, DEFAULTS } from './settings.js';
import { checkNetworkConfig } from './network-check.js';

/** An in-memory host: files in a map, commands answered by a function, calls recorded. */
function memoryHost(files: Record<string, string>, answer: (cmd: string, args: readonly string[]) => RunResult = () => ({ exitCode: 0, stdout: '', stderr: '' })) {
  const calls: string[] = [];
  const host: ActionHost = {
    dryRun: false,
    async run(cmd, args) {
      calls.push([cmd, ...args].join(' '));
      return answer(cmd, args);
    },
    hostPath: (p) => p,
    readFile: async (f) => files[f],
    writeFile: async (f, c) => void (files[f] = c),
    copyFile: async (a, b) => void (files[b] = files[a] ?? ''),
    exists: async (f) => f in files || Object.keys(files).some((k) => k.startsWith(`${f}/`)),
    isDirectory: async (f) => Object.keys(files).some((k) => k.startsWith(`${f}/`)),
    listDir: async (d) => [...new Set(Object.keys(files).filter((k) => k.startsWith(`${d}/`)).map((k) => k.slice(d.length + 1).split('/')[0]!))].sort(),
    mkdirp: async () => {},
    chmod: async () => {},
    remove: async (f) => void delete files[f],
    rmdirIfEmpty: async () => false,
  };
  return { host, calls, files };
}

function context(vars: Record<string, string>, files: Record<string, string> = {}, answer?: Parameters<typeof memoryHost>[1]) {
  const m = memoryHost(files, answer);
  const lines: string[] = [];
  const ctx: ActionContext = {
    host: m.host,
    settings: settingsFrom({ ...DEFAULTS, POT_FS_ROOT: '/opt/pot', ...vars }),
    verbosity: 1,
    report: { print: (l) => lines.push(l), diag: (l) => lines.push(`E:${l}`) },
  };
  return { ctx, ...m, lines };
}

describe('settings', () => {
  it('reads shell-style assignments: quotes, comments, export, later wins', () => {
    expect(
      parseAssignments('# c\nPOT_A=1\nexport POT_B="x y"\nPOT_C=\'z\'\nPOT_D=v # note\nPOT_A=2\nnot an assignment\n'),
    ).toEqual({ POT_A: '2', POT_B: 'x y', POT_C: 'z', POT_D: 'v' });
  });
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
    const { ctx } = context({}, { '/opt/pot/bridges/oven': 'net=10.192.0.8/29\ngateway=10.192.0.9\nname=oven\n' });
    expect(await newNet(ctx, 4)).toEqual({ net: '10.192.0.16/29', gateway: '10.192.0.17' });
    expect(await newNet(ctx, 2)).toEqual({ net: '10.192.0.4/30', gateway: '10.192.0.5' });
  });
  it('a pot address makes a segment unavailable; none left gives undefined', async () => {
    const { ctx } = context(
      { POT_NETWORK: '10.192.0.0/28', POT_NETMASK: '255.255.255.240' },
      { '/opt/pot/jails/web/conf/pot.conf': 'ip=10.192.0.4\nnetwork_type=public-bridge\n' },
    );
    expect(await newNet(ctx, 2)).toEqual({ net: '10.192.0.8/30', gateway: '10.192.0.9' });
    expect(await newNet(ctx, 4)).toBeUndefined();
  });
  it('show -b lists network, gateway, pots and broadcast in address order', async () => {
    const { ctx } = context({}, { '/opt/pot/jails/a/conf/pot.conf': 'ip=10.192.0.19\nnetwork_type=private-bridge\nbridge=stove\n' });
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
    const answer = () => ({ exitCode: 0, stdout: 'em0: flags=8843\n\tinet 192.168.1.10 netmask 0xffffff00\n', stderr: '' });
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

describe('global lock', () => {
  it('is re-entrant within a process and serialises others', async () => {
    const { withGlobalLock } = await import('./global-lock.js');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const dir = mkdtempSync(`${tmpdir()}/lock-`);
    const order: string[] = [];
    await withGlobalLock(dir, async () => {
      await withGlobalLock(dir, async () => void order.push('nested'));
      order.push('outer');
    });
    expect(order).toEqual(['nested', 'outer']);
  });
});
