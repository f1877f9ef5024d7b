/**
 * Differential tests of the base group of the in-process emulator against the bash stand-ins:
 * the file operations and mount table of lib/fakebsd.sh (fsops.ts, mounts.ts), its IPv4
 * helpers (ipv4.ts), and the commands of commands/base.ts, including the unlogged shims.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import {
  chmodSync,
  existsSync,
  linkSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  readlinkSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Call } from '../src/emulator/call.ts';
import { commands, unloggedCommands } from '../src/emulator/commands/base.ts';
import * as fsops from '../src/emulator/fsops.ts';
import { type EmuRequest, type EmuResult, runEmulated } from '../src/emulator/index.ts';
import * as ipv4 from '../src/emulator/ipv4.ts';
import * as mounts from '../src/emulator/mounts.ts';
import { State } from '../src/emulator/state.ts';
import { FAKE_FREEBSD_DIR, type FakeHostOptions } from '../src/index.ts';
import { type Answer, type CallOptions, type DiffHosts, diffHosts } from './differential.ts';

const LIB = path.join(FAKE_FREEBSD_DIR, 'lib');
/** `bash -c` on a socket for standard input reads ~/.bashrc unless it is a nested shell. */
const BASH_ENV_VARS = { PATH: process.env.PATH ?? '/usr/bin:/bin', SHLVL: '2' };
const cleanups: Array<() => void> = [];
afterAll(() => {
  for (const c of cleanups) c();
});

// ---- two hosts, calls with @DIR@ standing for each host's own directory

/** Two hosts for differential calls, removed after the tests. */
function pair(options: FakeHostOptions = {}): DiffHosts {
  const h = diffHosts(options);
  cleanups.push(() => h.cleanup());
  return h;
}

/** The emulator's side of an unlogged stand-in: its function of unloggedCommands, run directly. */
function unloggedCommand(request: EmuRequest): EmuResult {
  const call = new Call(request);
  const command = unloggedCommands[call.cmd];
  if (command === undefined) throw new Error(`${call.cmd} is not an unlogged command`);
  return call.result(command(call));
}

/** One call on both hosts through an unlogged stand-in (the bash one, or the function of unloggedCommands). */
function runUnlogged(p: DiffHosts, argv: string[], opts: CallOptions = {}): Answer {
  return p.call(argv, { ...opts, emulate: unloggedCommand });
}

// ---- file operations: the bash function on one tree, the TypeScript one on a copy

/** Tree lines with what cp -a and mv keep: type, mode, links, mtime, content or target. */
function richTree(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const r = rel === '' ? name : `${rel}/${name}`;
      const st = lstatSync(p);
      const mode = (st.mode & 0o7777).toString(8);
      const t = Math.floor(st.mtimeMs / 1000);
      if (st.isSymbolicLink()) out.push(`${r} l ${t} ${readlinkSync(p)}`);
      else if (st.isDirectory()) {
        out.push(`${r} d ${mode}`);
        walk(p, r);
      } else out.push(`${r} f ${mode} n${st.nlink} ${t} ${readFileSync(p, 'latin1')}`);
    }
  };
  walk(dir, '');
  return out;
}

const T0 = new Date('2020-01-02T03:04:05Z');

/** Builds a tree: `d PATH MODE`, `f PATH MODE CONTENT`, `l PATH TARGET`, `h PATH EXISTING`. */
function build(root: string, spec: string[]): void {
  const later: Array<[string, number]> = [];
  for (const line of spec) {
    const [kind, rel, a = '', ...rest] = line.split(' ');
    const p = path.join(root, rel as string);
    mkdirSync(path.dirname(p), { recursive: true });
    if (kind === 'd') {
      mkdirSync(p, { recursive: true });
      later.push([p, Number.parseInt(a, 8)]);
    } else if (kind === 'f') {
      writeFileSync(p, rest.join(' '));
      chmodSync(p, Number.parseInt(a, 8));
      utimesSync(p, T0, T0);
    } else if (kind === 'l') symlinkSync(a, p);
    else if (kind === 'h') linkSync(path.join(root, a), p);
  }
  // directory modes last: a read-only directory is filled first
  for (const [p, mode] of later.reverse()) chmodSync(p, mode);
}

interface FsCase {
  spec: string[];
  /** The bash code (fb_* functions of fakebsd.sh) run in the tree's root. */
  bash: string;
  ts: () => boolean | undefined;
}

