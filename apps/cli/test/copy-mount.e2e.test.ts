/**
 * copy-in, copy-out, mount-in and mount-out against the fake FreeBSD host:
 * files really arrive (the fake emulates `cp -a` inside a jail and nullfs
 * mounts by copying), on stopped pots (mounted around the work, unmounted
 * after) and on running ones, with every refusal and its message.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost, type PotRun } from './fake-host.js';
import { offerRelease } from './release-fixture.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

const J = (...p: string[]): string => path.join(host.fsRoot, 'jails', 'web', ...p);
const read = (file: string): string => readFileSync(file, 'utf8');
const fscompConf = (): string => read(J('conf', 'fscomp.conf'));
/** The mount table, sorted (stop remounts datasets in another order). */
const mounts = (): string => host.look('mount').split('\n').sort().join('\n');
const mounted = (target: string): string | undefined =>
  mounts()
    .split('\n')
    .find((l) => l.includes(` on ${target} (`));
/** The effects of the last pot command, temporary names made stable. */
const lastEffects = (): string => {
  const all = host.effects().replace(/copy-(in|out)\.[A-Za-z0-9]{8}/g, 'copy-$1.XXXXXXXX');
  return all.slice(all.lastIndexOf('### ['));
};

async function ok(...args: string[]): Promise<PotRun> {
  const r = await host.pot(...args);
  expect(r, `pot ${args.join(' ')}`).toMatchObject({ code: 0, stderr: '' });
  return r;
}

/** A refusal: exit 1, the message, and nothing changed on the host (only the syslog line). */
const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function refused(args: string[], message: string): Promise<PotRun> {
  const r = await host.pot(...args);
  expect(r.code, `pot ${args.join(' ')}`).toBe(1);
  // the message whole, then the end of the line or the suggestion pot adds in parentheses
  expect(r.stderr, `pot ${args.join(' ')}`).toMatch(new RegExp(`###>  ${escapeRegExp(message)}(\n| \\()`));
  const effects = lastEffects()
    .split('\n')
    .slice(1)
    .filter((l) => l !== '' && !l.startsWith('E logger '));
  expect(effects, `pot ${args.join(' ')}`).toEqual([]);
  return r;
}

/** A host with base 13.1, the multi pot `web` (level 1, inherit) and host files: files/hello.txt, files/site/{index.html,css/a.css}. */
async function webHost(): Promise<{ files: string; hello: string; site: string }> {
  host = createFakeHost();
  host.setup('host_pot_root; host_base 13.1');
  await ok('create', '-p', 'web', '-b', '13.1');
  const files = path.join(host.dir, 'files');
  const site = path.join(files, 'site');
  mkdirSync(path.join(site, 'css'), { recursive: true });
  writeFileSync(path.join(files, 'hello.txt'), 'hello\n');
  writeFileSync(path.join(site, 'index.html'), '<h1>hi</h1>\n');
  writeFileSync(path.join(site, 'css', 'a.css'), 'h1 {}\n');
  return { files, hello: path.join(files, 'hello.txt'), site };
}

/** A host directory below the fake host's directory. */
function hostDir(name: string, content: Record<string, string> = {}): string {
  const dir = path.join(host.dir, name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(content)) writeFileSync(path.join(dir, file), text);
  return dir;
}

