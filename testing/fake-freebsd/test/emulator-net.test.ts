/**
 * ifconfig, route, pfctl and sockstat in process against their bash stand-ins: every form,
 * output format and error, and the sequences pot runs (vnet-start, a pot's start and stop).
 */
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DiffHosts, diffHosts } from './differential.ts';

/** pf as `pot init` leaves it (host_pot_root without its datasets, whose shadow names hold the host's path). */
const POT_PF = ['host_pf_conf', 'host_pf loaded'];

/**
 * Two hosts for the differential calls. The bash stand-ins' state lock ($FAKEBSD_STATE/.lock,
 * which only fb_run creates) is made on both, so that the trees compare what the commands do.
 */
function hosts(setup: string[]): DiffHosts {
  const h = diffHosts({ setup });
  onBoth(h, '.lock', '');
  return h;
}

/** Writes (or removes) the same state file on both hosts, as another stand-in would. */
function onBoth(h: DiffHosts, rel: string, content: string | undefined): void {
  h.both((host) => {
    const f = path.join(host.stateDir, rel);
    if (content === undefined) rmSync(f, { force: true });
    else writeFileSync(f, content);
  });
}

const NAT_RULES = [
  'ext_if = "em0"',
  'localnet = "10.192.0.0/10"',
  'nat on $ext_if from $localnet to any -> ($ext_if:0)',
  'nat on vlan20 from $localnet to 10.1.0.0/24 -> (vlan20:0)',
  '',
].join('\n');

