/**
 * The user's page "Network configuration available for pot" (../shared/seeds),
 * command by command, on the fake host: single pots on release 12.2, every
 * network type and stack, private bridge `stove`, exported ports and DNS modes.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';
import { offerRelease } from './release-fixture.js';

let host: FakeHost;
beforeEach(() => {
  host = createFakeHost(['POT_EXTIF_ADDR=192.168.1.10']);
  host.setup('host_pot_root');
  offerRelease(host, '12.2');
});
afterEach(() => host?.cleanup());

async function pot(...args: string[]) {
  const r = await host.pot(...args);
  expect(r, `pot ${args.join(' ')}: ${r.stderr}`).toMatchObject({ code: 0 });
  return r;
}

/** potnet as the page runs it: it finds pot's configuration two directories above `pot` on PATH. */
function potnet(...args: string[]): string {
  const bin = path.join(host.dir, 'prefix', 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'pot'), '#!/bin/sh\n');
  chmodSync(path.join(bin, 'pot'), 0o755);
  const repo = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
  copyFileSync(path.join(repo, 'packages/pot-core/share/pot.default.conf'), path.join(host.etcDir, 'pot.default.conf'));
  const potnetBin = path.join(repo, 'packages/potnet/bin/potnet');
  return execFileSync(potnetBin, args, { env: { ...host.env, PATH: `${bin}:${host.env.PATH}` }, encoding: 'utf8' });
}

const params = (jail: string): string[] => readFileSync(path.join(host.state, 'jail', jail, 'params'), 'utf8').split('\n');
const inPot = (name: string, file: string): string => readFileSync(path.join(host.fsRoot, 'jails', name, 'm', file), 'utf8');

