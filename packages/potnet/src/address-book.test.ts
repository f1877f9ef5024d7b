import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { AddressBook, formatIp, formatIpNet, networkSizeBits, readInventory, systemConfigFromTexts } from './index.js';
import { parseIp } from './ip.js';

function layout(potConf: string, pots: Record<string, string>, bridges: Record<string, string>): AddressBook {
  const root = mkdtempSync(path.join(tmpdir(), 'potnet-book-'));
  for (const [name, text] of Object.entries(pots)) {
    mkdirSync(path.join(root, 'jails', name, 'conf'), { recursive: true });
    writeFileSync(path.join(root, 'jails', name, 'conf', 'pot.conf'), text);
  }
  mkdirSync(path.join(root, 'bridges'), { recursive: true });
  for (const [file, text] of Object.entries(bridges)) writeFileSync(path.join(root, 'bridges', file), text);
  const config = systemConfigFromTexts(`POT_ZFS_ROOT=zroot/pot\nPOT_FS_ROOT=${root}\nPOT_EXTIF=em0\nPOT_DNS_NAME=dns\n${potConf}`);
  return new AddressBook(config, readInventory(config.fsRoot));
}

const v4 = 'POT_NETWORK=10.192.0.0/10\nPOT_NETMASK=255.192.0.0\nPOT_GATEWAY=10.192.0.1\n';
const v6 = 'POT_NETWORK=fd00::/48\nPOT_NETMASK=ffff:ffff:ffff::\nPOT_GATEWAY=fd00::1\n';
const ip = (t: string) =>
  parseIp(t) ??
  (() => {
    throw new Error(t);
  })();

describe('AddressBook', () => {
  it('finds the next address after a run of taken ones and across a bridge range', () => {
    const book = layout(v4, { a: 'network_type=public-bridge\nip=10.192.0.2\n' }, { br: 'name=br\nnet=10.192.0.0/28\ngateway=10.192.0.1\n' });
    expect(book.next().free && formatIp(book.next().free!)).toBe('10.192.0.16');
    expect(book.isTaken(ip('10.192.0.9'))).toBe(true);
  });

  it('orders pots read in any order and both families, and answers the same when asked again', () => {
    const pots: Record<string, string> = {
      z: 'network_type=public-bridge\nip=10.192.0.4\n',
      a: 'network_type=public-bridge\nip=10.192.0.3\n',
      m: 'network_type=public-bridge\nip=10.192.0.3\n',
      v6: 'network_type=public-bridge\nip=fd00::5\n',
      high: 'network_type=public-bridge\nip=10.255.255.254\n',
    };
    const book = layout(v4, pots, {});
    const shown = () => [...book.entries()].map((e) => `${formatIp(e.ip)} ${e.label ?? ''}`);
    expect(shown()).toEqual([
      '10.192.0.0 ',
      '10.192.0.1 default gateway',
      '10.192.0.3 m',
      '10.192.0.4 z',
      '10.255.255.254 high',
      '10.255.255.255 ',
      'fd00::5 v6',
    ]);
    expect(shown()).toEqual(shown());
    const next = book.next();
    expect(formatIp(next.free!)).toBe('10.192.0.2');
    expect(book.next()).toEqual(next);
    expect(book.isTaken(ip('fd00::5'))).toBe(true);
    expect(book.isTaken(ip('::ffff:10.192.0.3'))).toBe(false);
  });

  it('answers at once on an IPv6 /64 private bridge (the original never finishes)', () => {
    const book = layout(v6, { p: 'network_type=private-bridge\nip=fd00:0:0:1::2\n' }, { br6: 'name=br6\nnet=fd00:0:0:1::/120\ngateway=fd00:0:0:1::1\n' });
    const started = performance.now();
    expect(formatIp(book.next().free!)).toBe('fd00::2');
    expect(formatIp(book.nextInBridge(book.bridge('br6')!)!)).toBe('fd00:0:0:1::3');
    const net = book.newNet(5)!;
    expect(formatIpNet(net.network)).toBe('fd00::8/125');
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('new-net sizes like the original and gives 65535 hosts a /15', () => {
    expect([2, 5, 6, 7, 14, 300].map(networkSizeBits)).toEqual([2, 3, 3, 4, 4, 9]);
    const book = layout(v4, {}, {});
    const found = book.newNet(65535)!;
    expect(`${formatIpNet(found.network)} ${formatIp(found.gateway)}`).toBe('10.194.0.0/15 10.194.0.1');
  });

  it('new-net skips every subnet that holds a taken address', () => {
    const book = layout(v4, { a: 'network_type=public-bridge\nip=10.192.0.9\n' }, { br: 'name=br\nnet=10.192.0.16/29\ngateway=10.192.0.17\n' });
    expect(formatIpNet(book.newNet(5)!.network)).toBe('10.192.0.24/29');
  });

  it('validates like potnet validate, with the original error texts', () => {
    const book = layout(v4, { a: 'network_type=private-bridge\nip=10.192.1.3\n' }, { br1: 'name=br1\nnet=10.192.1.0/28\ngateway=10.192.1.1\n' });
    expect(() => book.validate(ip('10.192.1.7'))).toThrow('Address already in use');
    expect(() => book.validate(ip('192.168.0.1'))).toThrow('Address outside the network');
    expect(() => book.validateInBridge('br1', ip('10.192.1.3'))).toThrow('Ip already used');
    expect(() => book.validateInBridge('br1', ip('10.192.2.3'))).toThrow('Ip outside the bridge network');
    expect(() => book.validateInBridge('nope', ip('10.192.1.5'))).toThrow('bridge nope not found');
    expect(() => book.validateInBridge('br1', ip('10.192.1.5'))).not.toThrow();
  });

  it('lists etc-hosts entries per bridge and for the public bridge', () => {
    const book = layout(
      v4,
      { web: 'network_type=public-bridge\nip=10.192.0.3\n', p1: 'network_type=private-bridge\nip=10.192.1.3\n', inh: 'network_type=inherit\n' },
      { br1: 'name=br1\nnet=10.192.1.0/28\ngateway=10.192.1.1\n' },
    );
    expect(book.etcHosts().map((h) => h.name)).toEqual(['web']);
    expect(book.etcHosts(book.bridge('br1')).map((h) => `${formatIp(h.ip)} ${h.name}`)).toEqual(['10.192.1.3 p1']);
  });

  it('skips a malformed pot with a diagnostic naming the file and line', () => {
    const book = layout(v4, { bad: 'network_type=public-bridge\nip="10.192.0.3"\n' }, {});
    expect(book.inventory.pots).toHaveLength(0);
    expect(book.inventory.diagnostics[0]).toMatchObject({ line: 2 });
    expect(book.inventory.diagnostics[0]?.file).toMatch(/jails\/bad\/conf\/pot\.conf$/);
  });
});

describe('the potnet binary', () => {
  it('ends quietly when its reader closes the pipe early (potnet show | head -1)', async () => {
    const { spawnSync } = await import('node:child_process');
    const { fileURLToPath } = await import('node:url');
    const bin = fileURLToPath(new URL('../bin/potnet', import.meta.url));
    const root = mkdtempSync(path.join(tmpdir(), 'potnet-pipe-'));
    mkdirSync(path.join(root, 'prefix', 'bin'), { recursive: true });
    mkdirSync(path.join(root, 'prefix', 'etc', 'pot'), { recursive: true });
    writeFileSync(path.join(root, 'prefix', 'bin', 'pot'), '#!/bin/sh\n', { mode: 0o755 });
    writeFileSync(
      path.join(root, 'prefix', 'etc', 'pot', 'pot.default.conf'),
      `POT_ZFS_ROOT=zroot/pot\nPOT_FS_ROOT=${root}\nPOT_EXTIF=em0\nPOT_DNS_NAME=dns\n${v4}`,
    );
    mkdirSync(path.join(root, 'bridges'));
    writeFileSync(path.join(root, 'bridges', 'big'), 'name=big\nnet=10.200.0.0/16\ngateway=10.200.0.1\n');
    const result = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" show | head -1`], {
      env: { PATH: `${path.join(root, 'prefix', 'bin')}:/usr/bin:/bin` },
      encoding: 'utf8',
    });
    expect(result.stdout).toBe('Network topology:\n');
    expect(result.stderr).not.toMatch(/^\s+at /m);
  });
});

