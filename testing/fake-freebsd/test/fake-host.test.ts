import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runStandIn } from '../src/emulator/index.ts';
import { createFakeHost, type FakeHost } from '../src/index.ts';

let host: FakeHost;
afterEach(() => host?.cleanup());

/** One stand-in call in process, answered as spawnSync answers with encoding utf8 (pipe() below runs processes). */
const sh = (h: FakeHost, command: string, ...args: string[]) => {
  const r = runStandIn({ argv: [command, ...args], env: h.env });
  return { status: r.exitCode, stdout: r.stdout.toString('utf8'), stderr: r.stderr };
};

describe('the fake FreeBSD host', () => {
  it('keeps network state and answers in ifconfig formats', () => {
    host = createFakeHost();
    expect(sh(host, 'ifconfig', 'bridge', 'create').stdout).toBe('bridge0\n');
    sh(host, 'ifconfig', 'bridge0', 'inet', '10.192.0.1/10');
    expect(sh(host, 'ifconfig', 'epair', 'create', 'descr', 'web', 'group', 'pot').stdout).toBe('epair0a\n');
    sh(host, 'ifconfig', 'bridge0', 'addm', 'epair0a', 'up');
    expect(host.iface('bridge0')).toMatchObject({ addresses: ['10.192.0.1/10'], members: ['epair0a'], up: true });
    expect(host.iface('epair0a')).toMatchObject({ description: 'web', groups: expect.arrayContaining(['pot']) });
    expect(sh(host, 'ifconfig', '-g', 'bridge').stdout).toBe('bridge0\n');
    expect(sh(host, 'ifconfig', 'bridge0').stdout).toMatch(/member: epair0a/);
    const again = sh(host, 'ifconfig', 'epair0a', 'name', 'lo0');
    expect(again.status).not.toBe(0);
  });

  it('fails the way zfs fails and lists datasets', () => {
    host = createFakeHost();
    expect(sh(host, 'zfs', 'create', 'zroot/pot').status).toBe(0);
    const missing = sh(host, 'zfs', 'list', '-H', '-o', 'name', 'zroot/nope');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('dataset does not exist');
    expect(host.datasets()).toContain('zroot/pot');
  });

  it('loads, shows and flushes a pf anchor', () => {
    host = createFakeHost();
    const rules = path.join(host.dir, 'rules');
    writeFileSync(rules, 'rdr pass on em0 inet proto tcp from any to (em0) port 8080 -> 10.192.0.3 port 80\n');
    expect(sh(host, 'pfctl', '-a', 'pot-rdr/web', '-f', rules).status).toBe(0);
    expect(host.pfAnchors()).toEqual(['pot-rdr/web']);
    expect(host.pfRules('pot-rdr/web')[0]).toContain('-> 10.192.0.3 port 80');
    expect(sh(host, 'pfctl', '-a', 'pot-rdr/web', '-s', 'nat').stdout).toContain('port = 8080');
    sh(host, 'pfctl', '-a', 'pot-rdr/web', '-F', 'all');
    expect(host.pfRules('pot-rdr/web')).toEqual([]);
  });

  it('runs and removes jails, refusing a second start', () => {
    host = createFakeHost({ setup: ['host_iface vlan20 10.1.0.1/24'] });
    expect(host.iface('vlan20')?.addresses).toEqual(['10.1.0.1/24']);
    const start = ['-c', 'name=web', 'path=/', 'host.hostname=web', 'persist'];
    expect(sh(host, 'jail', ...start).status).toBe(0);
    expect(sh(host, 'jls', '-j', 'web').status).toBe(0);
    expect(sh(host, 'jail', ...start).status).not.toBe(0);
    expect(sh(host, 'jail', '-r', 'web').status).toBe(0);
    expect(sh(host, 'jls', '-j', 'web').status).not.toBe(0);
  });

  it('reads and sets sysctl values', () => {
    host = createFakeHost();
    expect(host.sysctl('kern.features.vimage')).toBe('1');
    expect(sh(host, 'sysctl', 'net.inet.ip.forwarding=1').status).toBe(0);
    expect(host.sysctl('net.inet.ip.forwarding')).toBe('1');
  });

  it('logs every call as one JSON object a line, with argv, class, rc and input', () => {
    host = createFakeHost();
    const odd = 'quote " backslash \\ tab \t newline \n ünïcode';
    // as processes: the launchers, argv and stdin through them
    spawnSync('ifconfig', ['epair', 'create', 'descr', odd], { env: host.env });
    execFileSync('pfctl', ['-a', 'pot-nat', '-f', '-'], { env: host.env, input: 'nat on em0 from 10.192.0.0/10 to any -> (em0)\n' });
    spawnSync('zfs', ['list', '-H', 'zroot/missing'], { env: host.env });
    expect(host.calls()).toEqual([
      { class: 'E', rc: 0, argv: ['ifconfig', 'epair', 'create', 'descr', odd] },
      { class: 'E', rc: 0, argv: ['pfctl', '-a', 'pot-nat', '-f', '-'], input: 'nat on em0 from 10.192.0.0/10 to any -> (em0)' },
      { class: 'Q', rc: 1, argv: ['zfs', 'list', '-H', 'zroot/missing'] },
    ]);
    expect(host.effects()).toHaveLength(2);
  });
});

