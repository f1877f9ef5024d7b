/**
 * The FreeBSD driver through execa against the fake FreeBSD host: real
 * processes, the fake host's state and its command log.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExecaRunner, createFreeBsdHost, createRecordingRunner, type Host } from '../../src/host/index.js';
import { createTestFakeHost, type TestFakeHost } from './fake-host.js';

const NAT_RULES = 'ext_if = "em0"\nlocalnet = "10.192.0.0/10"\nnat on $ext_if from $localnet to any -> ($ext_if:0)\n';

describe('FreeBSD driver against the fake FreeBSD host', () => {
  let fake: TestFakeHost;
  let host: Host;
  let fsRoot: string;

  beforeEach(() => {
    fake = createTestFakeHost();
    host = createFreeBsdHost({ env: fake.env });
    fsRoot = path.join(fake.work, 'fs');
  });
  afterEach(() => fake.cleanup());

  it('creates and lists datasets, copies a snapshot through a pipe', async () => {
    expect(await host.zfs.exists('zroot/pot')).toBe(false);
    await host.zfs.create('zroot/pot', { mountpoint: fsRoot, canmount: 'off', compression: 'lz4', atime: 'off' });
    for (const child of ['bases', 'jails', 'fscomp']) await host.zfs.create(`zroot/pot/${child}`);
    expect(await host.zfs.exists('zroot/pot')).toBe(true);
    expect(await host.zfs.children('zroot/pot')).toEqual(['zroot/pot/bases', 'zroot/pot/fscomp', 'zroot/pot/jails']);
    expect(await host.zfs.mountpoint('zroot/pot/jails')).toBe(`${fsRoot}/jails`);
    expect(await host.zfs.getProperty('zroot/pot/jails', 'compression')).toBe('lz4');
    expect(await host.zfs.isMounted('zroot/pot/jails')).toBe(true);
    expect(await host.zfs.getProperty('zroot/nope', 'compression')).toBeUndefined();

    await host.zfs.create('zroot/pot/bases/13.1');
    await host.zfs.snapshot('zroot/pot/bases/13.1', '1700000000');
    expect(await host.zfs.snapshots('zroot/pot/bases/13.1')).toEqual(['zroot/pot/bases/13.1@1700000000']);
    await host.zfs.copySnapshot('zroot/pot/bases/13.1@1700000000', 'zroot/pot/jails/web');
    expect(await host.zfs.exists('zroot/pot/jails/web')).toBe(true);

    await expect(host.zfs.create('zroot/missing/child')).rejects.toMatchObject({ code: 'host-command' });

    expect(fake.state('zfs/ds/zroot%pot/p.compression')?.trim()).toBe('lz4');
    expect(fake.calls()).toEqual([
      'Q zfs list -o name -H zroot/pot  #rc=1',
      `E zfs create -o mountpoint=@WORK@/fs -o canmount=off -o compression=lz4 -o atime=off zroot/pot`,
      'E zfs create zroot/pot/bases',
      'E zfs create zroot/pot/jails',
      'E zfs create zroot/pot/fscomp',
      'Q zfs list -o name -H zroot/pot',
      'Q zfs list -H -o name -d 1 zroot/pot',
      'Q zfs list -H -o mountpoint zroot/pot/jails',
      'Q zfs get -Ho value compression zroot/pot/jails',
      'Q zfs get -Ho value mounted zroot/pot/jails',
      'Q zfs get -Ho value compression zroot/nope  #rc=1',
      'E zfs create zroot/pot/bases/13.1',
      'E zfs snapshot zroot/pot/bases/13.1@1700000000',
      'Q zfs list -d 1 -H -t snapshot zroot/pot/bases/13.1',
      'Q zfs send zroot/pot/bases/13.1@1700000000',
      'E zfs receive zroot/pot/jails/web',
      'Q zfs list -o name -H zroot/pot/jails/web',
      'E zfs create zroot/missing/child  #rc=1',
    ]);
  });

  it('builds a bridge with an address, joins an epair, loads and flushes pf anchors', async () => {
    await host.kmod.load('pf');
    expect(await host.sysctl.get('kern.features.vimage')).toBe('1');
    expect(await host.net.bridges()).toEqual([]);
    const bridge = await host.net.createBridge({ description: 'pot public bridge', group: 'pot' });
    expect(bridge).toBe('bridge0');
    await host.net.setAddress(bridge, { family: 'inet', address: '10.192.0.1', netmask: '255.192.0.0' });
    expect(await host.net.bridges()).toEqual(['bridge0']);
    expect(await host.net.addresses(bridge, 'inet')).toEqual([
      { family: 'inet', address: '10.192.0.1', prefixLength: 10, netmask: '255.192.0.0', broadcast: '10.255.255.255' },
    ]);

    const epair = await host.net.createEpair({ description: 'web', group: 'pot' });
    expect(epair).toEqual({ a: 'epair0a', b: 'epair0b' });
    await host.net.rename(epair.a, 'p46b02cb5b7257');
    await host.net.up('p46b02cb5b7257');
    await host.net.addMember(bridge, 'p46b02cb5b7257');
    await expect(host.net.addMember(bridge, 'p46b02cb5b7257')).rejects.toMatchObject({
      code: 'host-command',
      message: expect.stringContaining('File exists'),
    });

    const info = await host.net.show(bridge);
    expect(info).toMatchObject({
      name: 'bridge0',
      up: true,
      description: 'pot public bridge',
      groups: ['bridge', 'pot'],
      members: [{ name: 'p46b02cb5b7257', private: false }],
    });
    // descr and group apply to the side ifconfig names (the host side), as on FreeBSD
    expect(await host.net.inGroup('pot')).toEqual(['bridge0', 'p46b02cb5b7257']);
    expect(await host.net.exists('epair0a')).toBe(false);
    expect(await host.net.show('epair0a')).toBeUndefined();

    // pf: the nat anchor from a file, an rdr anchor from text, flushed again
    const rules = path.join(fake.work, 'pot_pf_nat_rules');
    writeFileSync(rules, NAT_RULES);
    await host.pf.loadAnchor('pot-nat', { file: rules });
    await host.pf.loadAnchor('pot-rdr/web', { rules: 'rdr pass on em0 proto tcp from any to (em0) port 1026 -> 10.192.0.3 port 8080\n' });
    expect(await host.pf.anchors()).toEqual(['pot-nat', 'pot-rdr']);
    expect(await host.pf.anchors('pot-rdr')).toEqual(['pot-rdr/web']);
    expect(await host.pf.natRules('pot-nat')).toEqual(['nat on em0 inet from 10.192.0.0/10 to any -> (em0:0) round-robin']);
    expect(await host.pf.natRules('pot-rdr/web', { numeric: true })).toEqual([
      'rdr pass on em0 inet proto tcp from any to (em0) port = 1026 -> 10.192.0.3 port 8080',
    ]);
    await host.pf.flushAnchor('pot-rdr/web');
    expect(await host.pf.natRules('pot-rdr/web', { numeric: true })).toEqual([]);
    expect(await host.pf.enable()).toMatchObject({ alreadyEnabled: false });
    expect(await host.pf.enable()).toEqual({ alreadyEnabled: true, message: 'pfctl: pf already enabled' });

    // the fake host's state
    expect(fake.state('net/if/bridge0/inet')).toBe('10.192.0.1 10\n');
    expect(fake.state('net/if/bridge0/members')).toBe('p46b02cb5b7257 0x143\n');
    expect(fake.state('net/if/p46b02cb5b7257/peer')).toBe('epair0b\n');
    expect(fake.state('pf/anchors/pot-nat')).toContain('nat on em0 inet from 10.192.0.0/10');
    expect(fake.state('pf/anchors/pot-rdr%web')).toBe('');
    expect(fake.state('pf/enabled')).toBe('1\n');
    expect(fake.state('kld')).toContain('pf');

    // and its log: what changed the host, as the golden logs show it
    expect(fake.effects()).toEqual([
      'E kldload -n pf',
      "E ifconfig bridge create descr 'pot public bridge' group pot",
      'E ifconfig bridge0 inet 10.192.0.1 netmask 255.192.0.0',
      'E ifconfig epair create descr web group pot',
      'E ifconfig epair0a name p46b02cb5b7257',
      'E ifconfig p46b02cb5b7257 up',
      'E ifconfig bridge0 addm p46b02cb5b7257',
      'E ifconfig bridge0 addm p46b02cb5b7257  #rc=1',
      'E pfctl -a pot-nat -f @WORK@/pot_pf_nat_rules',
      '    | ext_if = "em0"',
      '    | localnet = "10.192.0.0/10"',
      '    | nat on $ext_if from $localnet to any -> ($ext_if:0)',
      'E pfctl -a pot-rdr/web -f -',
      '    | rdr pass on em0 proto tcp from any to (em0) port 1026 -> 10.192.0.3 port 8080',
      'E pfctl -a pot-rdr/web -F nat -q',
      'E pfctl -e',
      'E pfctl -e  #rc=1',
    ]);
  });

  it('starts, lists, runs in and removes a jail; mounts; rc knobs; syslog', async () => {
    const root = path.join(fake.work, 'jails', 'web', 'm');
    mkdirSync(path.join(root, 'tmp'), { recursive: true });
    const epair = await host.net.createEpair({ description: 'web', group: 'pot' });
    await host.jails.start([
      'allow.set_hostname=false',
      'mount.devfs',
      'name=web',
      'host.hostname=web.host.example.org',
      `path=${root}`,
      'persist',
      'vnet',
      `vnet.interface=${epair.b}`,
      "exec.start=sh -c 'sleep 1234&'",
    ]);
    expect(await host.jails.isRunning('web')).toBe(true);
    expect(await host.jails.isRunning('db')).toBe(false);
    const jid = await host.jails.jid('web');
    expect(jid).toBeGreaterThan(0);
    expect(await host.jails.running()).toEqual(new Set(['web']));
    expect(await host.net.exists(epair.b)).toBe(false); // moved into the vnet jail

    await host.mounts.tmpfs(path.join(root, 'tmp'));
    expect(await host.mounts.isMounted(path.join(root, 'tmp'))).toBe(true);
    expect((await host.mounts.list()).find((m) => m.target === `${root}/dev`)).toMatchObject({ type: 'devfs' });
    await host.mounts.unmount(path.join(root, 'tmp'), { force: true });
    expect(await host.mounts.isMounted(path.join(root, 'tmp'))).toBe(false);

    await host.jails.remove('web', { stopTimeout: 10 });
    expect(await host.jails.isRunning('web')).toBe(false);
    expect(await host.jails.running()).toEqual(new Set());

    expect(await host.rc.get('pf_rules')).toBe('/etc/pf.conf');
    await host.rc.set('syslogd_flags', '-b 127.0.0.1', { quiet: true });
    expect(await host.rc.get('syslogd_flags')).toBe('-b 127.0.0.1');
    expect(await host.files.read('/etc/rc.conf')).toContain('syslogd_flags="-b 127.0.0.1"');
    await host.log.syslog('pot-start web', { facility: 'local2' });

    expect(await host.system.uid()).toBe(0);
    expect(await host.system.groupExists('pot')).toBe(true);
    expect(await host.system.groupExists('nogroup-here')).toBe(false);
    expect(await host.system.hostname()).toBe('host.example.org');

    const effects = fake.effects();
    expect(effects).toContain(
      `E jail -c allow.set_hostname=false mount.devfs name=web host.hostname=web.host.example.org path=@WORK@/jails/web/m persist vnet vnet.interface=epair0b 'exec.start=sh -c '\\''sleep 1234&'\\'''`,
    );
    expect(effects.slice(effects.indexOf('E jail -f- -q -r web'))).toEqual([
      'E jail -f- -q -r web',
      '    | web {',
      '    |   stop.timeout=10;',
      '    | }',
      "E sysrc -q 'syslogd_flags=-b 127.0.0.1'",
      "E logger -p local2.info -t pot 'pot-start web'",
    ]);
  });

  it('dry-run runs the queries against the host and prints the same commands a recording runner records', async () => {
    const printed: string[] = [];
    const dry = createFreeBsdHost({ env: fake.env, dryRun: true, print: (l) => printed.push(l) });
    const scenario = async (h: Host): Promise<void> => {
      if (!(await h.zfs.exists('zroot/pot'))) await h.zfs.create('zroot/pot', { canmount: 'off' });
      if ((await h.net.bridges()).length === 0) {
        const br = await h.net.createBridge({ description: 'pot public bridge', group: 'pot' });
        await h.net.setAddress(br, { family: 'inet', address: '10.192.0.1', netmask: '255.192.0.0' });
      }
      await h.pf.loadAnchor('pot-nat', { rules: NAT_RULES });
    };
    await scenario(dry);
    expect(fake.effects()).toEqual([]); // nothing changed on the host
    expect(fake.calls()).toEqual(['Q zfs list -o name -H zroot/pot  #rc=1', 'Q ifconfig -g bridge']);

    // the recording runner in dry-run mode (queries delegated to the host) records the same plan
    const dryRec = createRecordingRunner({ delegate: createExecaRunner({ env: fake.env }), dryRun: true });
    await scenario(createFreeBsdHost({ env: fake.env, runner: dryRec }));
    expect(printed).toEqual(dryRec.plan());
    expect(printed).toEqual([
      'zfs create -o canmount=off zroot/pot',
      "ifconfig bridge create descr 'pot public bridge' group pot",
      'ifconfig bridgeN inet 10.192.0.1 netmask 255.192.0.0',
      'pfctl -a pot-nat -f -',
      '    | ext_if = "em0"',
      '    | localnet = "10.192.0.0/10"',
      '    | nat on $ext_if from $localnet to any -> ($ext_if:0)',
    ]);
    expect(fake.effects()).toEqual([]);

    // a real run, recorded: the same commands, with the name the host chose for the bridge
    const rec = createRecordingRunner({ delegate: createExecaRunner({ env: fake.env }) });
    await scenario(createFreeBsdHost({ env: fake.env, runner: rec }));
    expect(rec.plan()).toEqual(printed.map((l) => l.replace('bridgeN', 'bridge0')));
    expect(fake.effects().filter((l) => l.startsWith('E '))).toEqual(
      printed.filter((l) => !l.startsWith(' ')).map((l) => `E ${l.replace('bridgeN', 'bridge0')}`),
    );
  });
});
