/** Pot images: export of a single pot, import and prepare (as nomad-pot-driver runs it) from a served directory. */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';
import { IMAGE_URL, prepareArgs } from './image-fixture.js';
import { offerRelease } from './release-fixture.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

const jail = (...p: string[]): string => path.join(host.fsRoot, 'jails', ...p);
/** What the fake skein1024 prints: sha512, standing in for Skein-1024. */
const fakeSkein = (...files: string[]): string =>
  createHash('sha512')
    .update(Buffer.concat(files.map((f) => readFileSync(f))))
    .digest('hex');

/** A fresh host offering release 13.2 with the single pot NAME made from it, and an empty DIR/images. */
async function singlePot(name: string, ...flags: string[]): Promise<string> {
  host = createFakeHost();
  host.setup('host_pot_root');
  offerRelease(host, '13.2');
  expect((await host.pot('create', '-t', 'single', '-p', name, '-b', '13.2', ...flags)).code).toBe(0);
  const images = path.join(host.dir, 'images');
  mkdirSync(images);
  return images;
}

/** A single pot `web` (public-bridge, from 13.2) exported as web_1.0 into DIR/images, served as FAKEBSD_FETCH_DIR. */
async function exportedWeb(): Promise<string> {
  const images = await singlePot('web', '-N', 'public-bridge');
  const nosnap = await host.pot('export', '-p', 'web', '-t', '1.0', '-D', images);
  expect(nosnap.code).toBe(1);
  expect(nosnap.stderr).toContain('Pot web has no snapshots - please use pot snapshot for that');
  const r = await host.pot('export', '-p', 'web', '-t', '1.0', '-D', images, '-A');
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  host.env.FAKEBSD_FETCH_DIR = images;
  return images;
}