function fsDiff(c: FsCase): void {
  const a = mkdtempSync(path.join(tmpdir(), 'fbfs-a-'));
  const b = mkdtempSync(path.join(tmpdir(), 'fbfs-b-'));
  try {
    for (const r of [a, b]) mkdirSync(path.join(r, 'state'));
    build(a, c.spec);
    build(b, c.spec);
    const script = `. ${LIB}/fakebsd.sh\ncd "$ROOT"\n${c.bash}\necho "rc=$?"`;
    const r = spawnSync('bash', ['-c', script], {
      env: { ...BASH_ENV_VARS, FAKEBSD_STATE: path.join(a, 'state'), ROOT: a },
      encoding: 'utf8',
    });
    const prev = process.cwd();
    process.chdir(b);
    let ok: boolean | undefined;
    try {
      fsops.takeFsErrors();
      ok = c.ts();
    } finally {
      process.chdir(prev);
    }
    const errors = fsops.takeFsErrors();
    expect(richTree(b)).toEqual(richTree(a));
    expect(errors).toEqual(r.stderr);
    if (ok !== undefined) expect(ok ? 'rc=0\n' : 'rc=1\n').toEqual(r.stdout);
  } finally {
    for (const r of [a, b]) {
      spawnSync('chmod', ['-R', 'u+rwx', r]);
      rmSync(r, { recursive: true, force: true });
    }
  }
}

const TREE = [
  'd from 750',
  'f from/a 640 A',
  'f from/.hidden 600 H',
  'l from/link a',
  'l from/dangling nowhere',
  'd from/ro 555',
  'f from/ro/inside 444 I',
  'd from/ro/deep 500',
  'f from/ro/deep/x 644 X',
  'f from/h1 644 hard',
  'h from/h2 from/h1',
  'd to 700',
];

describe('file operations (fsops.ts) against fakebsd.sh', () => {
  it('lists entries as a dotglob glob does, in byte order', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'fbfs-'));
    cleanups.push(() => rmSync(d, { recursive: true, force: true }));
    for (const n of ['b', '.a', 'B', 'a b', '_', '\u00e9']) writeFileSync(path.join(d, n), '');
    const r = spawnSync('bash', ['-c', `. ${LIB}/fakebsd.sh; fb_entries_into e "$1"; printf '%s\\n' "\${e[@]}"`, 'x', d], {
      env: { ...BASH_ENV_VARS, FAKEBSD_STATE: d },
      encoding: 'utf8',
    });
    expect(
      fsops
        .entries(d)
        .map((e) => `${e}\n`)
        .join(''),
    ).toBe(r.stdout);
    expect(fsops.entries(path.join(d, 'missing'))).toEqual([]);
  });

  it('moves content into an empty directory (modes, links, dot files, read-only directories)', () => {
    fsDiff({ spec: TREE, bash: 'fb_move_content from to', ts: () => fsops.moveContent('from', 'to') });
  });

  it('moves content onto names the target already holds (merged, replaced, refused)', () => {
    fsDiff({
      spec: [
        ...TREE,
        'd to/ro 755',
        'f to/ro/old 644 O',
        'd to/a 755',
        'f to/link 600 was-a-file',
        'd to/empty 755',
        'd from/empty 711',
        'f from/empty/e 644 E',
      ],
      bash: 'fb_move_content from to',
      ts: () => fsops.moveContent('from', 'to'),
    });
  });

  it('moves nothing out of an empty or missing directory', () => {
    fsDiff({
      spec: ['d from 755', 'd to 755'],
      bash: 'fb_move_content from to && fb_move_content nope to',
      ts: () => fsops.moveContent('from', 'to') && fsops.moveContent('nope', 'to'),
    });
  });

  it('copies a tree as cp -a SRC/. DST/ does (new and existing destination, conflicts)', () => {
    fsDiff({ spec: TREE, bash: 'cp -a -- from/. to/', ts: () => fsops.copyAll('from', 'to') });
    fsDiff({ spec: TREE, bash: 'cp -a -- from/. new/', ts: () => fsops.copyAll('from', 'new') });
    fsDiff({
      spec: [...TREE, 'f to/link 600 old', 'f to/target 600 old-target', 'l to/a target', 'd to/dangling 755', 'f to/ro 644 file', 'd to/h1 755'],
      bash: 'cp -a -- from/. to/',
      ts: () => fsops.copyAll('from', 'to'),
    });
    fsDiff({ spec: ['d to 755'], bash: 'cp -a -- nope/. to/', ts: () => fsops.copyAll('nope', 'to') });
  });

  it('removes and clears, read-only directories included', () => {
    fsDiff({ spec: TREE, bash: 'fb_rm from/ro from/a missing', ts: () => fsops.rmrf('from/ro', 'from/a', 'missing') });
    fsDiff({ spec: TREE, bash: 'fb_clear from', ts: () => fsops.clearDir('from') });
    fsDiff({ spec: TREE, bash: 'fb_clear to', ts: () => fsops.clearDir('to') });
  });

  it('copies modes with chmod --reference, and says what is missing', () => {
    fsDiff({ spec: TREE, bash: 'chmod --reference=from/ro -- to', ts: () => fsops.chmodLike('to', 'from/ro') });
    fsDiff({ spec: TREE, bash: 'chmod --reference=nope -- to', ts: () => fsops.chmodLike('to', 'nope') });
    fsDiff({ spec: TREE, bash: 'chmod --reference=to -- nope', ts: () => fsops.chmodLike('nope', 'to') });
    fsDiff({ spec: TREE, bash: 'chmod --reference=to -- from/dangling', ts: () => fsops.chmodLike('from/dangling', 'to') });
  });
});

