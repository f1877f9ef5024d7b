import { mkdirSync, writeFileSync, existsSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

function runningPot(h: FakeHost, name: string): void {
  mkdirSync(`${h.fsRoot}/jails/${name}/conf`, { recursive: true });
  mkdirSync(`${h.fsRoot}/jails/${name}/m`, { recursive: true });
  writeFileSync(`${h.fsRoot}/jails/${name}/conf/pot.conf`, 'network_type=inherit\n');
  h.look('jail', '-c', `name=${name}`, `path=${h.fsRoot}/jails/${name}/m`, 'persist');
}

describe('pot de-init', () => {
  it('after init: removes the datasets, FS root, pf anchors, syslogd flags and syslog dirs', async () => {
    host = createFakeHost();
    const { writeFileSync: w } = await import('node:fs');
    w(`${host.hostRoot}/etc/pf.conf`, 'set skip on lo0\npass all\n');
    expect((await host.pot('init')).code).toBe(0);
    await host.pot('create-private-bridge', '-B', 'stove', '-S', '4');
    const r = await host.pot('de-init');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('===>  Deinstall pot (zroot/pot)\nzfs datasets have been removed\n');
    expect(r.stdout).toContain('pf configuration file should be clean\n  - please check /etc/pf.conf and reload it\n');
    expect(host.look('zfs', 'list', '-H', '-o', 'name').trim()).toBe('zroot');
    expect(existsSync(host.fsRoot)).toBe(false);
    expect(host.hostFile('/etc/pf.conf')).toBe('set skip on lo0\npass all\n');
    expect(host.hostFile('/etc/rc.conf')).not.toContain('syslogd_flags');
    expect(host.hostFile('/var/log/pot')).toBeUndefined();
    expect(host.effects()).toContain('E zfs destroy -r zroot/pot\n');
  });

  it('refuses while a pot runs; -f stops it first', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    runningPot(host, 'web');
    expect(host.look('jls', '-j', 'web')).toContain('web');
    const refused = await host.pot('de-init');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('###>  At least one pot is still running (web)');
    expect(refused.stderr).toContain("use 'pot de-init -f'");
    expect(host.look('zfs', 'list', '-H', '-o', 'name')).toContain('zroot/pot/jails');
    expect(host.effects()).not.toContain('zfs destroy');

    const forced = await host.pot('de-init', '-f');
    expect(forced.code).toBe(0);
    const effects = host.effects().split('### [2]')[1] ?? '';
    expect(effects.indexOf('E jail -r web')).toBeGreaterThan(0);
    expect(effects.indexOf('E jail -r web')).toBeLessThan(effects.indexOf('E zfs destroy -r zroot/pot'));
    expect(host.look('zfs', 'list', '-H', '-o', 'name').trim()).toBe('zroot');
    expect(host.hostFile('/etc/pf.conf')).toBe('pass all\n');
  });

  it('-m keeps pf and syslogd configuration; nothing to remove is fine', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const r = await host.pot('de-init', '-m', '-v');
    expect(r.code).toBe(0);
    expect(host.effects()).toContain('E zfs destroy -r zroot/pot\n');
    expect(host.hostFile('/etc/pf.conf')).toContain('nat-anchor pot-nat');
    expect(host.hostFile('/etc/rc.conf')).toContain('syslogd_flags');
    const again = await host.pot('de-init', '-m');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('===>  no root dataset found (zroot/pot)\n');
  });

  it('--dry-run prints and keeps everything', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const r = await host.pot('de-init', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('zfs destroy -r zroot/pot\n');
    expect(host.look('zfs', 'list', '-H', '-o', 'name')).toContain('zroot/pot/jails');
    expect(host.hostFile('/etc/pf.conf')).toContain('nat-anchor pot-nat');
  });
});