describe('ifconfig', () => {
  let h: DiffHosts;
  beforeAll(() => {
    h = hosts(['host_iface vlan20 10.1.0.1/24', 'host_iface tun0', 'host_iface_addr em0 inet6 fe80::a0:98ff:fe00:1 64']);
  });
  afterAll(() => h.cleanup());

  it('lists and shows interfaces in every format', () => {
    for (const argv of [
      [],
      ['-a'],
      ['-a', 'inet'],
      ['-a', 'inet6'],
      ['-a', 'ether'],
      ['-l'],
      ['-g', 'lo'],
      ['-g', 'bridge'],
      ['-g'],
      ['-g', ''],
      ['-x'],
      ['-'],
      ['lo0'],
      ['em0'],
      ['em0', 'inet'],
      ['em0', 'inet6'],
      ['vlan20'],
      ['nosuch'],
      ['nosuch', 'up'],
      ['nosuch', 'inet'],
      ['em0/x'],
      [''],
    ]) {
      h.call(['ifconfig', ...argv], { env: { IFCONFIG_FORMAT: 'addr:default' } });
    }
    h.expectSameTree();
  });

  it('assigns and removes addresses in every form', () => {
    for (const argv of [
      ['em0', 'inet', '10.1.2.3', 'netmask', '255.255.0.0', 'alias'],
      ['em0', 'inet', '10.1.2.4/24', 'alias'],
      ['em0', 'inet', '10.1.2.4/24', 'alias'],
      ['em0', 'inet', '172.16.0.1', 'add'],
      ['em0', 'inet', '200.1.1.1', 'alias'],
      ['em0', 'inet', '10.0.0.1', 'netmask', '0xffffff00', 'broadcast', '10.0.0.255', 'alias'],
      ['em0', 'inet', '10.0.0.9', 'prefixlen', '31', 'alias'],
      ['em0', 'inet', '10.0.0.10/32', 'alias'],
      ['em0', 'inet', '010.0.0.11', 'alias'],
      ['em0', 'inet', '10.0.0.12', 'netmask', 'foo', 'alias'],
      ['em0', 'inet', '10.0.0.13', 'netmask', '255.x.0.0', 'alias'],
      ['em0'],
      ['em0', 'inet', '10.1.2.3', '-alias'],
      ['em0', 'inet', '10.1.2.3', '-alias'],
      ['em0', 'inet', '10.1.2.4', 'delete'],
      ['em0', 'inet', '10.0.0.1', 'remove'],
      ['em0', 'inet', '1.2.3', 'alias'],
      ['em0', 'inet', '1.2.3.4', '10.0.0.2'],
      ['em0', '192.168.1.20/24'],
      ['em0', '10.9.9.9'],
      ['em0', 'inet6', 'fd00::1/48', 'alias'],
      ['em0', 'inet6', 'fd00::2', 'prefixlen', '56'],
      ['em0', 'inet6', 'fe80::2'],
      ['em0', 'inet6', 'fd00::1', '-alias'],
      ['em0', 'inet6', 'fd00::99', '-alias'],
      ['em0', 'inet6', 'up'],
      ['em0', 'inet'],
      ['em0', 'inet6'],
      ['em0'],
      ['tun0', 'inet', '10.8.0.1/24', 'up'],
      ['tun0'],
      ['lo0', 'inet', '127.0.0.2/8', 'alias'],
      ['lo0', 'inet'],
      ['-a', 'inet'],
    ]) {
      h.call(['ifconfig', ...argv]);
    }
    h.expectSameTree();
  });

  it('applies flags, names, descriptions, groups and nd6 options left to right', () => {
    for (const argv of [
      ['em0', 'down'],
      ['em0'],
      ['em0', 'up', 'mtu', '9000'],
      ['em0', 'descr', 'uplink port'],
      ['em0', 'description', 'uplink'],
      ['em0'],
      ['em0', '-descr'],
      ['em0', 'descr'],
      ['em0'],
      ['em0', '-description'],
      ['em0', 'group', 'g1', 'group', 'g2', 'group', 'g1'],
      ['-g', 'g1'],
      ['em0', '-group', 'g1'],
      ['-g', 'g1'],
      ['em0', 'accept_rtadv', '-auto_linklocal', 'ifdisabled', '-ifdisabled', 'performnud'],
      ['em0', '-accept_rtadv', 'auto_linklocal', '-performnud'],
      ['em0'],
      ['em0', 'frob'],
      ['em0', 'up', 'frob', 'down'],
      ['em0', 'name'],
      ['em0', 'name', 'lo0'],
      ['em0', 'name', ''],
      ['em0', 'destroy'],
      ['lo0', 'create'],
      ['em0', 'vnet', 'web'],
      ['vlan20', 'name', 'vlan21', 'up'],
      ['vlan21'],
      ['vlan21', 'destroy', 'frob'],
      ['-l'],
    ]) {
      h.call(['ifconfig', ...argv]);
    }
    h.expectSameTree();
  });

  it('clones bridges and epairs, manages members and destroys them', () => {
    for (const argv of [
      ['bridge', 'create'],
      ['bridge', 'create', 'descr', 'pot bridge', 'group', 'pot'],
      ['epair', 'create'],
      ['epair', 'create', 'up'],
      ['epair', 'create', 'frob'],
      ['bridge0', 'addm', 'epair0a'],
      ['bridge0', 'addm', 'epair0a'],
      ['bridge0', 'addm', 'nosuch'],
      ['bridge0', 'addm'],
      ['bridge0', 'addm', 'epair1a', 'private', 'epair1a', 'up'],
      ['bridge0', 'addm', 'em0'],
      ['bridge0'],
      ['epair0a'],
      ['em0'],
      ['bridge0', '-private', 'epair1a'],
      ['bridge0', 'private', 'nosuch'],
      ['em0', 'private', 'epair1a'],
      ['bridge0', 'deletem', 'nosuch'],
      ['em0', 'deletem', 'epair0a'],
      ['em0', 'addm', 'epair2a'],
      ['em0'],
      ['epair2a'],
      ['bridge0', 'deletem', 'epair0a'],
      ['epair0a', 'name', 'p4web'],
      ['bridge1', 'addm', 'p4web', 'addm', 'epair0b'],
      ['bridge1'],
      ['epair0b', 'destroy'],
      ['bridge1'],
      ['epair', 'create'],
      ['bridge0', 'destroy'],
      ['epair2b', 'name', 'no/such'],
      ['bridge', 'create'],
      ['-g', 'bridge'],
      ['-g', 'epair'],
      ['-g', 'pot'],
      ['-l'],
      ['-a'],
    ]) {
      h.call(['ifconfig', ...argv]);
    }
    h.expectSameTree();
  });
});

