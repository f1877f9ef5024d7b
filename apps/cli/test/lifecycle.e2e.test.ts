/**
 * A pot's whole life on every network type and stack shell pot accepts:
 * create -> start -> info/show -> stop -> destroy, looking at the fake host
 * after each step; stop leaves the host as it was before start, destroy as it
 * was before create.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

interface Case {
  network: string;
  stack: string;
  args: string[];
  /** jail(8) network parameters expected. */
  params: string[];
  /** Bridge members added for the pot (host side epairs), per bridge description. */
  epairs: number;
}

const CASES: Case[] = [
  { network: 'inherit', stack: 'ipv4', args: [], params: ['ip4=inherit'], epairs: 0 },
  { network: 'inherit', stack: 'ipv6', args: [], params: ['ip6=inherit'], epairs: 0 },
  { network: 'inherit', stack: 'dual', args: [], params: ['ip4=inherit', 'ip6=inherit'], epairs: 0 },
  { network: 'alias', stack: 'ipv4', args: ['-i', '192.168.1.50'], params: ['ip4.addr=em0|192.168.1.50'], epairs: 0 },
  { network: 'alias', stack: 'ipv6', args: ['-i', 'em0|fd00::50'], params: ['ip6.addr=em0|fd00::50'], epairs: 0 },
  {
    network: 'alias',
    stack: 'dual',
    args: ['-i', '192.168.1.50', '-i', 'fd00::50'],
    params: ['ip4.addr=em0|192.168.1.50', 'ip6.addr=em0|fd00::50'],
    epairs: 0,
  },
  { network: 'public-bridge', stack: 'ipv4', args: [], params: ['vnet', 'vnet.interface=epair0b'], epairs: 1 },
  { network: 'public-bridge', stack: 'ipv6', args: [], params: ['vnet', 'vnet.interface=epair0b'], epairs: 1 },
  { network: 'public-bridge', stack: 'dual', args: [], params: ['vnet', 'vnet.interface=epair0b', 'vnet.interface=epair1b'], epairs: 2 },
  { network: 'private-bridge', stack: 'ipv4', args: ['-B', 'stove'], params: ['vnet', 'vnet.interface=epair0b'], epairs: 1 },
  { network: 'private-bridge', stack: 'dual', args: ['-B', 'stove'], params: ['vnet', 'vnet.interface=epair0b'], epairs: 1 },
];

function jailParams(h: FakeHost, jail: string): string[] {
  return readFileSync(path.join(h.state, 'jail', jail, 'params'), 'utf8')
    .split('\n')
    .filter((l) => l !== '');
}

function potFile(h: FakeHost, pot: string, file: string): string | undefined {
  try {
    return readFileSync(path.join(h.fsRoot, 'jails', pot, 'm', file), 'utf8');
  } catch {
    return undefined;
  }
}

/**
 * The host's state; the mount table in sorted order (stop remounts datasets in
 * reverse order) and without emptied pf anchors (pf frees an anchor whose rules
 * are flushed; the fake host keeps listing it).
 */
function state(h: FakeHost): string {
  const [head, rest = ''] = h
    .dump()
    .replace(/^anchor \S+ rules:\n {2}\(none\)\n/gm, '')
    .split('## mount\n');
  const end = rest.indexOf('\n## ');
  return `${head}## mount\n${rest.slice(0, end).split('\n').sort().join('\n')}${rest.slice(end)}`;
}

async function ok(h: FakeHost, ...args: string[]) {
  const r = await h.pot(...args);
  expect(r, `pot ${args.join(' ')}`).toMatchObject({ code: 0 });
  return r;
}

