import { mkdtempSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  createDryRunRunner,
  createFreeBsdHost,
  createRecordingRunner,
  formatLogLines,
  hostToolEnv,
  DEFAULT_PATH,
  type Host,
  type RecordingRunner,
} from '../../src/host/index.js';
import { isPotError } from '../../src/errors/pot-error.js';

function recorded(responses?: Parameters<typeof createRecordingRunner>[0]['responses']): { host: Host; rec: RecordingRunner } {
  const rec = createRecordingRunner(responses === undefined ? {} : { responses });
  return { host: createFreeBsdHost({ runner: rec, hostRoot: '/nonexistent' }), rec };
}

const log = (rec: RecordingRunner): string[] => rec.commands.flatMap((c) => formatLogLines(c.command, c.result));

/** The vnet-start steps of golden/vnet-start/commands.log, through the seam. */
async function vnetStart(host: Host, rulesFile: string): Promise<void> {
  await host.log.syslog('pot-vnet-start ', { facility: 'local2' });
  await host.sysctl.set('net.inet.ip.forwarding', '1');
  const bridges = await host.net.bridges();
  let found = false;
  for (const b of bridges) if ((await host.net.addresses(b, 'inet'))?.some((a) => a.address === '10.192.0.1')) found = true;
  if (!found) {
    const br = await host.net.createBridge({ description: 'pot public bridge', group: 'pot' });
    await host.net.setAddress(br, { family: 'inet', address: '10.192.0.1', netmask: '255.192.0.0' });
  }
  await host.kmod.load('pf');
  await host.rc.get('pf_rules');
  await host.pf.anchors();
  await host.pf.anchors();
  await host.pf.loadAnchor('pot-nat', { file: rulesFile });
  await host.pf.enable();
}