describe('copy-in', () => {
  it('into a stopped pot: a file and directories; the pot is mounted for the copy, which runs in a throw-away jail, and unmounted after', async () => {
    const { files, hello, site } = await webHost();
    const before = mounts();
    await ok('copy-in', '-p', 'web', '-s', hello, '-d', '/root/hello.txt');
    // /root is a link to opt/custom/root: the file is in the pot's custom dataset
    expect(read(J('custom', 'root', 'hello.txt'))).toBe('hello\n');
    expect(lastEffects()).toBe(
      [
        `### [2] pot copy-in -p web -s @FILES@/hello.txt -d /root/hello.txt`,
        `E logger -p local2.info -t pot 'pot-copy-in -p web -s @FILES@/hello.txt -d /root/hello.txt'`,
        'E mount_nullfs -o ro @FS@/bases/13.1 @FS@/jails/web/m',
        'E zfs set mountpoint=@FS@/jails/web/m/usr/local zroot/pot/jails/web/usr.local',
        'E zfs set mountpoint=@FS@/jails/web/m/opt/custom zroot/pot/jails/web/custom',
        'E mount -t tmpfs tmpfs @FS@/jails/web/m/tmp',
        'E mount_nullfs -o ro @FILES@ @FS@/jails/web/m/tmp/copy-in.XXXXXXXX',
        'E jail -c path=@FS@/jails/web/m command=/bin/cp -a /tmp/copy-in.XXXXXXXX/hello.txt /root/hello.txt',
        'E umount -f @FS@/jails/web/m/tmp/copy-in.XXXXXXXX',
        'E umount -f @FS@/jails/web/m/tmp',
        'E zfs set mountpoint=@FS@/jails/web/custom zroot/pot/jails/web/custom',
        'E zfs set mountpoint=@FS@/jails/web/usr.local zroot/pot/jails/web/usr.local',
        'E umount -f @FS@/jails/web/m',
        '',
      ].join('\n'),
    );
    expect(mounts()).toBe(before);
    expect(files).toBe(path.dirname(hello));

    // a directory: a new destination becomes its copy ...
    await ok('copy-in', '-p', 'web', '-s', site, '-d', '/usr/local/www');
    expect(lastEffects()).toContain(`E mount_nullfs -o ro @FILES@/site @FS@/jails/web/m/tmp/copy-in.XXXXXXXX/site\n`);
    expect(lastEffects()).toContain('E jail -c path=@FS@/jails/web/m command=/bin/cp -a /tmp/copy-in.XXXXXXXX/site /usr/local/www\n');
    expect(read(J('usr.local', 'www', 'index.html'))).toBe('<h1>hi</h1>\n');
    expect(read(J('usr.local', 'www', 'css', 'a.css'))).toBe('h1 {}\n');
    // ... an existing one receives it under its own name (shell pot's copy was named copy-in.XXXXXXXX)
    await ok('copy-in', '-p', 'web', '-s', `${site}/`, '-d', '/usr/local/www');
    expect(read(J('usr.local', 'www', 'site', 'css', 'a.css'))).toBe('h1 {}\n');
    expect(readdirSync(J('usr.local', 'www')).sort()).toEqual(['css', 'index.html', 'site']);
    expect(mounts()).toBe(before);
  });

  it('-c creates the destination directory first; without it the copy fails and nothing stays mounted', async () => {
    const { hello } = await webHost();
    const before = mounts();
    const r = await host.pot('copy-in', '-p', 'web', '-s', hello, '-d', '/usr/local/share/deep/hello.txt');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`###>  Source ${hello} NOT copied because of an error\n`);
    expect(r.stderr).toContain('cp: /usr/local/share/deep/hello.txt: No such file or directory\n');
    expect(mounts()).toBe(before);

    await ok('copy-in', '-c', '-p', 'web', '-s', hello, '-d', '/usr/local/share/deep/hello.txt');
    expect(lastEffects()).toContain('E jail -c path=@FS@/jails/web/m command=/bin/mkdir -p /usr/local/share/deep\n');
    expect(read(J('usr.local', 'share', 'deep', 'hello.txt'))).toBe('hello\n');
    expect(mounts()).toBe(before);
  });

  it('a link inside the pot cannot lead the copy outside it', async () => {
    const { hello } = await webHost();
    const outside = hostDir('outside');
    symlinkSync(outside, J('usr.local', 'escape')); // seen from inside the jail: <outside> below its root
    const r = await host.pot('copy-in', '-p', 'web', '-s', hello, '-d', '/usr/local/escape/hello.txt');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`###>  Source ${hello} NOT copied because of an error\n`);
    expect(readdirSync(outside)).toEqual([]);
  });

  it('into a running pot: refused without -F; with -F the copy runs in the jail (jexec), -c too', async () => {
    const { hello, site } = await webHost();
    await ok('start', 'web');
    const running = mounts();
    const r = await refused(
      ['copy-in', '-p', 'web', '-s', hello, '-d', '/root/hello.txt'],
      'Copying files on a running pot is discouraged, it can partially expose the host file system to the jail',
    );
    expect(r.stderr).toContain('      fix: Using the -F flag, the operation can be executed anyway, but we disagree\n');

    await ok('copy-in', '-F', '-p', 'web', '-s', hello, '-d', '/root/hello.txt');
    expect(read(J('m', 'root', 'hello.txt'))).toBe('hello\n');
    expect(lastEffects().split('\n').slice(2)).toEqual([
      'E mount_nullfs -o ro @FILES@ @FS@/jails/web/m/tmp/copy-in.XXXXXXXX',
      'E jexec web /bin/cp -a /tmp/copy-in.XXXXXXXX/hello.txt /root/hello.txt',
      'E umount -f @FS@/jails/web/m/tmp/copy-in.XXXXXXXX',
      '',
    ]);
    const v = await ok('copy-in', '-vFc', '-p', 'web', '-s', site, '-d', '/usr/local/a/b/www');
    expect(lastEffects()).toContain('E jexec web /bin/mkdir -p /usr/local/a/b\n');
    expect(lastEffects()).toContain('E jexec web /bin/cp -va /tmp/copy-in.XXXXXXXX/site /usr/local/a/b/www\n');
    expect(v.stdout).toMatch(/^\/tmp\/copy-in\.[A-Za-z0-9]{8}\/site -> \/usr\/local\/a\/b\/www$/m);
    expect(read(J('m', 'usr', 'local', 'a', 'b', 'www', 'index.html'))).toBe('<h1>hi</h1>\n');
    expect(readdirSync(J('m', 'tmp')).filter((f) => f.startsWith('copy-in.'))).toEqual([]);
    expect(mounts()).toBe(running);
    await ok('stop', 'web');
    expect(read(J('usr.local', 'a', 'b', 'www', 'css', 'a.css'))).toBe('h1 {}\n');
  });

  it('refuses what shell pot refused, with its messages, changing nothing', async () => {
    const { hello } = await webHost();
    const help = await refused(['copy-in', '-s', hello, '-d', '/x'], 'A pot name is mandatory');
    expect(help.stderr).toContain('pot copy-in [-hvFc] [--dry-run] -p pot -s source -d dest\n');
    await refused(['copy-in', '-p', 'web', '-d', '/x'], 'A source is mandatory');
    await refused(['copy-in', '-p', 'web', '-s', hello], 'A destination is mandatory');
    await refused(['copy-in', '-p', 'web', '-s', hello, '-d', 'x'], 'The destination has to be an absolute pathname');
    await refused(['copy-in', '-p', 'nope', '-s', hello, '-d', '/x'], "pot nope not found ('pot ls' lists the pots)");
    await refused(['copy-in', '-p', 'web', '-s', `${hello}.nope`, '-d', '/x'], `${hello}.nope not valid`);
    host.setup('host_knob uid 1001');
    await refused(['copy-in', '-p', 'web', '-s', hello, '-d', '/x'], "This operation needs 'root' privileges");
  });

  it('--dry-run prints the host commands and copies nothing', async () => {
    const { hello } = await webHost();
    const r = await ok('copy-in', '--dry-run', '-p', 'web', '-s', hello, '-d', '/root/hello.txt');
    expect(r.stdout).toMatch(/^jail -c path=\S+\/jails\/web\/m command=\/bin\/cp -a \/tmp\/copy-in\.[A-Za-z0-9]{8}\/hello\.txt \/root\/hello\.txt$/m);
    expect(r.stdout).toMatch(/^mount_nullfs -o ro \S+\/files \S+\/jails\/web\/m\/tmp\/copy-in\.[A-Za-z0-9]{8}$/m);
    expect(existsSync(J('custom', 'root', 'hello.txt'))).toBe(false);
    expect(
      lastEffects()
        .split('\n')
        .filter((l) => l.startsWith('E ') && !l.startsWith('E logger ')),
    ).toEqual([]);
  });
});