describe('IPv4 helpers (ipv4.ts) against fakebsd.sh', () => {
  it('converts addresses, prefixes and masks as bash arithmetic does', () => {
    const ips = ['0.0.0.0', '10.192.0.1', '255.255.255.255', '192.168.1.10', '1.2.3.4', '010.0.0.8', '300.1.1.1'];
    const ints = ['0', '1', '3232235786', '4294967295', '4294967296', '180879361'];
    const prefixes = ['0', '1', '8', '10', '24', '31', '32'];
    const masks = ['255.255.255.0', '255.192.0.0', '0.0.0.0', '255.255.255.255', '0xffffff00', '0xffc00000', '0x0', '255.0.255.0'];
    const words = ['1.2.3.4', '1.2.3', '1.2.3.4.5', '1234.1.1.1', 'a.b.c.d', '1.2.3.4\n', ' 1.2.3.4', '999.999.999.999'];
    const script = [
      `. ${LIB}/fakebsd.sh`,
      ...ips.map((i) => `fb_ip2int '${i}'`),
      ...ints.map((i) => `fb_int2ip '${i}'`),
      ...prefixes.map((p) => `fb_prefix2mask '${p}'`),
      ...masks.map((m) => `fb_mask2prefix '${m}'`),
      ...words.map((w) => `fb_is_ipv4 $'${w.replace(/\n/g, '\\n')}' && echo yes || echo no`),
    ].join('\n');
    const r = spawnSync('bash', ['-c', script], { env: { ...BASH_ENV_VARS, FAKEBSD_STATE: tmpdir() }, encoding: 'utf8' });
    const ts = [
      ...ips.map((i) => ipv4.ip2int(i)),
      ...ints.map((i) => ipv4.int2ip(Number(i))),
      ...prefixes.map((p) => ipv4.prefix2mask(Number(p))),
      ...masks.map((m) => ipv4.mask2prefix(m)),
      ...words.map((w) => (ipv4.isIpv4(w) ? 'yes' : 'no')),
    ];
    expect(ts.map((x) => `${x}\n`).join('')).toBe(r.stdout);
  });
});

// ---- the mount table and emulated mounts, through mount, mount_nullfs and umount