describe('a pot network on the host', () => {
  let h: DiffHosts;
  beforeAll(() => {
    h = hosts([...POT_PF, 'host_iface vlan20 10.1.0.1/24']);
  });
  afterAll(() => h.cleanup());

  it('vnet-start: bridge, gateway address, NAT anchor', () => {
    h.call(['ifconfig', '-g', 'bridge']);
    h.call(['ifconfig', 'bridge', 'create', 'descr', 'pot-ipv4', 'group', 'pot']);
    h.call(['ifconfig', 'bridge0', 'inet', '10.192.0.1/10']);
    h.call(['ifconfig', 'bridge0', 'up']);
    h.call(['ifconfig', 'bridge0', 'inet']);
    h.call(['pfctl', '-s', 'info']);
    h.call(['pfctl', '-e']);
    h.call(['pfctl', '-a', 'pot-nat', '-f', '-'], { input: NAT_RULES });
    h.call(['pfctl', '-s', 'nat', '-a', 'pot-nat']);
    h.call(['pfctl', '-a', 'pot-nat', '-s', 'nat', '-P']);
    h.call(['pfctl', '-s', 'Anchors']);
    h.call(['pfctl', '-a', 'pot-rdr', '-s', 'Anchors']);
    h.expectSameTree();
  });

  it('a pot start and stop: epair, rename, bridge member, vnet jail, rdr anchor', () => {
    h.call(['ifconfig', 'epair', 'create']);
    h.call(['ifconfig', 'epair0a', 'name', 'p4web']);
    h.call(['ifconfig', 'p4web', 'up']);
    h.call(['ifconfig', 'bridge0', 'addm', 'p4web']);
    h.call(['ifconfig', 'epair0b', 'inet', '10.192.0.3/10']);
    // jail -c … vnet.interface=epair0b (the jails stand-in) marks it so: no longer the host's
    onBoth(h, 'net/if/epair0b/vnet', 'web\n');
    h.call(['ifconfig', 'epair0b']);
    h.call(['ifconfig', 'epair0b', 'up']);
    h.call(['ifconfig', '-l']);
    h.call(['ifconfig', '-g', 'epair']);
    h.call(['ifconfig', '-a']);
    h.call(['ifconfig', 'p4web', 'vnet', 'web']);
    h.call(['ifconfig', 'bridge0']);
    h.call(['pfctl', '-a', 'pot-rdr/web', '-f', '-'], {
      input:
        'rdr pass on em0 proto tcp from any to (em0) port 8080 -> 10.192.0.3 port 80\nrdr pass on vlan20 proto udp from any to (vlan20) port 5353 -> 10.192.0.3 port 53\n',
    });
    h.call(['pfctl', '-s', 'nat', '-a', 'pot-rdr/web']);
    h.call(['pfctl', '-a', 'pot-rdr/web', '-s', 'nat', '-P']);
    h.call(['pfctl', '-s', 'Anchors']);
    h.call(['pfctl', '-a', 'pot-rdr', '-s', 'Anchors']);
    h.call(['sockstat', '-p', '8000-8100', '-4l']);
    // stop: the jail gives the interface back, pot destroys the epair
    onBoth(h, 'net/if/epair0b/vnet', undefined);
    h.call(['pfctl', '-a', 'pot-rdr/web', '-F', 'nat', '-q']);
    h.call(['ifconfig', 'p4web', 'destroy']);
    h.call(['ifconfig', 'bridge0']);
    h.call(['pfctl', '-a', 'pot-rdr', '-s', 'Anchors']);
    h.call(['pfctl', '-a', 'pot-rdr/web', '-s', 'nat']);
    h.call(['ifconfig', '-l']);
    h.expectSameTree();
  });
});

