/** --dry-run on create, start and stop: the host commands are printed, nothing changes. */
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

describe('--dry-run', () => {
  it('create prints the dataset commands and makes nothing', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    const before = host.dump();
    const r = await host.pot('create', '--dry-run', '-p', 'web', '-b', '13.1', '-N', 'public-bridge');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('zfs create zroot/pot/jails/web\n');
    expect(r.stdout).toContain('zfs send zroot/pot/bases/13.1/usr.local@1700000000 | zfs receive -x encryption zroot/pot/jails/web/usr.local\n');
    expect(r.stdout).toContain('ip=10.192.0.3');
    expect(host.dump()).toBe(before);
    expect((await host.pot('list', '-q')).stdout).toBe('');
  });

  it('start and stop print the jail, interface and pf commands and change nothing', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    expect((await host.pot('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge')).code).toBe(0);
    expect((await host.pot('export-ports', '-p', 'web', '-e', '80')).code).toBe(0);
    const before = host.dump();
    const start = await host.pot('start', '--dry-run', 'web');
    expect(start.code).toBe(0);
    for (const line of [
      'ifconfig epair create descr web group pot',
      "ifconfig bridge create descr 'pot public bridge' group pot",
      'pfctl -a pot-rdr/web -f -',
      'jail -c allow.set_hostname=false',
      'jexec web sh /etc/rc',
    ]) {
      expect(start.stdout).toContain(line);
    }
    expect(host.dump()).toBe(before);
    expect((await host.pot('info', '-r', '-p', 'web')).code).toBe(1);
    expect((await host.pot('start', 'web')).code).toBe(0);
    const running = host.dump();
    const stop = await host.pot('stop', '--dry-run', 'web');
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain('jail -f- -q -r web');
    expect(stop.stdout).toContain('pfctl -a pot-rdr/web -F nat -q');
    expect(host.dump()).toBe(running);
    expect((await host.pot('stop', 'web')).code).toBe(0);
  });
});