describe('mount, mount_nullfs, umount', () => {
  const long = `@DIR@/${'d'.repeat(120)}/${'e'.repeat(120)}`;
  let p: DiffHosts;
  beforeAll(() => {
    p = pair({
      setup: [
        'mkdir -p "@DIR@/src/sub" "@DIR@/src/empty" "@DIR@/mnt" "@DIR@/mnt2" "@DIR@/tmpmp"',
        'printf "one\\n" >"@DIR@/src/one"',
        'printf "deep\\n" >"@DIR@/src/sub/deep"',
        'printf "x\\n" >"@DIR@/src/empty/.dot"',
        'printf "hidden\\n" >"@DIR@/mnt/under"',
        'printf "t\\n" >"@DIR@/tmpmp/was-here"',
        'chmod 750 "@DIR@/src"; chmod 711 "@DIR@/mnt"',
        'ln -s one "@DIR@/src/link"',
        'mkdir -p "@DIR@/z"',
        'zfs create -o mountpoint="@DIR@/z" zroot/z',
        'printf "data\\n" >"@DIR@/z/file"',
        `mkdir -p "${long}"`,
        `printf "x\\n" >"${long}/f"`,
      ],
    });
  });
  const emulated = (rel: string): boolean => existsSync(path.join(p.emu.dir, rel)) && existsSync(path.join(p.bash.dir, rel));

  it('records, lists and refuses as the stand-ins do', () => {
    p.call(['mount']);
    p.call(['mount', '-t', 'devfs', 'devfs', '@DIR@/mnt2/']);
    p.call(['mount', '-t', 'procfs', 'proc', '@DIR@/mnt2']);
    p.call(['mount', '-t', 'fdescfs', 'fdesc', '@DIR@/mnt2']);
    p.call(['mount', '-t', 'linprocfs', 'linproc', '@DIR@/mnt2']);
    p.call(['mount', '-t', 'ext4', 'x', '@DIR@/mnt2']);
    p.call(['mount', '-t', 'tmpfs', 'tmpfs', '@DIR@/missing']);
    p.call(['mount', '-t', 'tmpfs', 'tmpfs']);
    p.call(['mount', '-z', '-t']);
    p.call(['mount', '-x', '-t', 'tmpfs', 'tmpfs', '@DIR@/missing']);
    p.call(['mount_nullfs', '@DIR@/nope', '@DIR@/mnt']);
    p.call(['mount_nullfs', '@DIR@/src', '@DIR@/nope']);
    p.call(['mount_nullfs']);
    p.call(['mount_nullfs', '-o']);
    p.call(['mount_nullfs', '-q', '@DIR@/src']);
    p.call(['umount', '@DIR@/nope']);
    p.call(['umount']);
    p.call(['umount', '-f', '@DIR@/mnt2/']);
    p.call(['mount']);
    // outside the emulation area: recorded only
    p.call(['mount', '-t', 'tmpfs', 'tmpfs', '/tmp']);
    p.call(['mount_nullfs', '-o', 'ro', '/tmp', '/tmp']);
    p.call(['mount']);
    p.call(['umount', '/tmp']);
    p.call(['umount', '/tmp']);
    p.expectSameTree();
  });

  it('emulates tmpfs and nullfs mounts, stacked, and undoes them', () => {
    p.call(['mount', '-t', 'tmpfs', 'tmpfs', '@DIR@/tmpmp']);
    expect(emulated('tmpmp/was-here')).toBe(false);
    p.expectSameTree();
    p.call(['mount', '-t', 'tmpfs', 'tmpfs', '@DIR@/tmpmp/']);
    p.call(['mount']);
    p.expectSameTree();
    p.call(['umount', '@DIR@/tmpmp']);
    p.call(['umount', '@DIR@/tmpmp']);
    p.expectSameTree();
    p.call(['mount_nullfs', '-o', 'ro', '@DIR@/src', '@DIR@/mnt']);
    expect(emulated('mnt/one') && !emulated('mnt/under')).toBe(true);
    p.expectSameTree();
    p.call(['mount', '-r', '-t', 'nullfs', '@DIR@/src/sub', '@DIR@/mnt']);
    p.call(['mount']);
    p.expectSameTree();
    p.call(['umount', '@DIR@/mnt']);
    p.expectSameTree();
    p.call(['umount', '@DIR@/mnt']);
    p.call(['umount', '@DIR@/mnt']);
    expect(emulated('mnt/under') && emulated('tmpmp/was-here')).toBe(true);
    p.expectSameTree();
  });

  it('copies what was written through a read-write nullfs back to its source', () => {
    p.call(['mount_nullfs', '-o', 'rw', '@DIR@/src', '@DIR@/mnt']);
    p.both(({ dir }) => {
      writeFileSync(path.join(dir, 'mnt/new'), 'written\n');
      rmSync(path.join(dir, 'mnt/one'));
      chmodSync(path.join(dir, 'mnt'), 0o700);
      mkdirSync(path.join(dir, 'mnt/newdir'), { mode: 0o500 });
    });
    p.expectSameTree();
    p.call(['umount', '@DIR@/mnt']);
    expect(emulated('src/new') && !emulated('src/one') && emulated('src/newdir')).toBe(true);
    p.expectSameTree();
    // mount -t nullfs -o ro: nothing goes back
    p.call(['mount', '-t', 'nullfs', '-o', 'ro', '@DIR@/src', '@DIR@/mnt']);
    p.both(({ dir }) => writeFileSync(path.join(dir, 'mnt/lost'), 'lost\n'));
    p.call(['umount', '@DIR@/mnt/']);
    expect(emulated('src/lost')).toBe(false);
    p.expectSameTree();
  });

  it('peels the mounts below a nullfs source, and is busy while something is mounted below', () => {
    p.call(['mount', '-t', 'tmpfs', 'tmpfs', '@DIR@/src/sub']);
    p.both(({ dir }) => writeFileSync(path.join(dir, 'src/sub/in-tmpfs'), 'tmp\n'));
    p.call(['mount_nullfs', '@DIR@/src/empty', '@DIR@/src/sub']);
    p.call(['mount_nullfs', '@DIR@/src', '@DIR@/mnt']);
    // the nullfs shows src as its own file system holds it: sub without what is mounted on it
    expect(emulated('mnt/sub/deep') && !emulated('mnt/sub/.dot') && emulated('src/sub/.dot')).toBe(true);
    p.expectSameTree();
    p.both(({ dir }) => writeFileSync(path.join(dir, 'mnt/through'), 'rw\n'));
    p.call(['umount', '@DIR@/src']);
    p.call(['umount', '@DIR@/mnt']);
    p.expectSameTree();
    p.call(['umount', '@DIR@/src/sub']);
    p.expectSameTree();
    p.call(['umount', '@DIR@/src/sub']);
    p.call(['mount']);
    p.expectSameTree();
  });

  it('unmounts a zfs mount back into its dataset', () => {
    p.call(['mount']);
    p.call(['umount', '@DIR@/z']);
    p.expectSameTree();
    p.call(['umount', '@DIR@/z']);
  });

  it('keeps shadows of long mount points under an md5 name', () => {
    const md5 = (dir: string) => createHash('md5').update(long.split('@DIR@').join(dir)).digest('hex');
    p.alias(md5(p.emu.dir), md5(p.bash.dir));
    p.call(['mount', '-t', 'tmpfs', 'tmpfs', long]);
    expect(readdirSync(path.join(p.emu.stateDir, 'shadow'))[0]).toBe(`${md5(p.emu.dir)}#0`);
    p.expectSameTree();
    p.call(['umount', long]);
    p.expectSameTree();
  });
});