describe('FreeBSD driver: the argv shell pot issues', () => {
  it('vnet-start on a fresh host matches golden/vnet-start', async () => {
    const { host, rec } = recorded({
      'ifconfig bridge create': { stdout: 'bridge0\n' },
      'pfctl -e': { exitCode: 1, stderr: 'pfctl: pf already enabled\n' },
    });
    const dir = mkdtempSync(path.join(tmpdir(), 'pot-host-'));
    const rules = path.join(dir, 'pot_pf_nat_rules');
    writeFileSync(rules, 'ext_if = "em0"\nlocalnet = "10.192.0.0/10"\nnat on $ext_if from $localnet to any -> ($ext_if:0)\n');
    await vnetStart(host, rules);
    expect(log(rec).map((l) => l.split(rules).join('@TMP@/pot_pf_nat_rules'))).toEqual([
      "E logger -p local2.info -t pot 'pot-vnet-start '",
      'E sysctl -qn net.inet.ip.forwarding=1',
      'Q ifconfig -g bridge',
      "E ifconfig bridge create descr 'pot public bridge' group pot",
      'E ifconfig bridge0 inet 10.192.0.1 netmask 255.192.0.0',
      'E kldload -n pf',
      'Q sysrc -n pf_rules',
      'Q pfctl -s Anchors',
      'Q pfctl -s Anchors',
      'E pfctl -a pot-nat -f @TMP@/pot_pf_nat_rules',
      '    | ext_if = "em0"',
      '    | localnet = "10.192.0.0/10"',
      '    | nat on $ext_if from $localnet to any -> ($ext_if:0)',
      'E pfctl -e  #rc=1',
    ]);
  });

  it('init, create and start steps match the golden lines', async () => {
    const { host, rec } = recorded({
      'zfs list -o name -H zroot/pot': { exitCode: 1 },
      'ifconfig epair create': { stdout: 'epair0a\n' },
      'zfs get -o property all': { stdout: 'PROPERTY\nname\nencryption\n' },
    });
    expect(await host.zfs.exists('zroot/pot')).toBe(false);
    await host.zfs.create('zroot/pot', { mountpoint: '/opt/pot', canmount: 'off', compression: 'lz4', atime: 'off' });
    await host.zfs.isMounted('zroot/pot/bases');
    await host.zfs.mountpoint('zroot/pot/cache');
    expect(await host.zfs.propertyNames('zroot/pot')).toEqual(['name', 'encryption']);
    await host.zfs.copySnapshot('zroot/pot/bases/13.1/usr.local@1700000000', 'zroot/pot/jails/web/usr.local', {
      excludeProperties: ['encryption'],
    });
    await host.zfs.destroy('zroot/pot/jails/web/usr.local@1700000000');
    await host.zfs.snapshots('zroot/pot/bases/13.1/custom');
    await host.jails.isRunning('web');
    expect(await host.sysctl.get('kern.features.vimage')).toBe('');
    await host.mounts.bind('/opt/pot/bases/13.1', '/opt/pot/jails/web/m');
    await host.zfs.setProperty('zroot/pot/jails/web/usr.local', 'mountpoint', '/opt/pot/jails/web/m/usr/local');
    await host.mounts.tmpfs('/opt/pot/jails/web/m/tmp');
    const ep = await host.net.createEpair({ description: 'web', group: 'pot' });
    expect(ep).toEqual({ a: 'epair0a', b: 'epair0b' });
    await host.net.rename(ep.a, 'p46b02cb5b7257');
    await host.net.up('p46b02cb5b7257');
    await host.net.addMember('bridge0', 'p46b02cb5b7257');
    await host.rc.set('defaultrouter', '10.192.0.1', { file: '/opt/pot/jails/web/m/etc/rc.conf' });
    await host.rc.set('syslogd_flags', '-b 127.0.0.1 -b 10.192.0.1 -a 10.192.0.0/10', { quiet: true });
    await host.jails.start(['name=web', 'persist', 'vnet', 'vnet.interface=epair0b', "exec.start=sh -c 'sleep 1234&'"]);
    await host.jails.exec('web', ['sh', '/etc/rc']);
    await host.jails.killMatching('web', '^sleep 1234$');
    await host.sysctl.get('kern.racct.enable', { quiet: true });
    await host.jails.remove('web', { stopTimeout: 10 });
    await host.net.destroy('p46b02cb5b7257');
    await host.pf.flushAnchor('pot-rdr/web');
    await host.mounts.unmount('/opt/pot/jails/web/m/tmp', { force: true });
    await host.net.up('bridge1', { inet6: true });
    await host.net.addMember('bridge1', 'em0');
    await host.net.setAddress('bridge2', { family: 'inet', address: '10.192.0.17', prefixLength: 29 });
    await host.net.removeAddress('em0', 'inet', '192.168.1.50');
    await host.zfs.snapshot('zroot/pot/jails/web', '1700000001', { recursive: true });
    await host.pf.natRules('pot-nat');
    await host.pf.natRules('pot-rdr/web', { numeric: true });
    expect(log(rec)).toEqual([
      'Q zfs list -o name -H zroot/pot  #rc=1',
      'E zfs create -o mountpoint=/opt/pot -o canmount=off -o compression=lz4 -o atime=off zroot/pot',
      'Q zfs get -Ho value mounted zroot/pot/bases',
      'Q zfs list -H -o mountpoint zroot/pot/cache',
      'Q zfs get -o property all zroot/pot',
      'Q zfs send zroot/pot/bases/13.1/usr.local@1700000000',
      'E zfs receive -x encryption zroot/pot/jails/web/usr.local',
      'E zfs destroy zroot/pot/jails/web/usr.local@1700000000',
      'Q zfs list -d 1 -H -t snapshot zroot/pot/bases/13.1/custom',
      'Q jls -j web',
      'Q sysctl -n kern.features.vimage',
      'E mount_nullfs -o ro /opt/pot/bases/13.1 /opt/pot/jails/web/m',
      'E zfs set mountpoint=/opt/pot/jails/web/m/usr/local zroot/pot/jails/web/usr.local',
      'E mount -t tmpfs tmpfs /opt/pot/jails/web/m/tmp',
      'E ifconfig epair create descr web group pot',
      'E ifconfig epair0a name p46b02cb5b7257',
      'E ifconfig p46b02cb5b7257 up',
      'E ifconfig bridge0 addm p46b02cb5b7257',
      'E sysrc -f /opt/pot/jails/web/m/etc/rc.conf defaultrouter=10.192.0.1',
      "E sysrc -q 'syslogd_flags=-b 127.0.0.1 -b 10.192.0.1 -a 10.192.0.0/10'",
      "E jail -c name=web persist vnet vnet.interface=epair0b 'exec.start=sh -c '\\''sleep 1234&'\\'''",
      'E jexec web sh /etc/rc',
      "E pkill -f -j web '^sleep 1234$'",
      'Q sysctl -qn kern.racct.enable',
      'E jail -f- -q -r web',
      '    | web {',
      '    |   stop.timeout=10;',
      '    | }',
      'E ifconfig p46b02cb5b7257 destroy',
      'E pfctl -a pot-rdr/web -F nat -q',
      'E umount -f /opt/pot/jails/web/m/tmp',
      'E ifconfig bridge1 inet6 up',
      'E ifconfig bridge1 addm em0',
      'E ifconfig bridge2 inet 10.192.0.17/29',
      'E ifconfig em0 inet 192.168.1.50 -alias',
      'E zfs snapshot -r zroot/pot/jails/web@1700000001',
      'Q pfctl -s nat -a pot-nat',
      'Q pfctl -a pot-rdr/web -s nat -P',
    ]);
  });

  it('fails with a host-command PotError keeping exit status, stderr and the command', async () => {
    const { host } = recorded({ 'zfs create': { exitCode: 1, stderr: "cannot create 'zroot/x': parent does not exist\n" } });
    const err = await host.zfs.create('zroot/x').catch((e: unknown) => e);
    expect(isPotError(err)).toBe(true);
    if (!isPotError(err)) return;
    expect(err.code).toBe('host-command');
    expect(err.message).toContain('zfs create zroot/x failed (exit 1)');
    expect(err.details).toContainEqual({ path: 'stderr', message: "cannot create 'zroot/x': parent does not exist" });
    expect(err.details).toContainEqual({ path: 'exitCode', message: '1' });
  });

  it('refuses names that a tool would read as options', async () => {
    const { host, rec } = recorded();
    await expect(host.jails.isRunning('-rf')).rejects.toMatchObject({ code: 'invalid-name' });
    await expect(host.zfs.destroy('-r')).rejects.toMatchObject({ code: 'invalid-name' });
    expect(rec.commands).toEqual([]);
  });

  it('answers probes from exit codes and parses query output', async () => {
    const { host } = recorded({
      'jls -j web': { exitCode: 1, stderr: 'jls: jail "web" not found' },
      'jls -j db jid': { stdout: '7\n' },
      'ifconfig -g bridge': { stdout: 'bridge0\nbridge1\n' },
      'ifconfig bridge0 inet': { stdout: 'bridge0: flags=8843<UP> metric 0 mtu 1500\n\tinet 10.192.0.1 netmask 0xffc00000 broadcast 10.255.255.255\n' },
      'pfctl -s Anchors': { stdout: '  pot-nat\n  pot-rdr\n' },
      'pfctl -e': { exitCode: 1, stderr: 'pfctl: pf already enabled\n' },
      'sysrc -n pf_rules': { stdout: '/etc/pf.conf\n' },
      'sysrc -n nope': { exitCode: 1 },
    });
    expect(await host.jails.isRunning('web')).toBe(false);
    expect(await host.jails.jid('db')).toBe(7);
    expect(await host.net.bridges()).toEqual(['bridge0', 'bridge1']);
    expect(await host.net.addresses('bridge0', 'inet')).toEqual([
      { family: 'inet', address: '10.192.0.1', prefixLength: 10, netmask: '255.192.0.0', broadcast: '10.255.255.255' },
    ]);
    expect(await host.pf.anchors()).toEqual(['pot-nat', 'pot-rdr']);
    expect(await host.pf.enable()).toEqual({ alreadyEnabled: true, message: 'pfctl: pf already enabled' });
    expect(await host.rc.get('pf_rules')).toBe('/etc/pf.conf');
    expect(await host.rc.get('nope')).toBeUndefined();
  });
});