describe('pfctl', () => {
  let h: DiffHosts;
  beforeAll(() => {
    h = hosts(POT_PF);
    for (const host of [h.bash, h.emu]) {
      writeFileSync(
        path.join(host.dir, 'rules.conf'),
        [
          '# pot rules',
          '  ',
          'ext_if\t= "em0"',
          'ext_addr = "192.168.1.10"  ',
          'ext = "wrong"',
          'localnet="10.192.0.0/10"',
          'nat on $ext_if from $localnet to any -> $ext_addr',
          '  nat   on\tem0 from 10.192.0.0/10 to any -> (em0:0)',
          'nat on em0 inet from 10.192.0.0/10 to any -> (em0)',
          'rdr pass on em0 proto tcp from any to (em0) port 8080 -> 10.192.0.3 port 80',
          'rdr pass on em0 proto tcp from any to (em0) port http -> 10.192.0.3 port 80',
          'rdr on em0 inet6 proto tcp from any to fd00::1 port 80 -> fd00::3',
          'rdr on em0 proto tcp from any to fd00::1 port 80 -> fd00::3 port 8080',
          'binat on em0 from 10.192.0.3 to any -> 192.168.1.11',
          'pass all # not nat',
          'rdr-anchor "pot-rdr/*"',
          'nat on em0 from any to any -> 1.2.3.4 # comment',
          'rdr pass on em0 proto tcp from any to (em0) port 8080',
        ].join('\n'),
      );
    }
  });
  afterAll(() => h.cleanup());

  it('loads rules from files and standard input and renders them', () => {
    h.call(['pfctl', '-a', 'mine', '-f', 'rules.conf']);
    h.call(['pfctl', '-a', 'mine', '-s', 'nat']);
    h.call(['pfctl', '-a', 'mine', '-f', 'nosuch.conf']);
    h.call(['pfctl', '-a', 'mine', '-f', 'hostroot']);
    h.call(['pfctl', '-a', 'mine', '-s', 'nat']);
    h.call(['pfctl', '-a', 'empty', '-f', '-'], { input: '' });
    h.call(['pfctl', '-a', 'blank', '-f', '-'], { input: '\n\n# only comments\n\n' });
    h.call(['pfctl', '-s', 'Anchors']);
    h.call(['pfctl', '-f', 'hostroot/etc/pf.conf']);
    h.call(['pfctl', '-s', 'nat']);
    h.call(['pfctl', '-f', '-'], { input: 'nat-anchor "pot-nat"\nbinat-anchor x/y/*\nanchor "deep/er/still"\nrdr-anchor "pot-rdr/*"\n' });
    h.call(['pfctl', '-s', 'Anchors']);
    h.call(['pfctl', '-a', 'deep', '-s', 'Anchors']);
    h.call(['pfctl', '-a', 'deep/er', '-s', 'Anchors']);
    h.call(['pfctl', '-a', 'deep/er/still', '-s', 'nat']);
    h.call(['pfctl', '-a', 'x', '-s', 'A']);
    h.call(['pfctl', '-a', 'nosuch', '-s', 'Anchors']);
    h.call(['pfctl', '-a', 'nosuch', '-s', 'nat']);
    h.call(['pfctl', '-a', 'p.t-nat', '-s', 'n']);
    h.call(['pfctl', '-a', 'pot-*', '-s', 'nat']);
    h.call(['pfctl', '-a', 'a[b', '-s', 'nat']);
    h.call(['pfctl', '-a', 'a\\', '-s', 'Anchors']);
    h.call(['pfctl', '-a', 'a\\(', '-s', 'Anchors']);
    for (const bad of ['a\\{1', 'a\\{x\\}', '[[:foo:]]x', 'a\\1', 'x\\)']) h.call(['pfctl', '-a', bad, '-s', 'nat']);
    h.call(['pfctl', '-a', '[[:alpha:]]ot-nat', '-s', 'nat']);
    h.call(['pfctl', '-a', 'po\\(t\\)-n\\{1\\}at', '-s', 'Anchors']);
    h.call(['pfctl', '-s', 'nat', '-a', 'mine', '-f', '-'], { input: 'rdr on em0 proto tcp from any to any port 1 -> 10.0.0.1\n' });
    h.expectSameTree();
  });

  it('flushes, enables and disables, checks anchor names and options', () => {
    const long = 'x'.repeat(64);
    for (const c of [
      ['-a', 'mine', '-F', 'nat'],
      ['-a', 'mine', '-s', 'nat'],
      ['-a', 'mine', '-F', 'all', '-q'],
      ['-a', 'never', '-F', 'a'],
      ['-F', 'rules'],
      ['-F', 'Tables', '-q'],
      ['-F', 'n', '-q'],
      ['-s', 'nat'],
      ['-s', 'rules'],
      ['-e'],
      ['-d'],
      ['-d'],
      ['-e', '-d'],
      ['-d', '-e'],
      ['-e', '-e'],
      ['-a', long, '-F', 'nat'],
      ['-a', `pot-rdr/${long}`, '-s', 'nat'],
      ['-a', `${'y'.repeat(63)}/ok`, '-s', 'nat'],
      ['-a', `ok\n${long}`, '-s', 'nat'],
      ['-Z'],
      ['-a'],
      ['-qvnNrgzP', '-s', 'Anchors'],
      ['-s', 'Anchors', 'extra', '-e'],
      ['--', '-e'],
      ['-a', '', '-s', 'Anchors'],
      ['-f', ''],
    ]) {
      h.call(['pfctl', ...c]);
    }
    h.call(['pfctl', '-a', long, '-f', '-'], { input: 'nat on em0 from any to any -> (em0)\n' });
    h.expectSameTree();
  });
});