describe('mounts.ts table functions', () => {
  it('finds, counts and deletes the last entry on a mount point', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'fbmt-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const st = new State({ FAKEBSD_STATE: dir });
    expect(mounts.mtLoad(st)).toEqual([]);
    mounts.mtDel(st, '/x');
    expect(readFileSync(path.join(dir, 'mount.table'), 'utf8')).toBe('');
    mounts.mtAdd(st, { src: 'a', mp: '/m', type: 'nullfs', opts: 'local', real: '0' });
    mounts.mtAdd(st, { src: 'b', mp: '/m/x', type: 'tmpfs', opts: 'local', real: '2' });
    mounts.mtAdd(st, { src: 'c', mp: '/m', type: 'nullfs', opts: 'local, read-only', real: '0' });
    expect(mounts.mtFind(st, '/m')?.src).toBe('c');
    expect(mounts.mtCount(st, '/m')).toBe(2);
    expect(mounts.mtHasBelow(st, '/m/')).toBe(true);
    expect(mounts.mtHasBelow(st, '/m/x')).toBe(false);
    expect(mounts.emuBelow(st, '/m')).toEqual([{ n: 0, mp: '/m/x' }]);
    mounts.mtDel(st, '/m');
    expect(mounts.mtLoad(st).map((e) => e.src)).toEqual(['a', 'b']);
    expect(mounts.umountEntry(st, '/nope')).toBe(false);
    expect(mounts.realMountsAllowed(st)).toBe(false);
  });
});

// ---- the small stand-ins

