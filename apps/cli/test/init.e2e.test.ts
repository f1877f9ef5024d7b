import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, goldenEffects, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

const DATASETS = [
  'zroot\tnone',
  'zroot/pot\t@FS@',
  'zroot/pot/bases\t@FS@/bases',
  'zroot/pot/cache\t@CACHE@',
  'zroot/pot/fscomp\t@FS@/fscomp',
  'zroot/pot/jails\t@FS@/jails',
];

describe('pot init', () => {
  it('on a fresh host: datasets, FS root, syslogd flags, pf anchors; the second run changes nothing', async () => {
    host = createFakeHost();
    const first = await host.pot('init');
    expect(first.code).toBe(0);
    expect(first.stderr).toBe('');
    expect(first.stdout).toBe(
      [
        'Creating a backup of your /etc/rc.conf',
        '/etc/rc.conf -> /etc/rc.conf.bkp-pot',
        'auto-magically editing your /etc/pf.conf',
        'Please, check that your PF configuration file /etc/pf.conf is still valid and reload it!',
        '',
      ].join('\n'),
    );
    expect(
      host
        .normalise(host.look('zfs', 'list', '-H', '-o', 'name,mountpoint'))
        .trim()
        .split('\n'),
    ).toEqual(DATASETS);
    expect(host.look('zfs', 'get', '-H', '-o', 'value', 'canmount', 'zroot/pot').trim()).toBe('off');
    expect(host.look('zfs', 'get', '-H', '-o', 'value', 'compression', 'zroot/pot').trim()).toBe('lz4');
    expect(host.hostFile('/etc/pf.conf')).toBe('nat-anchor pot-nat\nrdr-anchor "pot-rdr/*"\n');
    expect(host.hostFile('/etc/rc.conf')).toContain('syslogd_flags="-b 127.0.0.1 -b 10.192.0.1 -a 10.192.0.0/10"');
    expect(host.hostFile('/etc/rc.conf.bkp-pot')).not.toContain('syslogd_flags');
    for (const d of ['/usr/local/etc/syslog.d', '/usr/local/etc/newsyslog.conf.d', '/var/log/pot']) {
      expect(host.hostFile(d)).toBe('(directory)');
    }
    const { statSync } = await import('node:fs');
    expect(statSync(host.fsRoot).mode & 0o777).toBe(0o750);
    expect(statSync(`${host.fsRoot}/bridges`).isDirectory()).toBe(true);

    const firstDump = host.dump();
    const pfBefore = host.hostFile('/etc/pf.conf');
    const rcBefore = host.hostFile('/etc/rc.conf');
    const backupBefore = host.hostFile('/etc/rc.conf.bkp-pot');
    const second = await host.pot('init');
    expect(second).toEqual({ code: 0, stdout: '===>  zroot/pot already present\n', stderr: '' });
    expect(host.dump()).toBe(firstDump);
    expect(host.hostFile('/etc/pf.conf')).toBe(pfBefore);
    expect(host.hostFile('/etc/rc.conf')).toBe(rcBefore);
    expect(host.hostFile('/etc/rc.conf.bkp-pot')).toBe(backupBefore);

    // golden: the first run's effects are the same; the second run of shell pot
    // re-ran sysrc (and overwrote the rc.conf backup); ours only re-asserts ownership.
    const golden = goldenEffects('init').split('### [2]')[0];
    expect(host.effects().split('### [2]')[0]).toBe(golden);
    expect(host.effects().split('### [2]')[1]).toBe(" pot init\nE logger -p local2.info -t pot 'pot-init '\nE chown root:pot @FS@\n");
  });

  it('adds the anchors to an existing pf.conf once, after a backup, dropping broken copies', async () => {
    host = createFakeHost();
    const { writeFileSync } = await import('node:fs');
    writeFileSync(`${host.hostRoot}/etc/pf.conf`, 'set skip on lo0\nnat-anchor pot-nat\nnat-anchor pot-nat\npass all\n');
    const r = await host.pot('init', '-s');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Creating a backup of your /etc/pf.conf\n/etc/pf.conf -> /etc/pf.conf.bkp-pot\n');
    expect(host.hostFile('/etc/pf.conf')).toBe('nat-anchor pot-nat\nrdr-anchor "pot-rdr/*"\nset skip on lo0\npass all\n');
    expect(host.hostFile('/etc/pf.conf.bkp-pot')).toBe('set skip on lo0\nnat-anchor pot-nat\nnat-anchor pot-nat\npass all\n');
    // -s: syslogd untouched
    expect(host.hostFile('/etc/rc.conf')).not.toContain('syslogd_flags');
    expect(host.hostFile('/var/log/pot')).toBeUndefined();
    const again = await host.pot('init', '-s');
    expect(again.stdout).toBe('===>  zroot/pot already present\n');
  });

  it('-p FILE writes the anchors to that file; -m leaves pf and syslogd alone', async () => {
    host = createFakeHost();
    const r = await host.pot('init', '-p', '/etc/pf-pot.conf');
    expect(r.code).toBe(0);
    expect(host.hostFile('/etc/pf-pot.conf')).toBe('nat-anchor pot-nat\nrdr-anchor "pot-rdr/*"\n');
    expect(host.hostFile('/etc/pf.conf')).toBeUndefined();
    host.cleanup();
    host = createFakeHost();
    const m = await host.pot('init', '-m');
    expect(m).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(host.hostFile('/etc/pf.conf')).toBeUndefined();
    expect(host.hostFile('/etc/rc.conf')).not.toContain('syslogd_flags');
  });

  it('a POT_EXTIF that does not exist: error, nothing created (shell pot created the datasets first)', async () => {
    host = createFakeHost(['POT_EXTIF=em9']);
    const r = await host.pot('init', '-s');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('###>  The network interface em9 seems not valid [POT_EXTIF]\n');
    expect(host.look('zfs', 'list', '-H', '-o', 'name').trim()).toBe('zroot');
    host.conf('POT_EXTIF=em0', 'POT_EXTRA_EXTIF=vlan99');
    const r2 = await host.pot('init', '-s');
    expect(r2.code).toBe(1);
    expect(r2.stderr).toContain('###>  The network interface vlan99 seems not valid [POT_EXTRA_EXTIF]\n');
    expect(host.look('zfs', 'list', '-H', '-o', 'name').trim()).toBe('zroot');
  });

  it('an invalid network configuration (gateway outside POT_NETWORK) is refused with the reason', async () => {
    host = createFakeHost(['POT_GATEWAY=10.0.0.1']);
    const r = await host.pot('init');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('###>  The network configuration in the pot configuration file is not valid');
    expect(r.stderr).toContain('POT_GATEWAY: POT_GATEWAY (10.0.0.1) is outside POT_NETWORK (10.192.0.0/10)');
    expect(host.look('zfs', 'list', '-H', '-o', 'name').trim()).toBe('zroot');
  });

  it('POT_EXTIF_ADDR not on POT_EXTIF is fatal for init', async () => {
    host = createFakeHost(['POT_EXTIF_ADDR=192.168.1.99']);
    const r = await host.pot('init');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The IP address 192.168.1.99 [POT_EXTIF_ADDR] is not available on the network interface em0 [POT_EXTIF]');
  });

  it('--dry-run prints the zfs commands and changes nothing', async () => {
    host = createFakeHost();
    const r = await host.pot('init', '--dry-run');
    expect(r.code).toBe(0);
    expect(host.normalise(r.stdout)).toContain('zfs create -o mountpoint=@FS@ -o canmount=off -o compression=lz4 -o atime=off zroot/pot\n');
    expect(r.stdout).toContain('zfs create zroot/pot/jails\n');
    expect(host.look('zfs', 'list', '-H', '-o', 'name').trim()).toBe('zroot');
    expect(host.hostFile('/etc/pf.conf')).toBeUndefined();
  });

  it('init -v also runs the doctor checks', async () => {
    host = createFakeHost();
    const r = await host.pot('init', '-v');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ok      vimage: kernel has VIMAGE (VNET)');
    expect(r.stdout).toContain('warning racct: kern.racct.enable is not 1');
    expect(r.stdout).toContain('fix: echo kern.racct.enable=1 >> /boot/loader.conf && reboot');
  });

  it('POT_ZFS_ROOT existing with another mountpoint is refused', async () => {
    host = createFakeHost();
    host.look('zfs', 'create', '-o', 'mountpoint=/elsewhere', 'zroot/pot');
    const r = await host.pot('init');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('###>  zroot/pot is an invalid POT root');
    expect(r.stderr).toContain('exists with mountpoint /elsewhere');
  });

  it("-p '' skips pf but still sets syslogd", async () => {
    host = createFakeHost();
    const r = await host.pot('init', '-p', '');
    expect(r.code).toBe(0);
    expect(host.hostFile('/etc/pf.conf')).toBeUndefined();
    expect(host.hostFile('/etc/rc.conf')).toContain('syslogd_flags=');
  });

  it('a missing pot group is a configuration error', async () => {
    host = createFakeHost(['POT_GROUP=potters']);
    const r = await host.pot('init');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("###>  Group 'potters' is missing, create it or change POT_GROUP");
    expect(r.stderr).toContain('fix: pw groupadd potters');
  });
});