describe('create -> start -> stop -> destroy', () => {
  it.each(CASES)('$network $stack', async (c) => {
    host = createFakeHost(['POT_NETWORK_STACK=dual']);
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create-private-bridge', '-B', 'stove', '-S', '4');
    await ok(host, 'vnet-start');
    await ok(host, 'vnet-start', '-B', 'stove');
    const beforeCreate = state(host);
    await ok(host, 'create', '-p', 'web', '-b', '13.1', '-N', c.network, '-S', c.stack, ...c.args);
    const beforeStart = state(host);

    await ok(host, 'start', 'web');
    const params = jailParams(host, 'web');
    for (const p of c.params) expect(params).toContain(p);
    expect(params).toContain('osrelease=13.1-RELEASE-p9');
    expect(
      host
        .look('ifconfig', '-g', 'epair')
        .trim()
        .split('\n')
        .filter((l) => l !== ''),
    ).toHaveLength(c.epairs); // the jail sides are inside the jail's vnet
    expect(potFile(host, 'web', 'etc/hosts')).toMatch(/^::1 localhost web\.host\.example\.org\n127\.0\.0\.1 localhost web\.host\.example\.org\n/);
    expect(potFile(host, 'web', 'etc/resolv.conf')).toBe(host.hostFile('/etc/resolv.conf'));
    if (c.network === 'public-bridge' && c.stack !== 'ipv6') expect(potFile(host, 'web', 'etc/rc.conf')).toContain('defaultrouter="10.192.0.1"');
    if (c.network === 'private-bridge') expect(potFile(host, 'web', 'etc/rc.conf')).toMatch(/ifconfig_epair0b="inet 10\.192\.0\.\d+\/29"/);
    if (c.network === 'public-bridge' && c.stack !== 'ipv4') expect(potFile(host, 'web', 'etc/rc.conf')).toContain('rtsold_enable="YES"');
    expect((await ok(host, 'info', '-p', 'web')).stdout).toContain('\tactive : true\n');
    expect((await ok(host, 'show', '-q')).stdout).toBe('web\n');
    expect(readFileSync(path.join(host.tmp, 'pot_status_web'), 'utf8')).toMatch(/^pot\.status=started,/);

    await ok(host, 'stop', 'web');
    expect(state(host)).toBe(beforeStart);
    expect(readFileSync(path.join(host.tmp, 'pot_status_web'), 'utf8')).toBe('pot.status=stopped,\n');
    await ok(host, 'destroy', '-p', 'web');
    expect(state(host)).toBe(beforeCreate);
  });

  it("create -S ipv6 -N private-bridge is refused with shell pot's message, leaving nothing", async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create-private-bridge', '-B', 'stove', '-S', '4');
    const before = state(host);
    const r = await host.pot('create', '-p', 'web', '-b', '13.1', '-N', 'private-bridge', '-B', 'stove', '-S', 'ipv6');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('###>  private-bridge network type is not supported on ipv6 stack only');
    expect(state(host)).toBe(before);
  });

  it('destroy -F stops a running pot first and leaves the host as before create', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'vnet-start');
    const before = state(host);
    await ok(host, 'create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge');
    await ok(host, 'export-ports', '-p', 'web', '-e', '80');
    await ok(host, 'start', 'web');
    expect((await host.pot('destroy', '-p', 'web')).code).toBe(1);
    await ok(host, 'destroy', '-F', '-p', 'web');
    expect(state(host)).toBe(before);
  });
});

describe('DNS modes', () => {
  it.each([
    ['inherit', 'search example.org\nnameserver 192.168.1.1\n'],
    ['off', undefined],
    ['custom', 'nameserver 9.9.9.9\n'],
  ])('-d %s', async (mode, expected) => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    const custom = path.join(host.dir, 'resolv.custom');
    writeFileSync(custom, 'nameserver 9.9.9.9\n');
    await ok(host, 'create', '-p', 'web', '-b', '13.1', '-d', mode === 'custom' ? `custom:${custom}` : mode);
    if (mode === 'custom') expect(readFileSync(path.join(host.fsRoot, 'jails', 'web', 'conf', 'resolv.conf'), 'utf8')).toBe('nameserver 9.9.9.9\n');
    await ok(host, 'start', 'web');
    expect(potFile(host, 'web', 'etc/resolv.conf')).toBe(expected);
    await ok(host, 'stop', 'web');
    expect(readFileSync(path.join(host.fsRoot, 'jails', 'web', 'custom', 'etc', 'hosts'), 'utf8')).toContain('localhost web.host.example.org');
  });

  it('-d custom:FILE needs a readable file; -d pot needs the dns pot', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    const missing = await host.pot('create', '-p', 'web', '-b', '13.1', '-d', 'custom:/nonexistent');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('The file /nonexistent is not valid or readable');
    const nodns = await host.pot('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge', '-d', 'pot');
    expect(nodns.code).toBe(1);
    expect(nodns.stderr).toContain('dns pot not found (dns) - please fix it');
    expect((await host.pot('list', '-q')).stdout).toBe('');
  });
});

