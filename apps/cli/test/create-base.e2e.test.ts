import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';
import { buildBaseTxz, manifest, mirror, sha256 } from './release-fixture.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

const URL_13_2 = 'https://ftp.freebsd.org/pub/FreeBSD/releases/amd64/amd64/13.2-RELEASE/base.txz';

/** A pot root with a 13.2 release: its MANIFEST (the right sha256) and, by default, the mirror serving it. */
function release132(options: { mirror?: boolean; sha?: string; withoutRoot?: boolean } = {}): string {
  host = createFakeHost();
  host.setup('host_pot_root');
  const txz = buildBaseTxz(host, '13.2', options.withoutRoot ? { withoutRoot: true } : {});
  manifest(host, '13.2-RELEASE', options.sha ?? sha256(txz));
  if (options.mirror !== false) mirror(host, '13.2-RELEASE', txz);
  return txz;
}

const datasets = (): string[] =>
  host
    .look('zfs', 'list', '-H', '-o', 'name')
    .split('\n')
    .filter((l) => l !== '');
const snapshots = (): string[] =>
  host
    .look('zfs', 'list', '-H', '-t', 'snapshot', '-o', 'name')
    .split('\n')
    .filter((l) => l !== '');
const cacheFiles = (): string[] => (existsSync(host.cache) ? readdirSync(host.cache) : []);
const fetchCalls = (): string[] =>
  host
    .log()
    .split('\n')
    .filter((l) => / fetch /.test(l));
const link = (p: string): string => readlinkSync(path.join(host.fsRoot, 'bases', p));