describe('export, import, prepare', () => {
  it('export writes image, meta and skein; prepare imports, clones and configures the pot nomad asked for; it starts and stops', async () => {
    const images = await exportedWeb();
    const image = path.join(images, 'web_1.0.xz');
    expect(readdirSync(images).sort()).toEqual(['web_1.0.xz', 'web_1.0.xz.meta', 'web_1.0.xz.skein']);
    expect(readFileSync(`${image}.meta`, 'utf8')).toBe('-\n');
    expect(readFileSync(`${image}.skein`, 'utf8')).toBe(`${fakeSkein(image, `${image}.meta`)}\n`);
    expect(host.look('zfs', 'get', '-H', '-o', 'value', ':pot.tag', 'zroot/pot/jails/web')).toBe('1.0\n');
    expect(host.log()).toMatch(/E xz -6 -T 0/);

    const r = await host.pot(...prepareArgs('hash_alloc', { cmd: '"/usr/local/bin/web --port 8080"', port: '8080:30080' }));
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Prepared the pot task_hash_alloc');
    expect(
      (await host.pot('list', '-q')).stdout
        .split('\n')
        .filter((l) => l !== '')
        .sort(),
    ).toEqual(['task_hash_alloc', 'web', 'web_1_0']);
    for (const f of ['web_1.0.xz', 'web_1.0.xz.meta', 'web_1.0.xz.skein']) expect(existsSync(path.join(host.cache, f))).toBe(true);

    const webIp = /\nip=(\S+)\n/.exec(readFileSync(jail('web', 'conf', 'pot.conf'), 'utf8'))?.[1];
    const imported = readFileSync(jail('web_1_0', 'conf', 'pot.conf'), 'utf8');
    const importedIp = /\nip=(\S+)\n/.exec(imported)?.[1];
    expect(imported).toMatch(/host\.hostname="web_1_0\.[^".]+[^"]*"\n/);
    expect(imported).not.toMatch(/host\.hostname="web_1_0\.([^"]+)\.\1"/);
    const conf = readFileSync(jail('task_hash_alloc', 'conf', 'pot.conf'), 'utf8');
    const ip = /\nip=(\S+)\n/.exec(conf)?.[1];
    expect(ip).toMatch(/^10\.192\.0\.\d+$/);
    expect(new Set([webIp, importedIp, ip]).size).toBe(3);
    expect(conf).toContain('network_type=public-bridge\n');
    expect(conf).toContain('pot.cmd=/usr/local/bin/web --port 8080\n');
    for (const line of [
      'pot.attr.persistent=NO',
      'pot.attr.no-rc-script=YES',
      'pot.attr.prunable=YES',
      'pot.attr.localhost-tunnel=YES',
      'pot.attr.no-etc-hosts=YES',
      'pot.attr.no-tmpfs=YES',
      'pot.export.ports=8080:30080',
    ]) {
      expect(conf).toContain(`${line}\n`);
    }
    expect(conf).toMatch(/host\.hostname="task_hash_alloc\.[^"]+"\n/);
    expect(host.look('zfs', 'list', '-H', '-o', 'name')).toContain('zroot/pot/jails/task_hash_alloc/m');

    const start = await host.pot('start', 'task_hash_alloc');
    expect(start.stderr).toBe('###>  nmap package is missing, localhost-tunnel attribute ignored\n');
    expect(start.code).toBe(0);
    expect(host.log()).toMatch(/E jail -c .*name=task_hash_alloc/);
    expect((await host.pot('stop', 'task_hash_alloc')).code).toBe(0);

    // a second allocation reuses the imported pot
    const again = await host.pot('prepare', '-U', IMAGE_URL, '-p', 'web', '-t', '1.0', '-a', 'hash_other', '-n', 'task', '-N', 'public-bridge');
    expect(again.code).toBe(0);
    expect((await host.pot('list', '-q')).stdout).toContain('task_hash_other\n');
    const clash = await host.pot('prepare', '-U', IMAGE_URL, '-p', 'web', '-t', '1.0', '-a', 'hash_other', '-n', 'task');
    expect(clash.code).toBe(1);
    expect(clash.stderr).toContain('A pot with name task_hash_other already exists');
  });

  it('a digest mismatch leaves nothing behind; a missing public key is refused before anything is fetched', async () => {
    const images = await exportedWeb();
    for (const suffix of ['', '.meta']) copyFileSync(path.join(images, `web_1.0.xz${suffix}`), path.join(images, `web_2.0.xz${suffix}`));
    writeFileSync(path.join(images, 'web_2.0.xz.skein'), `${'0'.repeat(128)}\n`);
    const before = host.look('zfs', 'list', '-H', '-o', 'name');
    const r = await host.pot('prepare', '-U', IMAGE_URL, '-p', 'web', '-t', '2.0', '-a', 'hash_alloc', '-n', 'task');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('The image and its hash do not overlap');
    expect(host.look('zfs', 'list', '-H', '-o', 'name')).toBe(before);
    expect((await host.pot('list', '-q')).stdout).toBe('web\n');
    expect(readdirSync(host.cache).filter((f) => f.startsWith('web_'))).toEqual([]);
    expect(existsSync(jail('web_2_0'))).toBe(false);

    const nokey = await host.pot('import', '-U', IMAGE_URL, '-p', 'web', '-t', '1.0', '-C', path.join(host.dir, 'missing.pub'));
    expect(nokey.code).toBe(1);
    expect(nokey.stderr).toContain(`Public key ${path.join(host.dir, 'missing.pub')} not found`);
    expect(host.log()).not.toMatch(/ fetch .*web_1\.0/);

    const dry = await host.pot('import', '--dry-run', '-U', IMAGE_URL, '-p', 'web', '-t', '1.0');
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`fetch -q -o ${path.join(host.cache, 'web_1.0.xz')} https://images.example.org/pots/web_1.0.xz`);
    expect(dry.stdout).toContain(`xzcat ${path.join(host.cache, 'web_1.0.xz')} | zfs receive `);
    expect(dry.stdout).toMatch(/\| zfs receive (-x encryption )?zroot\/pot\/jails\/web_1_0\n/);
    expect((await host.pot('list', '-q')).stdout).toBe('web\n');
    expect(readdirSync(host.cache).filter((f) => f.startsWith('web_'))).toEqual([]);
  });

  it('export -S signs the digest; import -C (or POT_DEFAULT_SIGNATURE_PUBKEY) checks it and refuses a wrong key or signature', async () => {
    const images = await singlePot('web', '-N', 'public-bridge');
    const keys = path.join(host.dir, 'keys');
    mkdirSync(keys);
    const key = (name: string): { pub: string; sec: string } => {
      const pair = { pub: path.join(keys, `${name}.pub`), sec: path.join(keys, `${name}.sec`) };
      host.look('signify', '-G', '-n', '-p', pair.pub, '-s', pair.sec);
      return pair;
    };
    const mine = key('mine');
    const other = key('other');
    const missing = await host.pot('export', '-p', 'web', '-t', '1.0', '-D', images, '-A', '-S', path.join(keys, 'nope.sec'));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain(`Signature key ${path.join(keys, 'nope.sec')} not found`);
    expect(readdirSync(images)).toEqual([]);
    const exported = await host.pot('export', '-p', 'web', '-t', '1.0', '-D', images, '-A', '-S', mine.sec);
    expect(exported.stderr).toBe('');
    expect(exported.code).toBe(0);
    expect(readdirSync(images).sort()).toEqual(['web_1.0.xz', 'web_1.0.xz.meta', 'web_1.0.xz.skein', 'web_1.0.xz.skein.sig']);
    expect(host.effects()).toContain(host.normalise(`E signify -S -s ${mine.sec} -m ${path.join(images, 'web_1.0.xz.skein')}`));
    host.env.FAKEBSD_FETCH_DIR = images;

    // the wrong key: refused after two tries, nothing kept, the image itself never fetched
    const wrong = await host.pot('import', '-U', IMAGE_URL, '-p', 'web', '-t', '1.0', '-C', other.pub);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toContain('Signature verification failed');
    expect(wrong.stdout).toContain('web_1.0.xz.skein.sig does not verify: fetching it again');
    expect(host.log()).not.toContain(`${IMAGE_URL}/web_1.0.xz\n`);
    expect(readdirSync(host.cache).filter((f) => f.startsWith('web_'))).toEqual([]);
    expect((await host.pot('list', '-q')).stdout).toBe('web\n');

    // the right key, from pot.conf: imported
    host.conf(`POT_DEFAULT_SIGNATURE_PUBKEY=${mine.pub}`);
    const good = await host.pot('import', '-U', IMAGE_URL, '-p', 'web', '-t', '1.0');
    expect(good.stderr).toBe('');
    expect(good.code).toBe(0);
    expect(host.log()).toContain(
      host.normalise(`signify -V -p ${mine.pub} -x ${path.join(host.cache, 'web_1.0.xz.skein.sig')} -m ${path.join(host.cache, 'web_1.0.xz.skein')}`),
    );
    expect((await host.pot('list', '-q')).stdout).toBe('web\nweb_1_0\n');

    // a tampered signature with the right key: refused
    writeFileSync(path.join(images, 'web_1.0.xz.skein.sig'), 'untrusted comment: verify with mine.pub\nforged\n');
    expect((await host.pot('destroy', '-p', 'web_1_0')).code).toBe(0);
    for (const f of readdirSync(host.cache)) if (f.startsWith('web_')) rmSync(path.join(host.cache, f));
    const forged = await host.pot('import', '-U', IMAGE_URL, '-p', 'web', '-t', '1.0', '-C', mine.pub);
    expect(forged.code).toBe(1);
    expect(forged.stderr).toContain('Signature verification failed');
    expect((await host.pot('list', '-q')).stdout).toBe('web\n');
  });

  it('a clone exports as a layer of its origin; import brings the origin in first and receives the layer as its clone', async () => {
    const images = await singlePot('base1');
    expect((await host.pot('export', '-p', 'base1', '-t', '1.0', '-D', images, '-A')).code).toBe(0);
    expect((await host.pot('clone', '-p', 'web', '-P', 'base1')).code).toBe(0);
    const exported = await host.pot('export', '-p', 'web', '-t', '2.0', '-D', images, '-A');
    expect(exported).toMatchObject({ code: 0, stderr: '' });
    const meta = readFileSync(path.join(images, 'web_2.0.xz.meta'), 'utf8');
    expect(meta).toMatch(/^base1:1\.0@\d+\n$/);
    const snap = meta.trim().split('@')[1];
    host.env.FAKEBSD_FETCH_DIR = images;

    const r = await host.pot('import', '-U', IMAGE_URL, '-p', 'web', '-t', '2.0');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Pot web_2_0 depends on base1_1_0 (@${snap})`);
    expect(r.stdout).toContain('Installing dependency base1_1_0');
    expect(r.stdout).toContain('Pot base1_1_0 has no dependencies');
    const effects = host.effects();
    expect(effects).toMatch(new RegExp(`E zfs receive -u -o origin=zroot/pot/jails/base1_1_0@${snap} (-x encryption )?zroot/pot/jails/web_2_0`));
    expect(effects).toContain('E zfs inherit mountpoint zroot/pot/jails/web_2_0/m');
    expect(effects.indexOf('zroot/pot/jails/base1_1_0\n')).toBeLessThan(effects.indexOf('zroot/pot/jails/web_2_0\n'));
    expect(host.look('zfs', 'get', '-H', '-o', 'value', 'origin', 'zroot/pot/jails/web_2_0').trim()).toBe(`zroot/pot/jails/base1_1_0@${snap}`);
    expect((await host.pot('list', '-q')).stdout).toBe('base1\nbase1_1_0\nweb\nweb_2_0\n');
    expect(readFileSync(jail('web_2_0', 'conf', 'pot.conf'), 'utf8')).toContain('host.hostname="web_2_0.');

    // a second layer on the same origin finds it installed
    expect((await host.pot('destroy', '-p', 'web_2_0')).code).toBe(0);
    const again = await host.pot('import', '-U', IMAGE_URL, '-p', 'web', '-t', '2.0');
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('base1_1_0 already installed');
  });
});
