import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FscompConf } from '../../src/store/fscomp-conf.js';
import { KeyValueFile, shellReaderValue } from '../../src/store/key-value-file.js';
import { osReleaseOf, PotConf, usableHostname } from '../../src/store/pot-conf.js';
import { parseStatusText, transition } from '../../src/store/status.js';
import { PotStore } from '../../src/store/store.js';
import { writeFileAtomic } from '../../src/host/atomic-write.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'pot-store-'));

describe('KeyValueFile / PotConf', () => {
  const text = '# kept\npot.level=1\nunknown.key=x y\n\nhost.hostname="web.example.org"\npot.depend=dns\npot.depend=db\n';

  it('keeps comments, unknown keys, blank lines and order when changing a value', () => {
    const conf = PotConf.parse(text);
    conf.set('pot.level', '2');
    expect(conf.toString()).toBe(text.replace('pot.level=1', 'pot.level=2'));
  });

  it('appends new keys, removes duplicates of a set key, multi-valued keys', () => {
    const conf = PotConf.parse(text);
    expect(conf.depends).toEqual(['dns', 'db']);
    conf.add('pot.depend', 'cache');
    conf.set('pot.attr.persistent', 'NO');
    expect(conf.toString().endsWith('pot.depend=cache\npot.attr.persistent=NO\n')).toBe(true);
    conf.set('pot.depend', 'only');
    expect(conf.getAll('pot.depend')).toEqual(['only']);
    conf.setAll('pot.depend', ['a', 'b']);
    expect(conf.toString()).toBe(
      '# kept\npot.level=1\nunknown.key=x y\n\nhost.hostname="web.example.org"\npot.depend=a\npot.depend=b\npot.attr.persistent=NO\n',
    );
    expect(conf.deleteValue('pot.depend', 'a')).toBe(true);
    expect(conf.delete('pot.depend')).toBe(true);
    expect(conf.has('pot.depend')).toBe(false);
  });

  it("shell pot's reader semantics: blanks and quotes stripped, cut at the second =", () => {
    expect(shellReaderValue(' "a b"=c')).toBe('ab');
    const conf = PotConf.parse('host.hostname="web.example.org"\npot.env="A=b"\nip=192.168.1.50 em0|fd00::5\npot.cmd=sh /etc/rc\n');
    expect(conf.hostname).toBe('web.example.org');
    expect(conf.get('pot.env')).toBe('"A=b"');
    expect(conf.ip).toBe('192.168.1.50 em0|fd00::5');
    expect(conf.cmd).toBe('sh /etc/rc');
    expect(conf.type).toBe('multi');
  });

  it('keeps a missing final newline and an empty file', () => {
    expect(KeyValueFile.parse('a=1').toString()).toBe('a=1');
    expect(KeyValueFile.parse('').toString()).toBe('');
    expect(KeyValueFile.parse('a=1\r\n').toString()).toBe('a=1\r\n');
  });

  it('refuses values with newlines and bad keys', () => {
    expect(() => PotConf.parse('').set('a', 'x\ny')).toThrow(/newline/);
    expect(() => PotConf.parse('').set('a=b', 'x')).toThrow(/invalid key/);
  });

  it('obsolete keys and attributes', () => {
    const conf = PotConf.parse('ip4=inherit\npot.attr.exec_stop=/bin/sh -c "x"\npot.attr.persistent= YES\n');
    expect(conf.obsoleteKeys()).toEqual(['ip4']);
    expect(conf.attr('exec_stop')).toBe('/bin/sh -c "x"');
    expect(conf.attr('persistent')).toBe('YES');
  });

  it('hostname and osrelease rules of create', () => {
    expect(usableHostname('web', 'host.example.org')).toBe('web.host.example.org');
    expect(usableHostname('web', 'h'.repeat(70))).toBe('web');
    expect(usableHostname('w'.repeat(70), 'h', 64)).toBe('w'.repeat(64));
    expect(osReleaseOf('13.1')).toBe('13.1-RELEASE');
    expect(osReleaseOf('14.0-RC1')).toBe('14.0-RC1');
    expect(osReleaseOf('13.1-RELEASE')).toBe('13.1-RELEASE');
  });
});

describe('FscompConf', () => {
  it('keeps legacy lines with trailing spaces, writes new ones like create', () => {
    const text = 'zroot/pot/bases/13.1 / ro\n/opt/pot/jails/web/m/usr/local zfs-remount \n';
    const conf = FscompConf.parse(text);
    expect(conf.toString()).toBe(text);
    expect(conf.entries[1]).toMatchObject({ source: '/opt/pot/jails/web/m/usr/local', mountpoint: 'zfs-remount', option: '' });
    conf.add({ source: 'zroot/pot/fscomp/data', mountpoint: '/data', option: '' });
    conf.add({ source: '/srv', mountpoint: '/srv', option: 'ro' });
    expect(conf.toString()).toBe(text + 'zroot/pot/fscomp/data /data\n/srv /srv ro\n');
    expect(conf.remove((e) => e.source === '/srv')).toBe(1);
  });
});