describe('copy-out', () => {
  it('from a stopped pot: a file and a directory land in the host directory (read-write nullfs), the rest of it is kept', async () => {
    await webHost();
    writeFileSync(J('custom', 'root', 'notes.txt'), 'notes\n');
    mkdirSync(J('usr.local', 'www'));
    writeFileSync(J('usr.local', 'www', 'index.html'), 'page\n');
    const out = hostDir('out', { 'keep.txt': 'keep\n' });
    const before = mounts();
    await ok('copy-out', '-p', 'web', '-s', '/root/notes.txt', '-d', out);
    expect(lastEffects()).toContain('E mount_nullfs -o rw @WORK@/out @FS@/jails/web/m/tmp/copy-out.XXXXXXXX\n');
    expect(lastEffects()).toContain('E jail -c path=@FS@/jails/web/m command=/bin/cp -a /root/notes.txt /tmp/copy-out.XXXXXXXX\n');
    expect(read(path.join(out, 'notes.txt'))).toBe('notes\n');
    await ok('copy-out', '-p', 'web', '-s', '/usr/local/www', '-d', out);
    expect(read(path.join(out, 'www', 'index.html'))).toBe('page\n');
    expect(readdirSync(out).sort()).toEqual(['keep.txt', 'notes.txt', 'www']);
    expect(mounts()).toBe(before);
  });

  it('from a running pot: refused without -F, through jexec with it', async () => {
    await webHost();
    writeFileSync(J('custom', 'root', 'notes.txt'), 'notes\n');
    const out = hostDir('out');
    await ok('start', 'web');
    const r = await refused(
      ['copy-out', '-p', 'web', '-s', '/root/notes.txt', '-d', out],
      'Copying files from a running pot is discouraged, it can partially expose the host file system to the jail',
    );
    expect(r.stderr).toContain('      fix: Using the -F flag, the operation can be executed anyway, but we disagree\n');
    await ok('copy-out', '-F', '-p', 'web', '-s', '/root/notes.txt', '-d', out);
    expect(lastEffects()).toContain('E jexec web /bin/cp -a /root/notes.txt /tmp/copy-out.XXXXXXXX\n');
    expect(read(path.join(out, 'notes.txt'))).toBe('notes\n');
    await ok('stop', 'web');
  });

  it('refuses what shell pot refused, with its messages', async () => {
    const { hello } = await webHost();
    const out = hostDir('out');
    const help = await refused(['copy-out', '-s', '/x', '-d', out], 'A pot name is mandatory');
    expect(help.stderr).toContain('pot copy-out [-hvF] [--dry-run] -p pot -s source -d dest\n');
    await refused(['copy-out', '-p', 'web', '-d', out], 'A source is mandatory');
    await refused(['copy-out', '-p', 'web', '-s', '/x'], 'A destination is mandatory');
    await refused(['copy-out', '-p', 'web', '-s', 'x', '-d', out], 'The source has to be an absolute pathname');
    await refused(['copy-out', '-p', 'nope', '-s', '/x', '-d', out], "pot nope not found ('pot ls' lists the pots)");
    await refused(['copy-out', '-p', 'web', '-s', '/x', '-d', `${out}/nope`], `${out}/nope not valid`);
    await refused(['copy-out', '-p', 'web', '-s', '/x', '-d', hello], `${hello} not valid`);
    const before = mounts();
    const missing = await host.pot('copy-out', '-p', 'web', '-s', '/nope', '-d', out);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('###>  Source /nope NOT copied because of an error\n');
    expect(mounts()).toBe(before);
    expect(readdirSync(out)).toEqual([]);
  });
});