describe('small stand-ins', () => {
  let p: DiffHosts;
  beforeAll(() => {
    p = pair({
      setup: [
        'host_sysctl security.jail.allow_raw_sockets=0',
        'host_sysctl net.inet.ip.forwarding=0',
        'printf "  pot_enable=\\"YES\\" # on\\nsingle=\'one two\'\\nbare=word#c\\n\\tbare=tabbed rest\\n" >"$FAKEBSD_HOSTROOT/etc/extra.conf"',
        'mkdir -p "@DIR@/dist/ftp.example.org/pub" "@DIR@/out"',
        'printf "base\\n" >"@DIR@/dist/ftp.example.org/pub/base.txz"',
        'printf "flat content\\n" >"@DIR@/dist/flat.txz"',
        'chmod 600 "@DIR@/dist/flat.txz"',
        'printf "abc" >"@DIR@/f1"',
        'printf "" >"@DIR@/f2"',
        'printf "untrusted comment: fake signify public key\\n0123abcd\\n" >"@DIR@/k.pub"',
        'printf "untrusted comment: fake signify secret key\\n0123abcd\\n" >"@DIR@/k.sec"',
        'printf "untrusted comment: fake signify public key\\nffff\\n" >"@DIR@/other.pub"',
        'printf "message\\n" >"@DIR@/m"',
      ],
    });
  });

  it('record, answer and refuse as the bash ones', () => {
    for (const argv of [
      ['logger', '-p', 'local0.info', '-t', 'pot', 'a message'],
      ['chflags', '-R', 'noschg', '/x'],
      ['chown', 'root:pot', '/x'],
      ['service', 'syslogd', 'reload'],
      ['kldload', '-n', 'pf', 'if_bridge'],
      ['id'],
      ['id', '-u'],
      ['id', '-un'],
      ['id', '-g'],
      ['id', '-gn'],
      ['id', '-ng'],
      ['id', '-x'],
      ['hostname'],
      ['hostname', '-s'],
      ['hostname', '-f'],
      ['hostname', 'new.name.example'],
      ['hostname', '-s'],
      ['getent', 'group', 'pot'],
      ['getent', 'group', 'nope'],
      ['getent', 'group'],
      ['getent', 'passwd', 'root'],
      ['chroot', '/jail', '/bin/realpath', '-q', '/a/b'],
      ['chroot', '/jail', 'realpath', '--'],
      ['chroot', '/jail', '/bin/sh', '-c', 'true'],
      ['chroot'],
      ['posixshmcontrol', 'ls'],
      ['posixshmcontrol', 'list'],
      ['posixshmcontrol', 'rm', '/shm'],
      ['posixshmcontrol', 'rm'],
      ['posixshmcontrol'],
    ]) {
      p.call(argv);
    }
    p.call(['id', '-nu'], { env: { FAKEBSD_UID: '1001' } });
    p.call(['getent', 'group', 'staff'], { env: { FAKEBSD_GROUPS: 'staff:*:20:\nwheel:*:0:' } });
    p.expectSameTree();
  });

  it('reads the knobs from conf files (getent reads whole lines only)', () => {
    p.both(({ dir }) => {
      writeFileSync(path.join(dir, 'state/conf/uid'), '1001\n');
      writeFileSync(path.join(dir, 'state/conf/groups'), 'a:*:1:\nb:*:2:\nlast:*:3:');
    });
    p.call(['id']);
    p.call(['id', '-un']);
    p.call(['getent', 'group']);
    p.call(['getent', 'group', 'b']);
    p.call(['getent', 'group', 'last']);
    p.expectSameTree();
  });

  it('sysctl reads and sets values', () => {
    for (const argv of [
      ['sysctl', 'kern.ostype'],
      ['sysctl', '-n', 'kern.ostype', 'net.inet.ip.forwarding'],
      ['sysctl', 'no.such'],
      ['sysctl', '-q', 'no.such', 'kern.ostype'],
      ['sysctl', '-i', 'no.such'],
      ['sysctl', '-qn', 'net.inet.ip.forwarding=1'],
      ['sysctl', 'net.inet.ip.forwarding=0'],
      ['sysctl', '-n', 'net.inet.ip.forwarding=a\\tb=c'],
      ['sysctl', 'kern.ostype=Linux'],
      ['sysctl', 'no.such=1'],
      ['sysctl', '-q', 'no.such=1'],
      ['sysctl', '-i', 'no.such=1', 'security.jail.allow_raw_sockets=1'],
      ['sysctl', '-Z', 'kern.ostype'],
      ['sysctl'],
    ]) {
      p.call(argv);
    }
    p.expectSameTree();
    // without its state file, every name is unknown
    p.both(({ dir }) => rmSync(path.join(dir, 'state/sysctl')));
    p.call(['sysctl', 'kern.ostype']);
    p.call(['sysctl', 'kern.ostype=x']);
    p.expectSameTree();
  });

  it('sysrc reads defaults and files, sets, deletes', () => {
    const extra = '@DIR@/hostroot/etc/extra.conf';
    for (const argv of [
      ['sysrc', 'hostname'],
      ['sysrc', '-n', 'pf_enable'],
      ['sysrc', 'nope_enable'],
      ['sysrc', '-q', 'nope_enable'],
      ['sysrc', '-i', 'nope_enable'],
      ['sysrc', '-f', extra, 'pot_enable', 'single', 'bare'],
      ['sysrc', '-f', extra, '-f', '@DIR@/hostroot/etc/rc.conf', 'hostname', 'pot_enable'],
      ['sysrc', 'pf_enable=YES'],
      ['sysrc', '-n', 'pf_enable=NO'],
      ['sysrc', '-q', 'gateway_enable=YES'],
      ['sysrc', 'hostname=other'],
      ['sysrc', '-f', extra, 'bare=new', 'single=x\\ty'],
      ['sysrc', '-f', extra, '-f', '@DIR@/hostroot/etc/rc.conf', 'pot_enable=NO', 'fresh=1'],
      ['sysrc', '-x', 'gateway_enable', 'pf_enable'],
      ['sysrc', '-f', extra, '-f', '@DIR@/nope.conf', '-x', 'bare'],
      ['sysrc', '-f', '@DIR@/nodir/rc.conf', 'a=b'],
      ['sysrc', '-f', '@DIR@/new.conf', 'a=b', 'a'],
      ['sysrc', '-R', '/', '-z', 'hostname'],
      ['sysrc'],
    ]) {
      p.call(argv);
    }
    p.expectSameTree();
  });

  it('fetch serves FAKEBSD_FETCH_DIR', () => {
    const env = { FAKEBSD_FETCH_DIR: '@DIR@/dist' };
    const base = 'https://ftp.example.org/pub/base.txz';
    p.call(['fetch', '-o', '@DIR@/out/x', base]);
    for (const [argv, e] of [
      [['fetch', '-s', base], env],
      [['fetch', '-q', '-o', '@DIR@/out/base.txz', base], env],
      [['fetch', '-o@DIR@/out/flat', 'https://other.example.org/some/where/flat.txz?x=1'], env],
      [['fetch', '-o', '@DIR@/out', 'https://other.example.org/flat.txz'], env],
      [['fetch', '-o', '-', base], env],
      [['fetch', '-o', 'rel.txz', base], env],
      [['fetch', base], env],
      [['fetch', '-o', '@DIR@/out/none', 'https://ftp.example.org/pub/none.txz'], env],
      [['fetch', '-o', '@DIR@/out/dir/', 'https://ftp.example.org/pub/'], env],
      [['fetch', '-q', '-o', '@DIR@/out'], env],
      [['fetch', '-o', '@DIR@/no/such/dir', base], env],
      [['fetch', '-o', '@DIR@/out/cut', base], { ...env, FAKEBSD_FETCH_TRUNCATE: '2' }],
      [['fetch', '-o', '@DIR@/no/cut', base], { ...env, FAKEBSD_FETCH_TRUNCATE: '2' }],
      [['fetch', '-o', '@DIR@/out/whole', base], { ...env, FAKEBSD_FETCH_TRUNCATE: '99' }],
    ] as Array<[string[], Record<string, string>]>) {
      p.call(argv, { env: e });
    }
    p.expectSameTree();
  });

  it('skein1024 digests standard input or files', () => {
    p.call(['skein1024', '-q'], { input: 'some image bytes\n' });
    p.call(['skein1024']);
    p.call(['skein1024', '-q', '@DIR@/f1', 'f2']);
    p.call(['skein1024', '-q', '@DIR@/f1', '@DIR@/missing', '@DIR@/f2']);
    p.call(['skein1024', '-q', '@DIR@']);
    p.call(['skein1024', '']);
    p.call(['skein1024', '-q x'], { input: 'ignored' });
    p.expectSameTree();
  });

  it('signify signs and verifies with the keys it made', () => {
    for (const argv of [
      ['signify', '-S', '-s', '@DIR@/k.sec', '-m', '@DIR@/m'],
      ['signify', '-V', '-q', '-p', '@DIR@/k.pub', '-m', '@DIR@/m'],
      ['signify', '-V', '-p', '@DIR@/other.pub', '-m', '@DIR@/m'],
      ['signify', '-S', '-s', '@DIR@/k.sec', '-m', '@DIR@/m', '-x', '@DIR@/m.other'],
      ['signify', '-V', '-p', '@DIR@/k.pub', '-x', '@DIR@/m.other', '-m', '@DIR@/m'],
      ['signify', '-S', '-s', '@DIR@/none.sec', '-m', '@DIR@/m'],
      ['signify', '-S', '-s', '@DIR@/k.sec', '-m', '@DIR@/none'],
      ['signify', '-S', '-s', '@DIR@/k.sec', '-m', '@DIR@/m', '-x', '@DIR@/no/dir.sig'],
      ['signify', '-V', '-p', '@DIR@/k.pub', '-m', '@DIR@/none'],
      ['signify', '-V', '-m', '@DIR@/m'],
      ['signify', '-C'],
      ['signify', '-y'],
      ['signify', '-G', '-p', '@DIR@/no/such.pub', '-s', '@DIR@/no/such.sec'],
    ]) {
      p.call(argv);
    }
    p.expectSameTree();
  });

  it('signify -G makes a key pair that verifies what its secret key signed', () => {
    const env = p.emu.env;
    const run = (...argv: string[]) => runEmulated({ argv: ['signify', ...argv], env: { ...env, FAKEBSD_NOLOG: '1' }, cwd: p.emu.dir });
    expect(run('-G', '-n', '-p', 'g.pub', '-s', 'g.sec')?.exitCode).toBe(0);
    const pub = readFileSync(path.join(p.emu.dir, 'g.pub'), 'utf8');
    expect(pub).toMatch(/^untrusted comment: fake signify public key\n[0-9a-f]{32}\n$/);
    expect(readFileSync(path.join(p.emu.dir, 'g.sec'), 'utf8').split('\n')[1]).toBe(pub.split('\n')[1]);
    expect(run('-S', '-s', 'g.sec', '-m', 'm', '-x', 'g.sig')?.exitCode).toBe(0);
    expect(readFileSync(path.join(p.emu.dir, 'g.sig'), 'utf8')).toMatch(/^untrusted comment: verify with g.pub\n[0-9a-f]{64}\n$/);
    expect(run('-V', '-p', 'g.pub', '-x', 'g.sig', '-m', 'm')?.stdout.toString()).toBe('Signature Verified\n');
  });
});