describe('the network configuration page, on the fake host', () => {
  it('inherit with each stack', async () => {
    for (const [name, stack, expected] of [
      ['casserole4', 'ipv4', ['ip4=inherit']],
      ['casserole6', 'ipv6', ['ip6=inherit']],
      ['casserole', 'dual', ['ip4=inherit', 'ip6=inherit']],
    ] as const) {
      await pot('create', '-p', name, '-t', 'single', '-b', '12.2', '-N', 'inherit', '-S', stack);
      await pot('start', name);
      for (const p of expected) expect(params(name)).toContain(p);
      await pot('stop', name);
    }
  });

  it("alias on dual and on ipv4 stacks: only the stack's addresses reach the jail", async () => {
    const ips = ['-i', 'em0|2a00:1234:1234:1234::443', '-i', 'em0|192.168.178.200', '-i', '2a00:1234:1234:1234::80'];
    await pot('create', '-p', 'casserole', '-t', 'single', '-b', '12.2', '-N', 'alias', ...ips, '-S', 'dual');
    await pot('start', 'casserole');
    expect(params('casserole')).toEqual(
      expect.arrayContaining(['ip4.addr=em0|192.168.178.200', 'ip6.addr=em0|2a00:1234:1234:1234::443,em0|2a00:1234:1234:1234::80']),
    );
    expect((await pot('info', '-vp', 'casserole')).stdout).toContain('\tip : em0|2a00:1234:1234:1234::443 em0|192.168.178.200 2a00:1234:1234:1234::80\n');
    await pot('stop', 'casserole');
    await pot('destroy', '-p', 'casserole');
    await pot('create', '-p', 'casserole', '-t', 'single', '-b', '12.2', '-N', 'alias', ...ips, '-S', 'ipv4');
    await pot('start', 'casserole');
    expect(params('casserole').filter((p) => p.startsWith('ip'))).toEqual(['ip4.addr=em0|192.168.178.200']);
    await pot('stop', 'casserole');
  });

  it('public bridge on IPv4 and IPv6, auto and fixed addresses; potnet show lists them', async () => {
    await pot('create', '-p', 'casserole4', '-t', 'single', '-b', '12.2', '-N', 'public-bridge', '-i', 'auto', '-S', 'ipv4');
    await pot('run', 'casserole4');
    expect(inPot('casserole4', 'etc/rc.conf')).toContain('defaultrouter="10.192.0.1"');
    await pot('stop', 'casserole4');
    await pot('create', '-p', 'casserole10', '-t', 'single', '-b', '12.2', '-N', 'public-bridge', '-i', '10.192.0.10');
    const taken = await host.pot('create', '-p', 'again', '-t', 'single', '-b', '12.2', '-N', 'public-bridge', '-i', '10.192.0.10');
    expect(taken.stderr).toContain('###>  The 10.192.0.10 IP is not valid - run potnet validate -H 10.192.0.10 for more information');
    await pot('create', '-p', 'casserole6', '-t', 'single', '-b', '12.2', '-N', 'public-bridge', '-i', 'auto', '-S', 'ipv6');
    await pot('run', 'casserole6');
    expect(inPot('casserole6', 'etc/rc.conf')).toContain('rtsold_enable="YES"');
    const v6bridge = host
      .look('ifconfig', '-g', 'bridge')
      .trim()
      .split('\n')
      .find((b) => host.look('ifconfig', b).includes('member: em0'));
    expect(v6bridge).toBeDefined();
    await pot('stop', 'casserole6');
    const shown = potnet('show');
    expect(shown).toContain('\t10.192.0.1\tdefault gateway\n');
    expect(shown).toMatch(/\t10\.192\.0\.3\tcasserole4\n/);
    expect(shown).toMatch(/\t10\.192\.0\.10\tcasserole10\n/);
  });

  it('private bridge stove: potnet show -b, vnet-start -B, auto and fixed addresses', async () => {
    await pot('create-private-bridge', '-B', 'stove', '-S', '4');
    expect(potnet('show', '-b', 'stove')).toMatch(
      /\t10\.192\.0\.\d+\tstove bridge - network \n\t10\.192\.0\.\d+\tstove bridge - gateway \n\t10\.192\.0\.\d+\tstove bridge - broadcast \n/,
    );
    await pot('vnet-start', '-B', 'stove');
    await pot('create', '-p', 'casserole', '-t', 'single', '-b', '12.2', '-N', 'private-bridge', '-B', 'stove', '-i', 'auto', '-S', 'ipv4');
    await pot('run', 'casserole');
    expect(inPot('casserole', 'etc/rc.conf')).toMatch(/ifconfig_epair\d+b="inet 10\.192\.0\.\d+\/29"/);
    await pot('stop', 'casserole');
    const net = /net=10\.192\.0\.(\d+)\/29/.exec(readFileSync(path.join(host.fsRoot, 'bridges', 'stove'), 'utf8'));
    const fixed = `10.192.0.${Number(net?.[1]) + 3}`;
    await pot('create', '-p', 'casserole2', '-t', 'single', '-b', '12.2', '-N', 'private-bridge', '-B', 'stove', '-i', fixed);
    expect((await pot('info', '-p', 'casserole2')).stdout).toContain(`\tip : ${fixed}\n\tbridge : stove\n`);
  });

  it('export-ports with fixed and chosen host ports, shown by pot show', async () => {
    await pot('create', '-p', 'casserole', '-t', 'single', '-b', '12.2', '-N', 'public-bridge');
    await pot('export-ports', '-p', 'casserole', '-e', '80:30080', '-e', '443:30443');
    await pot('start', 'casserole');
    expect((await pot('show', '-p', 'casserole')).stdout).toContain(
      '\tNetwork port redirection\n\t\t192.168.1.10 port 30080 -> 10.192.0.3 port 80\n\t\t192.168.1.10 port 30443 -> 10.192.0.3 port 443\n',
    );
    await pot('stop', 'casserole');
    await pot('export-ports', '-p', 'casserole', '-e', '80', '-e', '443');
    await pot('start', 'casserole');
    expect((await pot('show', '-p', 'casserole')).stdout).toContain(
      '\t\t192.168.1.10 port 1024 -> 10.192.0.3 port 80\n\t\t192.168.1.10 port 1025 -> 10.192.0.3 port 443\n',
    );
    await pot('stop', 'casserole');
  });

  it('DNS resolver: inherit, off, custom:FILE and pot', async () => {
    writeFileSync(path.join(host.dir, 'myresolv.conf'), 'nameserver 10.0.0.53\n');
    await pot('create', '-p', 'inh', '-t', 'single', '-b', '12.2', '-N', 'inherit', '-d', 'inherit');
    await pot('create', '-p', 'off', '-t', 'single', '-b', '12.2', '-N', 'inherit', '-d', 'off');
    await pot('create', '-p', 'cus', '-t', 'single', '-b', '12.2', '-N', 'inherit', '-d', `custom:${path.join(host.dir, 'myresolv.conf')}`);
    await pot('create', '-p', 'dns', '-t', 'single', '-b', '12.2', '-N', 'inherit');
    await pot('create', '-p', 'usesdns', '-t', 'single', '-b', '12.2', '-N', 'public-bridge', '-d', 'pot');
    for (const p of ['inh', 'off', 'cus', 'usesdns']) await pot('start', p);
    expect(inPot('inh', 'etc/resolv.conf')).toBe('search example.org\nnameserver 192.168.1.1\n');
    expect(() => inPot('off', 'etc/resolv.conf')).toThrow();
    expect(inPot('cus', 'etc/resolv.conf')).toBe('nameserver 10.0.0.53\n');
    expect(inPot('usesdns', 'etc/resolv.conf')).toBe('# Generated by pot\nsearch host\nnameserver 10.192.0.2\n');
    expect((await pot('info', '-r', '-p', 'dns')).code).toBe(0); // started as a dependency
    for (const p of ['inh', 'off', 'cus', 'usesdns', 'dns']) await pot('stop', p);
  });
});