describe('mount-in', () => {
  it('-d on a stopped pot (as nomad-pot-driver): the line is written, mounted at the next start, unmounted at stop', async () => {
    await webHost();
    const local = hostDir('local', { 'a.txt': 'a\n' });
    const secrets = hostDir('secrets', { token: 's3cret\n' });
    const before = mounts();
    await ok('mount-in', '-p', 'web', '-d', local, '-m', '/mnt');
    await ok('mount-in', '-p', 'web', '-d', `${secrets}/`, '-m', '/usr/local/secrets/', '-r');
    expect(fscompConf()).toBe(
      [
        'zroot/pot/bases/13.1 / ro',
        'zroot/pot/jails/web/usr.local /usr/local zfs-remount',
        'zroot/pot/jails/web/custom /opt/custom zfs-remount',
        `${local} /mnt`,
        `${secrets} /usr/local/secrets ro`,
        '',
      ].join('\n'),
    );
    expect(mounts()).toBe(before);
    expect(existsSync(J('usr.local', 'secrets'))).toBe(true); // the mount point was made, in the pot's dataset

    await ok('start', 'web');
    expect(read(J('m', 'mnt', 'a.txt'))).toBe('a\n');
    expect(read(J('m', 'usr', 'local', 'secrets', 'token'))).toBe('s3cret\n');
    expect(mounted(J('m', 'mnt'))).toBe(`${local} on ${J('m', 'mnt')} (nullfs, local)`);
    expect(mounted(J('m', 'usr', 'local', 'secrets'))).toBe(`${secrets} on ${J('m', 'usr', 'local', 'secrets')} (nullfs, local, read-only)`);
    writeFileSync(J('m', 'mnt', 'written.txt'), 'from the jail\n');
    await ok('stop', 'web');
    expect(mounted(J('m', 'mnt'))).toBeUndefined();
    expect(mounted(J('m', 'usr', 'local', 'secrets'))).toBeUndefined();
    expect(read(path.join(local, 'written.txt'))).toBe('from the jail\n');
    expect(mounts()).toBe(before);
  });

  it('-f and -z, with -r, -w and both: current-form lines (shell pot wrote legacy absolute ones), mounted at start', async () => {
    await webHost();
    host.look('zfs', 'create', 'zroot/pot/fscomp/shared');
    host.look('zfs', 'create', 'zroot/pot/fscomp/moved');
    host.look('zfs', 'create', '-o', `mountpoint=${path.join(host.dir, 'extra')}`, 'zroot/extra');
    writeFileSync(path.join(host.fsRoot, 'fscomp', 'shared', 'shared.txt'), 'shared\n');
    writeFileSync(path.join(host.dir, 'extra', 'extra.txt'), 'extra\n');
    await ok('mount-in', '-p', 'web', '-f', 'shared', '-m', '/usr/local/shared');
    await ok('mount-in', '-p', 'web', '-z', 'zroot/extra', '-m', '/usr/local/extra', '-r');
    await ok('mount-in', '-p', 'web', '-f', 'moved', '-m', '/usr/local/moved', '-w');
    const both = await ok('mount-in', '-p', 'web', '-z', 'zroot/pot/fscomp/shared', '-m', '/usr/local/again', '-w', '-r');
    expect(both.stdout).toBe('===>  Readonly and remount are mutually exclusive: readonly considered, remount ignored\n');
    expect(fscompConf().split('\n').slice(3)).toEqual([
      'zroot/pot/fscomp/shared /usr/local/shared',
      'zroot/extra /usr/local/extra ro',
      'zroot/pot/fscomp/moved /usr/local/moved zfs-remount',
      'zroot/pot/fscomp/shared /usr/local/again ro',
      '',
    ]);

    await ok('start', 'web');
    expect(read(J('m', 'usr', 'local', 'shared', 'shared.txt'))).toBe('shared\n');
    expect(read(J('m', 'usr', 'local', 'extra', 'extra.txt'))).toBe('extra\n');
    expect(read(J('m', 'usr', 'local', 'again', 'shared.txt'))).toBe('shared\n');
    expect(mounted(J('m', 'usr', 'local', 'extra'))).toContain('read-only');
    expect(host.look('zfs', 'get', '-Ho', 'value', 'mountpoint', 'zroot/pot/fscomp/moved').trim()).toBe(J('m', 'usr', 'local', 'moved'));
    await ok('stop', 'web');
    expect(mounted(J('m', 'usr', 'local', 'shared'))).toBeUndefined();
    expect(mounted(J('m', 'usr', 'local', 'extra'))).toBeUndefined();
    // as stop moves every zfs-remount dataset: next to the pot's own
    expect(host.look('zfs', 'get', '-Ho', 'value', 'mountpoint', 'zroot/pot/fscomp/moved').trim()).toBe(J('moved'));
  });

  it('resolves the mount point inside the pot: a link leads where it leads in the jail', async () => {
    await webHost();
    const data = hostDir('data', { 'd.txt': 'd\n' });
    await ok('mount-in', '-p', 'web', '-d', data, '-m', '/root/data');
    expect(fscompConf()).toContain(`${data} /opt/custom/root/data\n`);
    expect(existsSync(J('custom', 'root', 'data'))).toBe(true);
    await refused(['mount-in', '-p', 'web', '-d', hostDir('data2'), '-m', '/opt/custom/root/data'], 'The mount point /opt/custom/root/data is already in use');
    await ok('start', 'web');
    expect(read(J('m', 'root', 'data', 'd.txt'))).toBe('d\n');
    await ok('stop', 'web');
  });

  it('on a running pot: mounted now; mount-out unmounts now', async () => {
    await webHost();
    host.look('zfs', 'create', 'zroot/pot/fscomp/shared');
    writeFileSync(path.join(host.fsRoot, 'fscomp', 'shared', 'shared.txt'), 'shared\n');
    const data = hostDir('data', { 'a.txt': 'a\n' });
    const before = mounts();
    await ok('start', 'web');
    await ok('mount-in', '-p', 'web', '-d', data, '-m', '/usr/local/data');
    expect(lastEffects()).toContain(`E mount_nullfs -o rw @WORK@/data @FS@/jails/web/m/usr/local/data\n`);
    expect(read(J('m', 'usr', 'local', 'data', 'a.txt'))).toBe('a\n');
    await ok('mount-in', '-p', 'web', '-f', 'shared', '-m', '/mnt', '-r');
    expect(lastEffects()).toContain(`E mount_nullfs -o ro @FS@/fscomp/shared @FS@/jails/web/m/mnt\n`);
    expect(read(J('m', 'mnt', 'shared.txt'))).toBe('shared\n');
    expect(fscompConf()).toContain(`${data} /usr/local/data\nzroot/pot/fscomp/shared /mnt ro\n`);

    await ok('mount-out', '-p', 'web', '-m', '/usr/local/data/');
    expect(lastEffects()).toContain('E umount -f @FS@/jails/web/m/usr/local/data\n');
    expect(mounted(J('m', 'usr', 'local', 'data'))).toBeUndefined();
    expect(fscompConf()).not.toContain(data);
    await ok('stop', 'web');
    expect(mounts()).toBe(before);
  });

  it('refuses what shell pot refused, in its order and with its messages, changing nothing', async () => {
    await webHost();
    host.look('zfs', 'create', 'zroot/pot/fscomp/shared');
    const data = hostDir('data');
    const more = hostDir('more');
    await ok('mount-in', '-p', 'web', '-d', data, '-m', '/mnt');
    appendFileSync(J('conf', 'fscomp.conf'), `${more} ${J('m')}/usr/local/legacy \n${J('m', 'srv')} /elsewhere\n`);
    const conf = fscompConf();
    const help = await refused(['mount-in', '-d', data, '-m', '/mnt'], 'A pot name is mandatory');
    expect(help.stderr).toContain('pot mount-in [-hvwr] [--dry-run] -p pot -m mnt -f fscomp|-d dir|-z dataset\n');
    await refused(['mount-in', '-p', 'web', '-m', '/mnt'], 'One of -f|-d|-z option has to be used');
    await refused(['mount-in', '-p', 'web', '-d', '/', '-m', '/mnt'], 'One of -f|-d|-z option has to be used');
    await refused(['mount-in', '-p', 'web', '-f', 'shared', '-d', data, '-m', '/mnt'], '-f and -d options are mutually exclusive');
    await refused(['mount-in', '-p', 'web', '-f', 'shared', '-z', 'zroot/x', '-m', '/mnt'], '-f and -z options are mutually exclusive');
    await refused(['mount-in', '-p', 'web', '-d', data, '-z', 'zroot/x', '-m', '/mnt'], '-d and -z options are mutually exclusive');
    await refused(['mount-in', '-p', 'web', '-d', data], 'A mount point is mandatory');
    await refused(['mount-in', '-p', 'web', '-d', data, '-m', '/my mnt'], 'The mountpoint cannot contain spaces');
    await refused(['mount-in', '-p', 'web', '-d', data, '-m', 'mnt'], 'The mount point has to be an absolute pathname');
    await refused(['mount-in', '-p', 'web', '-d', data, '-m', '/'], '/ is not a valid mount point');
    await refused(['mount-in', '-p', 'web', '-d', data, '-m', '/x', '-w'], 'Remount cannot be used with directories, but with fscomp only');
    await refused(['mount-in', '-p', 'web', '-f', 'nope', '-m', '/x'], "fs component nope not found ('pot ls -f' lists the fs components)");
    await refused(
      ['mount-in', '-p', 'web', '-f', '../jails', '-m', '/x'],
      '"../jails" is not a valid fscomp name: it contains "/" (names become paths and datasets)',
    );
    await refused(['mount-in', '-p', 'web', '-z', 'zroot/nope', '-m', '/x'], 'dataset zroot/nope is not valid');
    await refused(['mount-in', '-p', 'web', '-d', `${data}/nope`, '-m', '/x'], `${data}/nope is not a directory`);
    await refused(['mount-in', '-p', 'web', '-d', J('conf'), '-m', '/x'], `Directory ${J('conf')} not valid, already used or already part of the pot`);
    await refused(
      ['mount-in', '-p', 'web', '-d', path.join(host.fsRoot, 'jails'), '-m', '/x'],
      `Directory ${path.join(host.fsRoot, 'jails')} not valid, already used or already part of the pot`,
    );
    await refused(['mount-in', '-p', 'web', '-d', data, '-m', '/x'], `Directory ${data} not valid, already used or already part of the pot`);
    await refused(['mount-in', '-p', 'nope', '-d', hostDir('other'), '-m', '/x'], "pot nope not found ('pot ls' lists the pots)");
    await refused(['mount-in', '-p', 'web', '-d', hostDir('other'), '-m', '/mnt/'], 'The mount point /mnt/ is already in use');
    await refused(['mount-in', '-p', 'web', '-d', hostDir('other'), '-m', '/usr/local/legacy'], 'The mount point /usr/local/legacy is already in use');
    await refused(['mount-in', '-p', 'web', '-d', hostDir('other'), '-m', '/srv'], 'The mount point /srv is already used as source directory');
    host.setup('host_knob uid 1001');
    await refused(['mount-in', '-p', 'web', '-d', hostDir('other'), '-m', '/x'], "This operation needs 'root' privileges");
    expect(fscompConf()).toBe(conf);
  });

  it('--dry-run shows the new fscomp.conf and writes nothing', async () => {
    await webHost();
    const data = hostDir('data');
    const conf = fscompConf();
    const r = await ok('mount-in', '--dry-run', '-p', 'web', '-d', data, '-m', '/mnt');
    expect(r.stdout).toContain(`# write ${J('conf', 'fscomp.conf')}:\n#   zroot/pot/bases/13.1 / ro\n`);
    expect(r.stdout).toContain(`#   ${data} /mnt\n`);
    expect(fscompConf()).toBe(conf);
  });

  it("a single pot from a release: nomad-pot-driver's /local and /secrets, and copy-in", async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    offerRelease(host, '13.2');
    await ok('create', '-t', 'single', '-p', 'job', '-b', '13.2');
    const local = hostDir('alloc/local', { env: 'A=1\n' });
    const secrets = hostDir('alloc/secrets', { vault_token: 'tok\n' });
    const file = path.join(hostDir('task'), 'config.json');
    writeFileSync(file, '{}\n');
    await ok('mount-in', '-p', 'job', '-d', local, '-m', '/local');
    await ok('mount-in', '-p', 'job', '-d', secrets, '-m', '/secrets', '-r');
    await ok('copy-in', '-p', 'job', '-s', file, '-d', '/root/config.json');
    const m = (...p: string[]): string => path.join(host.fsRoot, 'jails', 'job', 'm', ...p);
    expect(read(path.join(host.fsRoot, 'jails', 'job', 'conf', 'fscomp.conf'))).toBe(`${local} /local\n${secrets} /secrets ro\n`);
    expect(read(m('root', 'config.json'))).toBe('{}\n');
    await ok('start', 'job');
    expect(read(m('local', 'env'))).toBe('A=1\n');
    expect(read(m('secrets', 'vault_token'))).toBe('tok\n');
    await ok('stop', 'job');
    expect(readdirSync(m('local'))).toEqual([]);
  });
});