describe('dry-run', () => {
  it('prints exactly the mutating commands the recording runner records', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pot-host-'));
    const rules = path.join(dir, 'rules');
    writeFileSync(rules, 'nat on em0 from 10.192.0.0/10 to any -> (em0:0)\n');
    const answers = { 'ifconfig -g bridge': { stdout: '' }, 'pfctl -s Anchors': { stdout: '' } };

    const rec = createRecordingRunner({ responses: { ...answers, 'ifconfig bridge create': { stdout: 'bridgeN\n' } } });
    await vnetStart(createFreeBsdHost({ runner: rec, hostRoot: dir }), rules);

    const printed: string[] = [];
    const queries = createRecordingRunner({ responses: answers });
    const dry = createFreeBsdHost({ runner: queries, dryRun: true, print: (l) => printed.push(l), hostRoot: dir });
    expect(dry.plan.report('done', 'planned')).toBe('planned (dry run: nothing was changed)');
    await vnetStart(dry, rules);

    expect(printed).toEqual(rec.plan());
    expect(printed).toContain("ifconfig bridge create descr 'pot public bridge' group pot");
    expect(printed).toContain('ifconfig bridgeN inet 10.192.0.1 netmask 255.192.0.0');
    // queries still ran (decisions stay right), mutating ones never reached the runner
    expect(queries.commands.every((c) => !c.command.mutating)).toBe(true);
    expect(queries.commands.map((c) => c.command.file)).toContain('ifconfig');
  });

  it('keeps file effects in the plan, in order', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pot-host-'));
    const printed: string[] = [];
    const steps = async (h: Host): Promise<void> => {
      await h.files.write('/etc/pf.conf', 'nat-anchor pot-nat\n');
      await h.pf.loadMain(path.join(dir, 'etc/pf.conf'));
    };
    await steps(createFreeBsdHost({ runner: createRecordingRunner(), dryRun: true, print: (l) => printed.push(l), hostRoot: dir }));
    const rec = createRecordingRunner({ dryRun: true });
    await steps(createFreeBsdHost({ runner: rec, hostRoot: dir }));
    expect(printed).toEqual(rec.plan());
    expect(printed).toEqual([`# write ${dir}/etc/pf.conf:`, '#   nat-anchor pot-nat', `pfctl -f ${dir}/etc/pf.conf`]);
  });

  it('announces file writes instead of performing them', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pot-host-'));
    const printed: string[] = [];
    const host = createFreeBsdHost({ runner: createDryRunRunner(undefined, { print: (l) => printed.push(l) }), hostRoot: dir });
    await host.files.write('/etc/pf.conf', 'nat-anchor pot-nat\n');
    expect(printed).toEqual([`# write ${dir}/etc/pf.conf:`, '#   nat-anchor pot-nat']);
  });
});