describe('pot create-base', () => {
  it('downloads and verifies base.txz, makes the datasets, the tree, the level-0 pot and the snapshots', async () => {
    const txz = release132();
    const r = await host.pot('create-base', '-r', '13.2');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('===>  Automatically use 13.2 as base name\n');
    expect(r.stdout).toContain('===>  Create a base with release 13.2\n');
    expect(r.stdout).toContain('===>  Create the zfs datasets for base release zroot/pot/bases/13.2\n');
    expect(r.stdout).toContain('===>  Create the related pot [base-13_2]\n');
    expect(r.stdout).toContain('===>  flavour fbsd-update not found: skipped');

    // the download: the URL shell pot used, into POT_CACHE, verified
    expect(fetchCalls()).toEqual([`E fetch -q -o @CACHE@/13.2-RELEASE_base.txz ${URL_13_2}`]);
    expect(cacheFiles()).toEqual(['13.2-RELEASE_base.txz']);
    expect(sha256(path.join(host.cache, '13.2-RELEASE_base.txz'))).toBe(sha256(txz));

    // datasets as shell pot made them
    const effects = host.effects();
    expect(effects).toContain(
      [
        'E zfs create zroot/pot/bases/13.2',
        'E zfs create -o mountpoint=@FS@/bases/13.2/usr/local zroot/pot/bases/13.2/usr.local',
        'E zfs create -o mountpoint=@FS@/bases/13.2/opt/custom zroot/pot/bases/13.2/custom',
        'E chflags -R noschg @FS@/bases/13.2/var/empty',
      ].join('\n'),
    );
    expect(datasets()).toEqual(
      expect.arrayContaining(['zroot/pot/bases/13.2', 'zroot/pot/bases/13.2/usr.local', 'zroot/pot/bases/13.2/custom', 'zroot/pot/jails/base-13_2']),
    );
    const snaps = snapshots();
    expect(snaps).toHaveLength(3);
    const tag = snaps[0]!.split('@')[1];
    expect(snaps.sort()).toEqual([`zroot/pot/bases/13.2/custom@${tag}`, `zroot/pot/bases/13.2/usr.local@${tag}`, `zroot/pot/bases/13.2@${tag}`].sort());

    // the tree: etc, root, var moved into opt/custom and linked back
    const base = path.join(host.fsRoot, 'bases', '13.2');
    expect(readFileSync(path.join(base, '.osrelease'), 'utf8')).toBe('13.2-RELEASE\n');
    expect(readFileSync(path.join(base, 'bin', 'freebsd-version'), 'utf8')).toContain('13.2-RELEASE');
    expect(link('13.2/etc')).toBe('opt/custom/etc');
    expect(link('13.2/root')).toBe('opt/custom/root');
    expect(link('13.2/var')).toBe('opt/custom/var');
    expect(link('13.2/home')).toBe('opt/custom/usr.home');
    expect(link('13.2/usr/home')).toBe('../opt/custom/usr.home');
    expect(link('13.2/usr/local/etc')).toBe('../../opt/custom/usr.local.etc');
    expect(link('13.2/opt/custom/var/db/pkg')).toBe('../../../../usr/local/var.db.pkg');
    expect(readFileSync(path.join(base, 'opt', 'custom', 'etc', 'hosts'), 'utf8')).toContain('localhost');
    expect(readFileSync(path.join(base, 'opt', 'custom', 'root', '.profile'), 'utf8')).toBe('PATH=/sbin:/bin\n');
    for (const d of ['opt/custom/usr.local.etc', 'opt/custom/usr.home', 'opt/custom/var/empty', 'usr/ports', 'usr/local/var.db.pkg']) {
      expect(lstatSync(path.join(base, d)).isDirectory(), d).toBe(true);
    }

    // the level-0 pot
    const conf = readFileSync(path.join(host.fsRoot, 'jails', 'base-13_2', 'conf', 'pot.conf'), 'utf8');
    expect(conf).toContain('pot.level=0\n');
    expect(conf).toContain('pot.base=13.2\n');
    expect(conf).toContain('osrelease="13.2-RELEASE"\n');
    expect(readFileSync(path.join(host.fsRoot, 'jails', 'base-13_2', 'conf', 'fscomp.conf'), 'utf8')).toBe(
      'zroot/pot/bases/13.2 /\nzroot/pot/bases/13.2/usr.local /usr/local\nzroot/pot/bases/13.2/custom /opt/custom\n',
    );

    // and pots can be made on the base
    const web = await host.pot('create', '-p', 'web', '-b', '13.2');
    expect(web.stderr).toBe('');
    expect(web.code).toBe(0);
    expect(datasets()).toEqual(expect.arrayContaining(['zroot/pot/jails/web', 'zroot/pot/jails/web/usr.local', 'zroot/pot/jails/web/custom']));
    expect(readFileSync(path.join(host.fsRoot, 'jails', 'web', 'custom', 'etc', 'crontab'), 'utf8')).toContain('# 1,31');
    expect((await host.pot('list', '-q')).stdout).toBe('base-13_2\nweb\n');
  });

  it('-b names the base; the level-0 pot follows the name', async () => {
    release132();
    const r = await host.pot('create-base', '-r', '13.2', '-b', 'b13.2');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('Automatically use');
    expect(readFileSync(path.join(host.fsRoot, 'bases', 'b13.2', '.osrelease'), 'utf8')).toBe('13.2-RELEASE\n');
    expect(datasets()).toEqual(expect.arrayContaining(['zroot/pot/bases/b13.2/custom', 'zroot/pot/jails/base-b13_2']));
  });

  it('refuses an unsupported release (listing the supported ones), a missing -r and a release name for another release', async () => {
    release132();
    manifest(host, '13.1-RELEASE', '3'.repeat(64));
    manifest(host, '14.0-RC1', '4'.repeat(64));
    const r = await host.pot('create-base', '-r', '12.4');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('###>  12.4 is not a supported release\n');
    expect(r.stderr).toContain('fix: supported releases: 13.1 13.2 14.0-RC1 (newer ones come with updates of the package freebsd-release-manifests)\n');
    expect(r.stderr).toContain('  -r RELEASE : supported release are: 13.1 13.2 14.0-RC1\n     + 13.1\n     + 13.2\n     + 14.0-RC1\n');
    const missing = await host.pot('create-base', '-b', 'x');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('###>  option -r is mandatory\n');
    const forbidden = await host.pot('create-base', '-r', '13.2', '-b', '13.1');
    expect(forbidden.code).toBe(1);
    expect(forbidden.stderr).toContain("###>  13.1 has the name of another valid release and that's forbidden\n");
    const help = await host.pot('create-base', '-h');
    expect(help).toMatchObject({ code: 0, stderr: '' });
    expect(help.stdout).toContain('supported release are: 13.1 13.2 14.0-RC1');
    expect(fetchCalls()).toEqual([]);
    expect(datasets().filter((d) => d.startsWith('zroot/pot/bases/'))).toEqual([]);
  });

  it('refuses an existing base, by -b or by default name', async () => {
    release132();
    host.setup('host_base 13.2; host_base mine');
    const byDefault = await host.pot('create-base', '-r', '13.2');
    expect(byDefault.code).toBe(1);
    expect(byDefault.stderr).toContain('###>  13.2 is already a base\n');
    const byName = await host.pot('create-base', '-r', '13.2', '-b', 'mine');
    expect(byName.code).toBe(1);
    expect(byName.stderr).toContain('###>  mine is already a base\n');
    expect(fetchCalls()).toEqual([]);
  });

  it('refuses without root privileges, before downloading', async () => {
    release132();
    host.env.FAKEBSD_UID = '1001';
    const r = await host.pot('create-base', '-r', '13.2');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("This operation needs 'root' privileges");
    expect(fetchCalls()).toEqual([]);
  });

  it('a download that does not match the MANIFEST is removed and nothing is created', async () => {
    release132({ sha: 'f'.repeat(64) });
    const r = await host.pot('create-base', '-r', '13.2');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`###>  sha256 of ${URL_13_2} doesn't match its MANIFEST: aborting\n`);
    expect(r.stderr).toContain(`      expected: ${'f'.repeat(64)}\n`);
    expect(fetchCalls()).toHaveLength(1);
    expect(cacheFiles()).toEqual([]);
    expect(datasets().filter((d) => d.includes('/bases/') || d.includes('/jails/'))).toEqual([]);
    expect(existsSync(path.join(host.fsRoot, 'bases', '13.2'))).toBe(false);
  });

  it('a failed download leaves nothing behind (not found, truncated)', async () => {
    release132({ mirror: false });
    mirror(host, '13.2-RELEASE');
    const r = await host.pot('create-base', '-r', '13.2');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`###>  fetch of 13.2-RELEASE failed: Download of ${URL_13_2} failed`);
    expect(r.stderr).toContain(`fetch: ${URL_13_2}: Not Found`);
    expect(cacheFiles()).toEqual([]);
    expect(datasets().filter((d) => d.includes('/bases/') || d.includes('/jails/'))).toEqual([]);

    mirror(host, '13.2-RELEASE', buildBaseTxz(host, 'again'));
    manifest(host, '13.2-RELEASE', sha256(path.join(host.dir, 'again.txz')));
    host.env.FAKEBSD_FETCH_TRUNCATE = '100';
    const cut = await host.pot('create-base', '-r', '13.2');
    expect(cut.code).toBe(1);
    expect(cut.stderr).toContain('appears to be truncated: 100/');
    expect(cacheFiles()).toEqual([]);
    expect(datasets().filter((d) => d.includes('/bases/') || d.includes('/jails/'))).toEqual([]);
  });

  it('reuses a cached base.txz that verifies, without fetching; replaces one that does not', async () => {
    const txz = release132({ mirror: false });
    mkdirSync(host.cache, { recursive: true });
    copyFileSync(txz, path.join(host.cache, '13.2-RELEASE_base.txz'));
    const r = await host.pot('create-base', '-r', '13.2', '-b', 'cached');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Using ${host.cache}/13.2-RELEASE_base.txz (already downloaded, sha256 verified)`);
    expect(fetchCalls()).toEqual([]);
    expect(datasets()).toContain('zroot/pot/bases/cached');

    writeFileSync(path.join(host.cache, '13.2-RELEASE_base.txz'), 'not a tarball');
    mirror(host, '13.2-RELEASE', txz);
    const again = await host.pot('create-base', '-r', '13.2', '-b', 'fresh');
    expect(again.stderr).toBe('');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('13.2-RELEASE_base.txz does not match its MANIFEST: downloading it again');
    expect(fetchCalls()).toHaveLength(1);
    expect(sha256(path.join(host.cache, '13.2-RELEASE_base.txz'))).toBe(sha256(txz));
  });

  it('a failure after the datasets were made removes them', async () => {
    release132({ withoutRoot: true });
    const r = await host.pot('create-base', '-r', '13.2');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('has no root directory: it is not a FreeBSD base system');
    expect(host.effects()).toContain('E zfs create zroot/pot/bases/13.2\n');
    expect(host.effects()).toContain('E zfs destroy -f -r zroot/pot/bases/13.2\n');
    expect(datasets().filter((d) => d.includes('/bases/') || d.includes('/jails/'))).toEqual([]);
    expect(existsSync(path.join(host.fsRoot, 'bases', '13.2'))).toBe(false);
  });
});

describe('pot create-base with the fbsd-update flavour installed', () => {
  it('runs it inside the new level-0 pot, as shell pot did', async () => {
    release132();
    const dir = path.join(host.etcDir, 'flavours');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'fbsd-update.sh'), '#!/bin/sh\nfreebsd-update fetch install\n', { mode: 0o755 });
    const r = await host.pot('create-base', '-r', '13.2');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('===>  flavours     : fbsd-update\n');
    expect(r.stdout).not.toContain('not found: skipped');
    expect(host.effects()).toContain('E jexec base-13_2 /tmp/fbsd-update.sh base-13_2\n');
    expect((await host.pot('info', '-r', '-p', 'base-13_2')).code).toBe(1);
  });
});