// ---- the unlogged stand-ins: shims and lockf

describe('unlogged stand-ins', () => {
  let p: DiffHosts;
  beforeAll(() => {
    p = pair({
      setup: [
        'printf "l1\\nl2\\nl3\\n" >"@DIR@/f"',
        'printf "" >"@DIR@/empty"',
        'printf "#!/bin/sh\\necho \\"script \\$*\\"; cat; exit 3\\n" >"@DIR@/s.sh"',
        'chmod 755 "@DIR@/s.sh"',
        'printf "#!/bin/sh\\necho via \\$0\\n" >"@DIR@/plain.sh"',
        'chmod 644 "@DIR@/plain.sh"',
      ],
    });
  });

  it('are not in the logged registry', () => {
    for (const name of Object.keys(unloggedCommands)) expect(Object.hasOwn(commands, name)).toBe(false);
  });

  it('sleep sleeps at most FAKEBSD_SLEEP_MAX', () => {
    for (const a of ['1', '0.001', '', 'abc', '5s', '1e-3', '0x1']) runUnlogged(p, a === '' ? ['sleep'] : ['sleep', a]);
    runUnlogged(p, ['sleep', '-1']);
    runUnlogged(p, ['sleep', 'nan']);
    runUnlogged(p, ['sleep', '0.05'], { env: { FAKEBSD_SLEEP_MAX: '0.02' } });
    const started = Date.now();
    const call = new Call({ argv: ['sleep', '10'], env: { ...p.emu.env, FAKEBSD_SLEEP_MAX: '0.05' } });
    expect(unloggedCommands.sleep?.(call)).toBe(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(Date.now() - started).toBeLessThan(1000);
    p.expectSameTree();
  });

  it('ex inserts, appends and writes as pot uses it', () => {
    runUnlogged(p, ['ex', '@DIR@/f'], { input: '0a\nfirst\n.\nx\n' });
    runUnlogged(p, ['ex', '@DIR@/f'], { input: '$a\nlast\nmore\n.\n2i\nsecond\n.\na\nafter\n.\nwq\n' });
    runUnlogged(p, ['ex', '@DIR@/f'], { input: '1i\nnever written\n.\nq!\n' });
    runUnlogged(p, ['ex', '@DIR@/f'], { input: '1a\nx\n.\nw\n0i\ny\n.\nq\n' });
    runUnlogged(p, ['ex', '@DIR@/empty'], { input: 'w\n' });
    runUnlogged(p, ['ex', '@DIR@/new'], { input: 'a\nhello\n.\nx' });
    runUnlogged(p, ['ex', '@DIR@/new2'], { input: 'a\nhello\n.\nx\n' });
    runUnlogged(p, ['ex', '@DIR@/f'], { input: '3d\nx\n' });
    runUnlogged(p, ['ex', '@DIR@/f'], { input: '010a\nfar\n.\n' });
    p.expectSameTree();
  });

  it('lockf logs, then runs its command with the call environment and input', () => {
    runUnlogged(p, ['lockf', '-k', '-t', '0', '@DIR@/lock', '@DIR@/s.sh', 'a', 'b'], { input: 'in\n' });
    runUnlogged(p, ['lockf', '-s', '--', '@DIR@/lock', 'sh', '-c', 'echo "$LC_ALL $PWD"; echo err >&2']);
    runUnlogged(p, ['lockf', '@DIR@/lock', '@DIR@/plain.sh']);
    runUnlogged(p, ['lockf', '@DIR@/lock', 'sh', '@DIR@/plain.sh'], { env: { FAKEBSD_SH: 'bash --norc' } });
    runUnlogged(p, ['lockf', '@DIR@/lock', '@DIR@/plain.sh', 'x'], { env: { FAKEBSD_SH: 'bash --norc' } });
    runUnlogged(p, ['lockf', '@DIR@/lock', 'no-such-command']);
    runUnlogged(p, ['lockf', '@DIR@/lock', '@DIR@/no/such']);
    runUnlogged(p, ['lockf', '@DIR@/lock', '@DIR@']);
    runUnlogged(p, ['lockf', '@DIR@/lock']);
    runUnlogged(p, ['lockf', '-k', '@DIR@/lock', 'hostname', '-s']);
    p.expectSameTree();
  });
});