describe('host files', () => {
  it('maps system paths below the host root and keeps pot roots closed', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pot-hostroot-'));
    const host = createFreeBsdHost({ runner: createRecordingRunner(), hostRoot: root });
    await host.files.mkdirp('/etc');
    await host.files.write('/etc/resolv.conf', 'nameserver 192.168.1.1\n');
    expect(readFileSync(path.join(root, 'etc/resolv.conf'), 'utf8')).toBe('nameserver 192.168.1.1\n');
    expect(await host.files.read('/etc/../etc/resolv.conf')).toBe('nameserver 192.168.1.1\n');
    expect(await host.files.exists('/etc/pf.conf')).toBe(false);

    const pot = mkdtempSync(path.join(tmpdir(), 'pot-m-'));
    mkdirSync(path.join(pot, 'opt/custom/etc'), { recursive: true });
    symlinkSync('opt/custom/etc', path.join(pot, 'etc'));
    symlinkSync('/etc/passwd', path.join(pot, 'opt/custom/etc/escape'));
    const inPot = host.files.under(pot);
    await inPot.write('/etc/hosts', '127.0.0.1 localhost\n');
    expect(readFileSync(path.join(pot, 'opt/custom/etc/hosts'), 'utf8')).toBe('127.0.0.1 localhost\n');
    // an absolute link target is taken inside the pot root (where /etc is itself a link)
    expect(await inPot.resolve('/etc/escape')).toBe(path.join(pot, 'opt/custom/etc/passwd'));
    expect(await inPot.resolve('/../../etc/passwd')).toBe(path.join(pot, 'opt/custom/etc/passwd'));
    expect(await inPot.resolve('/../../var/x')).toBe(path.join(pot, 'var/x'));
    expect(await inPot.list('/etc')).toEqual(['escape', 'hosts']);
  });

  it('copies, chmods, chowns and removes empty directories; dry-run only announces them', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pot-hostroot-'));
    const rec = createRecordingRunner();
    const host = createFreeBsdHost({ runner: rec, hostRoot: root });
    await host.files.mkdirp('/etc/empty');
    await host.files.write('/etc/rc.conf', 'a="b"\n', { mode: 0o640 });
    expect(await host.files.copy('/etc/rc.conf', '/etc/rc.conf.bkp-pot')).toBe(true);
    expect(await host.files.copy('/etc/none', '/etc/x')).toBe(false);
    expect(readFileSync(path.join(root, 'etc/rc.conf.bkp-pot'), 'utf8')).toBe('a="b"\n');
    await host.files.chmod('/etc/rc.conf', 0o600);
    await host.files.under('/').chown('/opt/pot', 'root:pot');
    expect(rec.commands.map((c) => formatLogLines(c.command))).toEqual([['E chown root:pot /opt/pot']]);
    expect(await host.files.rmdirIfEmpty('/etc')).toBe(false);
    expect(await host.files.rmdirIfEmpty('/etc/empty')).toBe(true);
    expect(await host.files.exists('/etc/empty')).toBe(false);

    const printed: string[] = [];
    const dry = createFreeBsdHost({ runner: createDryRunRunner(undefined, { print: (l) => printed.push(l) }), hostRoot: root });
    await dry.files.copy('/etc/rc.conf', '/etc/rc.conf.2');
    await dry.files.chmod('/etc/rc.conf', 0o644);
    await dry.files.under('/').chown('/opt/pot', 'root:pot');
    expect(printed).toEqual([`cp ${root}/etc/rc.conf ${root}/etc/rc.conf.2`, `chmod 644 ${root}/etc/rc.conf`, 'chown root:pot /opt/pot']);
    expect(await host.files.exists('/etc/rc.conf.2')).toBe(false);
  });

  it('renames a file over another in one step; dry-run only announces it; a failed rename is a host-state error', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'pot-hostroot-'));
    const host = createFreeBsdHost({ runner: createRecordingRunner(), hostRoot: root });
    await host.files.mkdirp('/cache');
    await host.files.write('/cache/img.xz.part', 'new\n');
    await host.files.write('/cache/img.xz', 'old\n');
    await host.files.rename('/cache/img.xz.part', '/cache/img.xz');
    expect(readFileSync(path.join(root, 'cache/img.xz'), 'utf8')).toBe('new\n');
    expect(await host.files.exists('/cache/img.xz.part')).toBe(false);
    await expect(host.files.rename('/cache/none', '/cache/x')).rejects.toMatchObject({ code: 'host-state' });

    const printed: string[] = [];
    const dry = createFreeBsdHost({ runner: createDryRunRunner(undefined, { print: (l) => printed.push(l) }), hostRoot: root });
    await dry.files.rename('/cache/img.xz', '/cache/img2.xz');
    expect(printed).toEqual([`mv ${root}/cache/img.xz ${root}/cache/img2.xz`]);
    expect(await host.files.exists('/cache/img.xz')).toBe(true);
  });

  it('uses POT_HOST_ROOT from the environment and a safe default PATH', () => {
    const host = createFreeBsdHost({ env: { POT_HOST_ROOT: '/srv/fake' }, runner: createRecordingRunner() });
    expect(host.files.root).toBe('/srv/fake');
    expect(createFreeBsdHost({ env: {}, runner: createRecordingRunner() }).files.root).toBe('/');
    const env = hostToolEnv({ LANG: 'de_DE.UTF-8', HOME: '/root' });
    expect(env).toMatchObject({ PATH: DEFAULT_PATH, LC_ALL: 'C', IFCONFIG_FORMAT: 'addr:default', HOME: '/root' });
    expect(env.LANG).toBeUndefined();
  });
});