describe('a private bridge shared by two pots', () => {
  it("both pots on one host bridge, each in the other's /etc/hosts; stopping one leaves the other", async () => {
    host = createFakeHost(['POT_ISOLATE_VNET_POTS=true']);
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create-private-bridge', '-B', 'stove', '-S', '6');
    await ok(host, 'create', '-p', 'a', '-b', '13.1', '-N', 'private-bridge', '-B', 'stove');
    await ok(host, 'create', '-p', 'b', '-b', '13.1', '-N', 'private-bridge', '-B', 'stove');
    await ok(host, 'start', 'a');
    await ok(host, 'start', 'b');
    const bridges = host.look('ifconfig', '-g', 'bridge').trim().split('\n');
    expect(bridges).toHaveLength(1);
    const members = host
      .look('ifconfig', bridges[0] as string)
      .split('\n')
      .filter((l) => l.includes('member:'));
    expect(members).toHaveLength(2);
    expect(host.effects()).toMatch(/E ifconfig bridge0 addm (p4\S+) private \1\n/);
    for (const pot of ['a', 'b']) {
      const hosts = potFile(host, pot, 'etc/hosts') ?? '';
      expect(hosts).toMatch(/^10\.192\.0\.\d+ a$/m);
      expect(hosts).toMatch(/^10\.192\.0\.\d+ b$/m);
    }
    await ok(host, 'stop', 'a');
    expect((await host.pot('info', '-r', '-p', 'b')).code).toBe(0);
    expect(
      host
        .look('ifconfig', bridges[0] as string)
        .split('\n')
        .filter((l) => l.includes('member:')),
    ).toHaveLength(1);
    await ok(host, 'stop', 'b');
  });
});

describe('start -s, show -v, info -s', () => {
  it("-s snapshots the pot's datasets first; show -v adds the base's usage; info -s lists the snapshot", async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    await ok(host, 'start', '-s', 'web');
    const snap = /E zfs snapshot -r zroot\/pot\/jails\/web@(\d+)\n/.exec(host.effects());
    expect(snap).not.toBeNull();
    expect((await ok(host, 'info', '-s', '-p', 'web')).stdout).toBe(`${snap?.[1]}\n`);
    const show = await ok(host, 'show', '-v', '-p', 'web');
    expect(show.stdout).toMatch(/^pot web\n\tdisk usage      : \S+\n\tbase usage      : \S+\n/);
    expect(JSON.parse((await ok(host, 'show', '--json', '-p', 'web')).stdout).pots).toMatchObject([{ name: 'web', running: true }]);
    await ok(host, 'stop', 'web');
  });
});

describe('a non-persistent pot (the nomad-pot-driver way)', () => {
  it('start lasts as long as the command, passes its output through, and exits 125 when it fails', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'job', '-b', '13.1', '-N', 'public-bridge');
    await ok(host, 'set-attribute', '-p', 'job', '-A', 'persistent', '-V', 'NO');
    host.env.FAKEBSD_JEXEC_OUT = 'hello from the job';
    const done = await ok(host, 'start', 'job');
    expect(done.stdout).toContain('hello from the job\n');
    expect((await ok(host, 'last-run-stats', '-p', 'job')).stdout).toBe('{ "ExitCode": 0 }\n');
    expect((await host.pot('info', '-r', '-p', 'job')).code).toBe(1);
    host.env.FAKEBSD_JEXEC_RC = '7';
    const failed = await host.pot('start', 'job');
    expect(failed.code).toBe(125);
    expect(failed.stderr).toContain('###>  job reported application error');
    expect((await ok(host, 'last-run-stats', '-p', 'job')).stdout).toBe('{ "ExitCode": 7 }\n');
    expect(host.look('ifconfig', '-g', 'epair').trim()).toBe('');
  });
});