describe('validate names what holds the address', () => {
  const book = () =>
    layout(
      `${v4}POT_DNS_IP=10.192.0.2\n`,
      { web: 'network_type=public-bridge\nip=10.192.0.3\n', p1: 'network_type=private-bridge\nip=10.192.1.2\nbridge=stove\n' },
      { stove: 'name=stove\nnet=10.192.1.0/28\ngateway=10.192.1.1\n' },
    );
  const detail = (fn: () => void): string[] => {
    try {
      fn();
    } catch (error) {
      const e = error as { message: string; detail?: string };
      return [e.message, e.detail ?? ''];
    }
    return [];
  };
  it.each([
    ['10.192.0.3', 'pot web'],
    ['10.192.1.5', "bridge stove's range (10.192.1.0/28)"],
    ['10.192.1.2', "pot p1 and bridge stove's range (10.192.1.0/28)"],
    ['10.192.1.1', "bridge stove's gateway address"],
    ['10.192.0.0', 'the network address of POT_NETWORK (10.192.0.0/10)'],
    ['10.255.255.255', 'the broadcast address of POT_NETWORK (10.192.0.0/10)'],
    ['10.192.0.1', 'the gateway (POT_GATEWAY)'],
    ['10.192.0.2', 'the DNS pot dns (POT_DNS_IP)'],
  ])('%s: %s', (address, holder) => {
    expect(detail(() => book().validate(ip(address)))).toEqual(['Address already in use', `${address} is held by ${holder}`]);
  });
  it('says where the network is for an address outside it, and names the holder inside a bridge', () => {
    expect(detail(() => book().validate(ip('192.168.0.1')))).toEqual(['Address outside the network', '192.168.0.1 is outside POT_NETWORK (10.192.0.0/10)']);
    expect(detail(() => book().validateInBridge('stove', ip('10.192.1.2')))).toEqual(['Ip already used', 'ip 10.192.1.2 already in use by pot p1']);
    expect(detail(() => book().validateInBridge('stove', ip('10.192.1.15')))).toEqual([
      'Ip already used',
      "ip 10.192.1.15 already in use by bridge stove's broadcast address",
    ]);
    expect(detail(() => book().validateInBridge('stove', ip('10.192.1.4')))).toEqual([]);
  });
});