describe('status', () => {
  it('parses the last pot.status line', () => {
    expect(parseStatusText('pot.status=starting,\npot.status=started,p4a:p6b:\n')).toEqual({ state: 'started', interfaces: 'p4a:p6b:' });
    expect(parseStatusText('other=1\n')).toBeUndefined();
    expect(parseStatusText('pot.status=,epair0a\n')).toEqual({ state: '', interfaces: 'epair0a' });
  });

  it("follows set-status's state machine", () => {
    expect(transition(undefined, 'starting')).toEqual({ outcome: 'ok', next: { state: 'starting', interfaces: '' } });
    expect(transition({ state: 'stopped', interfaces: '' }, 'starting').outcome).toBe('ok');
    expect(transition({ state: 'started', interfaces: '' }, 'starting')).toEqual({ outcome: 'refused', from: 'started' });
    expect(transition({ state: 'starting', interfaces: '' }, 'started', 'p4x:')).toEqual({ outcome: 'ok', next: { state: 'started', interfaces: 'p4x:' } });
    expect(transition({ state: 'stopped', interfaces: '' }, 'started').outcome).toBe('refused');
    expect(transition({ state: 'started', interfaces: 'p4x:' }, 'stopping')).toEqual({
      outcome: 'ok',
      next: { state: 'stopping', interfaces: 'p4x:' },
      printed: 'p4x:',
    });
    expect(transition({ state: 'doa', interfaces: '' }, 'stopping').outcome).toBe('ok');
    expect(transition({ state: 'starting', interfaces: '' }, 'stopping').outcome).toBe('refused');
    expect(transition({ state: 'stopping', interfaces: 'p4x:' }, 'stopped')).toEqual({ outcome: 'ok', next: { state: 'stopped', interfaces: '' } });
    expect(transition({ state: 'started', interfaces: '' }, 'started')).toEqual({ outcome: 'same' });
  });
});

describe('PotStore on disk', () => {
  it('writes pot.conf atomically and updates it under the pot lock', async () => {
    const dir = tmp();
    const store = new PotStore({ fsRoot: path.join(dir, 'fs'), tmp: path.join(dir, 'tmp') });
    await store.writePotConf('web', 'pot.level=1\nx=y\n');
    const after = await store.updatePotConf('web', (c) => {
      c.set('pot.level', '0');
    });
    expect(after.toString()).toBe('pot.level=0\nx=y\n');
    expect(readFileSync(path.join(dir, 'fs/jails/web/conf/pot.conf'), 'utf8')).toBe('pot.level=0\nx=y\n');
    expect(readdirSync(path.join(dir, 'fs/jails/web/conf'))).toEqual(['pot.conf']);
    expect(readdirSync(path.join(dir, 'tmp'))).toEqual([]);
    await expect(store.updatePotConf('nope', () => undefined)).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.readPotConf('../x')).rejects.toMatchObject({ code: 'invalid-name' });
  });

  it('fscomp.conf, bridges, listings', async () => {
    const dir = tmp();
    const store = new PotStore({ fsRoot: dir, tmp: path.join(dir, 'tmp') });
    await store.writeFscompConf('web', '');
    await store.updateFscompConf('web', (c) => {
      c.add({ source: '/srv', mountpoint: '/srv', option: 'ro' });
    });
    expect((await store.readFscompConf('web'))!.toString()).toBe('/srv /srv ro\n');
    await store.writeBridge({ name: 'stove', net: '10.192.0.8/29', gateway: '10.192.0.9' });
    expect(readFileSync(path.join(dir, 'bridges/stove'), 'utf8')).toBe('net=10.192.0.8/29\ngateway=10.192.0.9\nname=stove\n');
    expect(await store.readBridge('stove')).toEqual({ name: 'stove', net: '10.192.0.8/29', gateway: '10.192.0.9' });
    expect(await store.readBridge('nope')).toBeUndefined();
    await expect(store.writeBridge({ name: '../evil', net: '', gateway: '' })).rejects.toMatchObject({ code: 'invalid-name' });
    expect(await store.listBridges()).toEqual(['stove']);
    expect(await store.listPots()).toEqual(['web']);
  });

  it('status file: transitions, stale files older than the boot time are ignored', async () => {
    const dir = tmp();
    let boot: number | undefined;
    const store = new PotStore({ fsRoot: dir, tmp: dir, bootTime: () => boot });
    expect(await store.setStatus('web', 'started')).toMatchObject({ outcome: 'refused' });
    expect(await store.setStatus('web', 'starting')).toMatchObject({ outcome: 'ok' });
    expect(await store.setStatus('web', 'starting')).toEqual({ outcome: 'same' });
    expect(await store.setStatus('web', 'started', 'p4a:')).toMatchObject({ outcome: 'ok' });
    expect(readFileSync(path.join(dir, 'pot_status_web'), 'utf8')).toBe('pot.status=started,p4a:\n');
    utimesSync(path.join(dir, 'pot_status_web'), 1000, 1000);
    boot = 2000;
    expect(await store.readStatus('web')).toBeUndefined();
    boot = 500;
    expect(await store.readStatus('web')).toEqual({ state: 'started', interfaces: 'p4a:' });
  });

  it('writeFileAtomic keeps the mode of an existing file and leaves no temporary file', async () => {
    const dir = tmp();
    const f = path.join(dir, 'a');
    mkdirSync(dir, { recursive: true });
    writeFileSync(f, 'old', { mode: 0o600 });
    await writeFileAtomic(f, 'new');
    expect(readFileSync(f, 'utf8')).toBe('new');
    expect((await import('node:fs')).statSync(f).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['a']);
  });
});