describe('mount-out', () => {
  it('removes the line whatever its form (relative, legacy absolute with a trailing blank, reached through a link); nothing to unmount on a stopped pot', async () => {
    await webHost();
    const a = hostDir('a');
    const b = hostDir('b');
    const c = hostDir('c');
    await ok('mount-in', '-p', 'web', '-d', a, '-m', '/mnt');
    await ok('mount-in', '-p', 'web', '-d', c, '-m', '/root/c');
    appendFileSync(J('conf', 'fscomp.conf'), `${b} ${J('m')}/usr/local/b \n`);
    const base = fscompConf().split('\n').slice(0, 3).join('\n');

    await ok('mount-out', '-p', 'web', '-m', '/mnt');
    expect(
      lastEffects()
        .split('\n')
        .filter((l) => l.startsWith('E ') && !l.startsWith('E logger ')),
    ).toEqual([]);
    await ok('mount-out', '-p', 'web', '-m', '/usr/local/b');
    // (dry-run does not mount the stopped pot: the line's own form is given, not the link /root)
    const dry = await ok('mount-out', '--dry-run', '-p', 'web', '-m', '/opt/custom/root/c');
    expect(dry.stdout).toContain(`# write ${J('conf', 'fscomp.conf')}:\n`);
    expect(fscompConf()).toBe(`${base}\n${c} /opt/custom/root/c\n`);
    await ok('mount-out', '-p', 'web', '-m', '/root/c');
    expect(fscompConf()).toBe(`${base}\n`);
  });

  it('refuses what shell pot refused, with its messages', async () => {
    await webHost();
    const help = await refused(['mount-out', '-m', '/mnt'], 'A pot name is mandatory');
    expect(help.stderr).toContain('pot mount-out [-hv] [--dry-run] -p pot -m mnt\n');
    await refused(['mount-out', '-p', 'web'], 'A mount point is mandatory');
    await refused(['mount-out', '-p', 'web', '-m', 'mnt'], 'The mount point has to be an absolute pathname');
    await refused(['mount-out', '-p', 'web', '-m', '/'], '/ is not a valid mount point');
    await refused(['mount-out', '-p', 'nope', '-m', '/mnt'], "pot nope not found ('pot ls' lists the pots)");
    const before = mounts();
    const conf = fscompConf();
    const r = await host.pot('mount-out', '-p', 'web', '-m', '/mnt/none');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("###>  The mount point /mnt/none is not in use ('pot info -v -p web' lists the mounts of the pot)\n");
    expect(fscompConf()).toBe(conf);
    expect(mounts()).toBe(before);
    host.setup('host_knob uid 1001');
    await refused(['mount-out', '-p', 'web', '-m', '/mnt'], "This operation needs 'root' privileges");
  });
});
