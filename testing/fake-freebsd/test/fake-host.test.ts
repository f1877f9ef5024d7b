import { execFileSync, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from '../src/index.ts';

let host: FakeHost;
afterEach(() => host?.cleanup());

const sh = (h: FakeHost, command: string, ...args: string[]) => spawnSync(command, args, { env: h.env, encoding: 'utf8' });

describe('the fake FreeBSD host', () => {
  it('keeps network state and answers in ifconfig formats', () => {
    host = createFakeHost();
    expect(sh(host, 'ifconfig', 'bridge', 'create').stdout).toBe('bridge0\n');
    sh(host, 'ifconfig', 'bridge0', 'inet', '10.192.0.1/10');
    expect(sh(host, 'ifconfig', 'epair', 'create', 'descr', 'web', 'group', 'pot').stdout).toBe('epair0a\n');
    sh(host, 'ifconfig', 'bridge0', 'addm', 'epair0a', 'up');
    expect(host.iface('bridge0')).toMatchObject({ addresses: ['10.192.0.1/10'], members: ['epair0a'], up: true });
    expect(host.iface('epair0a')).toMatchObject({ description: 'web', groups: expect.arrayContaining(['pot']) });
    expect(sh(host, 'ifconfig', '-g', 'bridge').stdout).toBe('bridge0\n');
    expect(sh(host, 'ifconfig', 'bridge0').stdout).toMatch(/member: epair0a/);
    const again = sh(host, 'ifconfig', 'epair0a', 'name', 'lo0');
    expect(again.status).not.toBe(0);
  });

  it('fails the way zfs fails and lists datasets', () => {
    host = createFakeHost();
    expect(sh(host, 'zfs', 'create', 'zroot/pot').status).toBe(0);
    const missing = sh(host, 'zfs', 'list', '-H', '-o', 'name', 'zroot/nope');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('dataset does not exist');
    expect(host.datasets()).toContain('zroot/pot');
  });

  it('loads, shows and flushes a pf anchor', () => {
    host = createFakeHost();
    const rules = path.join(host.dir, 'rules');
    writeFileSync(rules, 'rdr pass on em0 inet proto tcp from any to (em0) port 8080 -> 10.192.0.3 port 80\n');
    expect(sh(host, 'pfctl', '-a', 'pot-rdr/web', '-f', rules).status).toBe(0);
    expect(host.pfAnchors()).toEqual(['pot-rdr/web']);
    expect(host.pfRules('pot-rdr/web')[0]).toContain('-> 10.192.0.3 port 80');
    expect(sh(host, 'pfctl', '-a', 'pot-rdr/web', '-s', 'nat').stdout).toContain('port = 8080');
    sh(host, 'pfctl', '-a', 'pot-rdr/web', '-F', 'all');
    expect(host.pfRules('pot-rdr/web')).toEqual([]);
  });

  it('runs and removes jails, refusing a second start', () => {
    host = createFakeHost({ setup: ['host_iface vlan20 10.1.0.1/24'] });
    expect(host.iface('vlan20')?.addresses).toEqual(['10.1.0.1/24']);
    const start = ['-c', 'name=web', 'path=/', 'host.hostname=web', 'persist'];
    expect(sh(host, 'jail', ...start).status).toBe(0);
    expect(sh(host, 'jls', '-j', 'web').status).toBe(0);
    expect(sh(host, 'jail', ...start).status).not.toBe(0);
    expect(sh(host, 'jail', '-r', 'web').status).toBe(0);
    expect(sh(host, 'jls', '-j', 'web').status).not.toBe(0);
  });

  it('reads and sets sysctl values', () => {
    host = createFakeHost();
    expect(host.sysctl('kern.features.vimage')).toBe('1');
    expect(sh(host, 'sysctl', 'net.inet.ip.forwarding=1').status).toBe(0);
    expect(host.sysctl('net.inet.ip.forwarding')).toBe('1');
  });

  it('logs every call as one JSON object a line, with argv, class, rc and input', () => {
    host = createFakeHost();
    const odd = 'quote " backslash \\ tab \t newline \n ünïcode';
    spawnSync('ifconfig', ['epair', 'create', 'descr', odd], { env: host.env });
    execFileSync('pfctl', ['-a', 'pot-nat', '-f', '-'], { env: host.env, input: 'nat on em0 from 10.192.0.0/10 to any -> (em0)\n' });
    spawnSync('zfs', ['list', '-H', 'zroot/missing'], { env: host.env });
    expect(host.calls()).toEqual([
      { class: 'E', rc: 0, argv: ['ifconfig', 'epair', 'create', 'descr', odd] },
      { class: 'E', rc: 0, argv: ['pfctl', '-a', 'pot-nat', '-f', '-'], input: 'nat on em0 from 10.192.0.0/10 to any -> (em0)' },
      { class: 'Q', rc: 1, argv: ['zfs', 'list', '-H', 'zroot/missing'] },
    ]);
    expect(host.effects()).toHaveLength(2);
  });
});