describe('sockstat and route', () => {
  let h: DiffHosts;
  beforeAll(() => {
    h = hosts(['host_listen tcp4 8080 nginx', 'host_listen tcp6 8443', 'host_listen udp4 5353 mdnsd']);
    for (const host of [h.bash, h.emu]) {
      writeFileSync(
        path.join(host.stateDir, 'sockstat'),
        'www      nginx      901   6   tcp4   10.0.0.1:8081         10.0.0.9:5000\nshort line\nroot x 1 2 tcp46 *:0x1F90 *:*\n',
        { flag: 'a' },
      );
    }
  });
  afterAll(() => h.cleanup());

  it('lists sockets by family, state and port', () => {
    for (const argv of [
      [],
      ['-4l'],
      ['-4'],
      ['-6'],
      ['-46'],
      ['-l'],
      ['-p', '22'],
      ['-p', '8000-8100', '-4l'],
      ['-p22,514,8443'],
      ['-p', '-600'],
      ['-p', '8080-'],
      ['-p', '8080'],
      ['-p', '8080,'],
      ['-cLuvsw', '-P', 'tcp', '-j', 'web'],
      ['-x'],
      ['-p'],
    ]) {
      h.call(['sockstat', ...argv]);
    }
    rmSync(path.join(h.bash.stateDir, 'sockstat'));
    rmSync(path.join(h.emu.stateDir, 'sockstat'));
    h.call(['sockstat', '-4l']);
    h.expectSameTree();
  });

  it('route records changes', () => {
    for (const argv of [
      ['add', 'default', '192.168.1.1'],
      ['delete', 'default'],
      ['change', '10.0.0.0/8', '10.1.1.1'],
      ['add', '-net', '10.0.0.0/8', '10.1.1.1'],
      ['get', 'default'],
      [],
    ]) {
      h.call(['route', ...argv]);
    }
    h.expectSameTree();
  });
});

it('the emulated commands are these four', async () => {
  const { commands } = await import('../src/emulator/commands/net.ts');
  expect(Object.keys(commands).sort()).toEqual(['ifconfig', 'pfctl', 'route', 'sockstat']);
});
