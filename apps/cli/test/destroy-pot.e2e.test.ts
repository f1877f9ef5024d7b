import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, fakePot, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

describe('pot destroy -p', () => {
  it('removes a stopped pot: datasets, directory, status file (golden destroy-pot effects)', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    fakePot(host, 'web', 'public-bridge');
    host.look('zfs', 'create', 'zroot/pot/jails/web/usr.local');
    mkdirSync(host.tmp, { recursive: true });
    writeFileSync(path.join(host.tmp, 'pot_status_web'), 'stopped\n');
    const r = await host.pot('destroy', '-p', 'web');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(host.effects()).toBe("### [1] pot destroy -p web\nE logger -p local2.info -t pot 'pot-destroy -p web'\nE zfs destroy -f -r zroot/pot/jails/web\n");
    expect(host.look('zfs', 'list', '-H', '-o', 'name')).not.toContain('zroot/pot/jails/web');
    expect(existsSync(path.join(host.fsRoot, 'jails', 'web'))).toBe(false);
    expect(existsSync(path.join(host.tmp, 'pot_status_web'))).toBe(false);
    expect((await host.pot('list')).stdout).toBe('No pot created yet...\n');
  });

  it('refuses an unknown pot, a running pot, and a pot others are built on unless -r', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const nope = await host.pot('destroy', '-p', 'nope');
    expect(nope.code).toBe(1);
    expect(nope.stderr).toContain("###>  pot nope not found ('pot ls' lists the pots)\n");
    fakePot(host, 'web', 'public-bridge');
    host.look('jail', '-c', 'name=web', 'path=/', 'persist');
    const running = await host.pot('destroy', '-p', 'web');
    expect(running.code).toBe(1);
    expect(running.stderr).toContain('pot web is running');
    host.look('jail', '-r', 'web');
    const child = fakePot(host, 'child', 'public-bridge', '10.192.0.4');
    writeFileSync(child, `${(await import('node:fs')).readFileSync(child, 'utf8')}pot.potbase=web\n`.replace('pot.potbase=\n', ''));
    const used = await host.pot('destroy', '-p', 'web');
    expect(used.code).toBe(1);
    expect(used.stderr).toContain('web is used by other pots (child)');
    expect((await host.pot('destroy', '-p', 'web', '-r')).code).toBe(0);
    expect((await host.pot('list', '-q')).stdout).toBe('');
  });

  it('-F destroys a pot whose configuration is gone; --dry-run changes nothing', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    fakePot(host, 'web', 'public-bridge');
    const dry = await host.pot('destroy', '--dry-run', '-p', 'web');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain('zfs destroy -f -r zroot/pot/jails/web');
    expect(host.look('zfs', 'list', '-H', '-o', 'name')).toContain('zroot/pot/jails/web');
    host.look('zfs', 'create', 'zroot/pot/jails/broken');
    expect((await host.pot('destroy', '-p', 'broken')).code).toBe(1);
    expect((await host.pot('destroy', '-p', 'broken', '-F')).code).toBe(0);
    expect(host.look('zfs', 'list', '-H', '-o', 'name')).not.toContain('zroot/pot/jails/broken');
  });
});