/** A tree as a sorted list: `path/`, `path -> target`, `path: content`. */
function tree(dir: string, rel = ''): string[] {
  const out: string[] = [];
  for (const name of readdirSync(path.join(dir, rel)).sort()) {
    const r = path.join(rel, name);
    const p = path.join(dir, r);
    const st = lstatSync(p);
    if (st.isSymbolicLink()) out.push(`${r} -> ${readlinkSync(p)}`);
    else if (st.isDirectory()) out.push(`${r}/`, ...tree(dir, r));
    else out.push(`${r}: ${readFileSync(p, 'utf8')}`);
  }
  return out;
}

/** `FROM | TO` as the TypeScript pot runs it: two processes, stdout piped to stdin. */
function pipe(h: FakeHost, from: string[], to: string[]): Promise<number> {
  const a = spawn(from[0] as string, from.slice(1), { env: h.env, stdio: ['ignore', 'pipe', 'inherit'] });
  const b = spawn(to[0] as string, to.slice(1), { env: h.env, stdio: ['pipe', 'ignore', 'inherit'] });
  a.stdout.pipe(b.stdin);
  return new Promise((resolve, reject) => {
    b.on('error', reject);
    b.on('close', (code) => resolve(code ?? -1));
  });
}

describe('mounts without a mount namespace (emulated)', () => {
  /** A host with pot's datasets below its own directory (FS = POT_FS_ROOT). */
  function potHost(...setup: string[]): { fs: string } {
    const dir = mkdtempSync(path.join(tmpdir(), 'fake-freebsd-'));
    const fs = path.join(dir, 'fs');
    host = createFakeHost({ dir, env: { POT_FS_ROOT: fs, POT_CACHE: path.join(dir, 'cache'), POT_TMP: path.join(dir, 'tmp') }, setup });
    return { fs };
  }
  const ok = (command: string, ...args: string[]) => {
    const r = sh(host, command, ...args);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return r.stdout;
  };

  it('shows the files of a pot started on a base, and puts what it writes into its datasets', async () => {
    const { fs } = potHost('host_pot_root', 'host_base 13.1');
    const base = path.join(fs, 'bases/13.1');
    const baseBefore = tree(base);
    // host_base wrote into the mount points: the files are in the datasets
    expect(baseBefore).toContain('opt/custom/etc/hosts: ::1\t\t\tlocalhost localhost.my.domain\n127.0.0.1\t\tlocalhost localhost.my.domain\n');
    ok('zfs', 'create', 'zroot/pot/jails/web');
    const received = await pipe(
      host,
      ['zfs', 'send', 'zroot/pot/bases/13.1/custom@1700000000'],
      ['zfs', 'receive', '-x', 'encryption', 'zroot/pot/jails/web/custom'],
    );
    expect(received).toBe(0);
    const J = path.join(fs, 'jails/web');
    for (const f of ['etc/hosts', 'etc/crontab', 'etc/rc.d/rtsold']) {
      expect(readFileSync(path.join(J, 'custom', f), 'utf8')).toBe(readFileSync(path.join(base, 'opt/custom', f), 'utf8'));
    }

    // pot start: base (nullfs ro) on m, the pot's custom dataset on m/opt/custom, tmpfs on m/tmp
    mkdirSync(path.join(J, 'm'));
    ok('mount_nullfs', '-o', 'ro', base, `${J}/m`);
    ok('zfs', 'set', `mountpoint=${J}/m/opt/custom`, 'zroot/pot/jails/web/custom');
    ok('mount', '-t', 'tmpfs', 'tmpfs', `${J}/m/tmp`);
    expect(lstatSync(`${J}/m/etc`).isSymbolicLink()).toBe(true);
    expect(readFileSync(`${J}/m/etc/hosts`, 'utf8')).toContain('127.0.0.1\t\tlocalhost');
    expect(readFileSync(`${J}/m/bin/freebsd-version`, 'utf8')).toContain('13.1-RELEASE');
    expect(existsSync(`${J}/custom/etc`)).toBe(false); // the dataset moved away from there
    expect(readdirSync(`${J}/m/tmp`)).toEqual([]);
    writeFileSync(`${J}/m/etc/rc.conf`, 'hostname="web"\n');
    writeFileSync(`${J}/m/tmp/tinirc`, 'started\n');
    // the mount table and zfs answer as before
    expect(ok('mount')).toContain(`${base} on ${J}/m (nullfs, local, read-only)\n`);
    expect(ok('mount')).toContain(`tmpfs on ${J}/m/tmp (tmpfs, local)\n`);
    expect(ok('zfs', 'get', '-H', '-o', 'value', 'mounted,mountpoint', 'zroot/pot/jails/web/custom')).toBe(`yes\n${J}/m/opt/custom\n`);
    expect(sh(host, 'umount', '-f', `${J}/m`).stderr).toContain('Device busy');

    // pot stop: the other way round
    ok('umount', '-f', `${J}/m/tmp`);
    ok('zfs', 'set', `mountpoint=${J}/custom`, 'zroot/pot/jails/web/custom');
    ok('umount', '-f', `${J}/m`);
    expect(readFileSync(`${J}/custom/etc/rc.conf`, 'utf8')).toBe('hostname="web"\n');
    expect(readdirSync(`${J}/m`)).toEqual([]);
    expect(tree(base)).toEqual(baseBefore);
    // the logs hold the calls, as with real mounts
    expect(host.effects().map((c) => `${c.argv.slice(0, 2).join(' ')} ${c.rc}`)).toEqual([
      'zfs create 0',
      'zfs receive 0',
      'mount_nullfs -o 0',
      'zfs set 0',
      'mount -t 0',
      'umount -f 1', // busy
      'umount -f 0',
      'zfs set 0',
      'umount -f 0',
    ]);
    // a new start sees what the pot wrote
    ok('mount_nullfs', '-o', 'ro', base, `${J}/m`);
    ok('zfs', 'set', `mountpoint=${J}/m/opt/custom`, 'zroot/pot/jails/web/custom');
    expect(readFileSync(`${J}/m/etc/rc.conf`, 'utf8')).toBe('hostname="web"\n');
    expect(readdirSync(`${J}/m/tmp`)).toEqual([]);
  });

  it('snapshots, sends and rolls back the files written into a mounted dataset', () => {
    const { fs } = potHost('host_pot_root');
    const data = path.join(fs, 'fscomp/data');
    mkdirSync(data, { recursive: true });
    writeFileSync(path.join(data, 'under'), 'hidden by the mount\n');
    ok('zfs', 'create', 'zroot/pot/fscomp/data');
    expect(readdirSync(data)).toEqual([]);
    writeFileSync(path.join(data, 'f'), 'one\n');
    ok('zfs', 'snapshot', 'zroot/pot/fscomp/data@s1');
    writeFileSync(path.join(data, 'f'), 'two\n');
    // the way the shell pot pipes it
    expect(spawnSync('bash', ['-c', 'zfs send zroot/pot/fscomp/data@s1 | zfs receive -x encryption zroot/pot/fscomp/copy'], { env: host.env }).status).toBe(0);
    expect(readFileSync(path.join(fs, 'fscomp/copy/f'), 'utf8')).toBe('one\n');
    ok('zfs', 'clone', 'zroot/pot/fscomp/data@s1', 'zroot/pot/fscomp/clone');
    expect(readFileSync(path.join(fs, 'fscomp/clone/f'), 'utf8')).toBe('one\n');
    ok('zfs', 'rollback', 'zroot/pot/fscomp/data@s1');
    expect(readFileSync(path.join(data, 'f'), 'utf8')).toBe('one\n');
    // unmounted, the mount point shows again what was under it; mounted, the dataset
    ok('zfs', 'umount', 'zroot/pot/fscomp/data');
    expect(tree(data)).toEqual(['under: hidden by the mount\n']);
    ok('zfs', 'mount', 'zroot/pot/fscomp/data');
    expect(tree(data)).toEqual(['f: one\n']);
    // as on ZFS, the clone keeps its origin's dataset until it goes (or -R)
    expect(sh(host, 'zfs', 'destroy', '-r', 'zroot/pot/fscomp/data').stderr).toContain('filesystem has dependent clones');
    ok('zfs', 'destroy', 'zroot/pot/fscomp/clone');
    ok('zfs', 'destroy', '-r', 'zroot/pot/fscomp/data');
    expect(tree(data)).toEqual(['under: hidden by the mount\n']);
  });

  it('a snapshot of a dataset leaves out the datasets mounted below it', () => {
    const { fs } = potHost('host_pot_root', 'host_base 13.1');
    const snap = path.join(host.stateDir, 'zfs/snap/zroot%pot%bases%13.1@1700000000/data');
    expect(readdirSync(path.join(snap, 'opt/custom'))).toEqual([]);
    expect(readdirSync(path.join(snap, 'usr/local'))).toEqual([]);
    expect(existsSync(path.join(snap, 'bin/freebsd-version'))).toBe(true);
    expect(existsSync(path.join(fs, 'bases/13.1/opt/custom/etc/crontab'))).toBe(true);
  });

  it('writes through a read-write nullfs reach its source; tmpfs files go away', () => {
    const { fs } = potHost('host_pot_root');
    const src = path.join(fs, 'src');
    const mp = path.join(fs, 'mnt');
    mkdirSync(src, { recursive: true });
    mkdirSync(mp, { recursive: true });
    writeFileSync(path.join(src, 'a'), 'a\n');
    writeFileSync(path.join(mp, 'under'), 'u\n');
    ok('mount', '-t', 'nullfs', src, mp);
    expect(tree(mp)).toEqual(['a: a\n']);
    writeFileSync(path.join(mp, 'b'), 'b\n');
    ok('umount', mp);
    expect(tree(src)).toEqual(['a: a\n', 'b: b\n']);
    expect(tree(mp)).toEqual(['under: u\n']);
    ok('mount', '-t', 'tmpfs', 'tmpfs', mp);
    expect(tree(mp)).toEqual([]);
    writeFileSync(path.join(mp, 'scratch'), 's\n');
    ok('umount', mp);
    expect(tree(mp)).toEqual(['under: u\n']);
    // a missing mount point still fails
    expect(sh(host, 'mount_nullfs', src, path.join(fs, 'nope')).status).toBe(1);
  });
});
