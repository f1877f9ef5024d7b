/** Single pots: one dataset, made from a release (downloaded and verified) or from another single pot. */
import { existsSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';
import { offerRelease } from './release-fixture.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

const jail = (...p: string[]): string => path.join(host.fsRoot, 'jails', ...p);

describe('create -t single', () => {
  it('from a release: the m dataset holds the extracted base; start and stop work; a second pot copies the first', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    offerRelease(host, '13.2');
    const r = await host.pot('create', '-t', 'single', '-p', 'one', '-b', '13.2', '-N', 'public-bridge');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('===>  Fetching FreeBSD 13.2\n');
    expect(host.look('zfs', 'list', '-H', '-o', 'name')).toContain('zroot/pot/jails/one/m');
    expect(readFileSync(jail('one', 'conf', 'fscomp.conf'), 'utf8')).toBe('');
    const conf = readFileSync(jail('one', 'conf', 'pot.conf'), 'utf8');
    expect(conf).toContain('pot.type=single\n');
    expect(conf).toContain('pot.level=0\n');
    expect(conf).toContain('osrelease="13.2-RELEASE"\n');
    expect(readFileSync(jail('one', 'm', 'etc', 'crontab'), 'utf8')).toContain('# 1,31\t0-5\t*\t*\t*\troot\tadjkerntz -a');
    expect(readlinkSync(jail('one', 'm', 'home'))).toBe('usr/home');
    expect((await host.pot('start', 'one')).code).toBe(0);
    expect(readFileSync(jail('one', 'm', 'etc', 'hosts'), 'utf8')).toContain('10.192.0.3 one');
    expect((await host.pot('stop', 'one')).code).toBe(0);

    host.look('zfs', 'snapshot', 'zroot/pot/jails/one/m@1700000001');
    const two = await host.pot('create', '-t', 'single', '-p', 'two', '-P', 'one');
    expect(two.code).toBe(0);
    expect(existsSync(jail('two', 'm', 'bin', 'freebsd-version'))).toBe(true);
    expect(readFileSync(jail('two', 'conf', 'pot.conf'), 'utf8')).toContain('pot.base=13.2\n');
  });

  it('refuses a release without MANIFEST, -l other than 0, and a multi pot as -P', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    const norelease = await host.pot('create', '-t', 'single', '-p', 'one', '-b', '12.4');
    expect(norelease.code).toBe(1);
    expect(norelease.stderr).toContain('###>  12.4 is not a valid release');
    // no manifests on this host: the fix names the package that provides them
    expect(norelease.stderr).toContain(
      'fix: a single pot without -P is made from a FreeBSD release; no release is supported on this host: install the package freebsd-release-manifests (pkg install freebsd-release-manifests; it fills /usr/local/share/freebsd/MANIFESTS)\n',
    );
    const level = await host.pot('create', '-t', 'single', '-p', 'one', '-b', '12.4', '-l', '1');
    expect(level.stderr).toContain('###>  single pot level can only be zero (omit -l option)');
    expect((await host.pot('create', '-p', 'multi', '-b', '13.1')).code).toBe(0);
    const wrong = await host.pot('create', '-t', 'single', '-p', 'one', '-P', 'multi');
    expect(wrong.stderr).toContain('###>  pot multi has the wrong type, it has to be of type single');
    expect((await host.pot('list', '-q')).stdout).toBe('multi\n');
  });
});
