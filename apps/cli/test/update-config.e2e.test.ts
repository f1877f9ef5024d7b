/** pot update-config: an older pot's configuration brought to the current format, so it starts again. */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

describe('pot update-config', () => {
  it('converts ip4/vnet, static ports and cpuset, adds missing defaults, makes fscomp.conf relative', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    expect((await host.pot('create', '-p', 'old', '-b', '13.1', '-N', 'public-bridge')).code).toBe(0);
    const conf = path.join(host.fsRoot, 'jails', 'old', 'conf', 'pot.conf');
    const fscomp = path.join(host.fsRoot, 'jails', 'old', 'conf', 'fscomp.conf');
    const legacy = readFileSync(conf, 'utf8')
      .split('\n')
      .filter((l) => !/^(network_type|ip|pot\.dns|pot\.attr\.no-etc-hosts|pot\.attr\.stop_timeout)=/.test(l))
      .join('\n');
    writeFileSync(conf, `${legacy}ip4=10.192.0.3\npot.export.static.ports=80 443\npot.rss.cpuset=0\n`);
    const m = path.join(host.fsRoot, 'jails', 'old', 'm');
    writeFileSync(
      fscomp,
      `zroot/pot/bases/13.1 ${m} ro\nzroot/pot/jails/old/usr.local ${m}/usr/local zfs-remount\nzroot/pot/jails/old/custom ${m}/opt/custom zfs-remount\n`,
    );
    const refused = await host.pot('start', 'old');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('###>  Configuration file for old contains obsolete elements');
    const r = await host.pot('update-config', '-p', 'old');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('===>  Removing cpuset rss allocation: 0\n');
    const text = readFileSync(conf, 'utf8');
    for (const line of [
      'pot.dns=inherit',
      'pot.attr.stop_timeout=10',
      'pot.attr.no-etc-hosts=NO',
      'pot.attr.early-start-at-boot=NO',
      'pot.export.ports=80:80 443:443',
      'network_type=public-bridge',
      'ip=10.192.0.3',
    ]) {
      expect(text).toContain(`${line}\n`);
    }
    expect(text).not.toMatch(/^(ip4|pot\.export\.static\.ports|pot\.rss\.cpuset)=/m);
    expect(readFileSync(fscomp, 'utf8')).toBe(
      'zroot/pot/bases/13.1 / ro\nzroot/pot/jails/old/usr.local /usr/local zfs-remount\nzroot/pot/jails/old/custom /opt/custom zfs-remount\n',
    );
    const again = readFileSync(conf, 'utf8');
    expect((await host.pot('update-config', '-a')).code).toBe(0);
    expect(readFileSync(conf, 'utf8')).toBe(again);
    expect((await host.pot('start', 'old')).code).toBe(0);
    expect((await host.pot('stop', 'old')).code).toBe(0);
  });

  it('needs -p or -a, an existing pot, and root', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    expect((await host.pot('update-config')).stderr).toContain('One of -p or -a is mandatory');
    expect((await host.pot('update-config', '-p', 'nope')).stderr).toContain('###>  pot nope not found');
    host.env.FAKEBSD_UID = '1001';
    expect((await host.pot('update-config', '-a')).stderr).toContain("This operation needs 'root' privileges");
  });
});
