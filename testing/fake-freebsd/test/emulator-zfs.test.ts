/**
 * Differential test of the in-process zfs (src/emulator/commands/zfs.ts, zfs-store.ts,
 * zfs-listing.ts) against bin/zfs: every subcommand, option and error path, and the sequences
 * pot runs (packages/pot-core/src/host/freebsd/driver.ts and images.ts), on a host with pot's
 * datasets and a base mounted in place.
 *
 * Paths in argv and input are per host (@DIR@ becomes each host's directory; see
 * differential.ts).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Answer, type DiffHosts, diffHosts } from './differential.ts';

const ENV = { POT_FS_ROOT: '@DIR@/rt/fs', POT_CACHE: '@DIR@/rt/cache', POT_TMP: '@DIR@/rt/tmp', POT_ZFS_ROOT: 'zroot/pot' };

interface Both {
  h: DiffHosts;
  /** One zfs call on both hosts (@DIR@ in argv and input per host); expects the same answer. */
  z(argv: string[], input?: string): Answer;
  /** `zfs send ARGS | zfs receive ARGS` on each host. */
  pipe(send: string[], receive: string[]): void;
  /** Writes a file below both hosts' directories (into a mounted dataset, say). */
  write(rel: string, content: string): void;
  sameTree(): void;
}

function both(options: { setup?: string[] }): Both {
  const h = diffHosts({ ...options, env: ENV });
  return {
    h,
    z: (argv, input) => h.call(['zfs', ...argv], { input }),
    pipe(send, receive) {
      h.pipe(['zfs', ...send], ['zfs', ...receive]);
    },
    write(rel, content) {
      h.both((host) => {
        const f = path.join(host.dir, rel);
        mkdirSync(path.dirname(f), { recursive: true });
        writeFileSync(f, content);
      });
    },
    sameTree: () => h.expectSameTree(),
  };
}

describe('zfs in process, on a bare host', () => {
  let t: Both;
  beforeAll(() => {
    t = both({});
  });
  afterAll(() => t.h.cleanup());

  it('refuses what it does not know and creates datasets as bin/zfs does', () => {
    const { z } = t;
    z([]);
    z(['frobnicate', 'x']);
    z(['promote', 'zroot/x']);
    z(['create']);
    z(['create', 'zroot@x']);
    z(['create', 'zroot']);
    z(['create', '-p', 'zroot']);
    z(['create', 'tank']);
    z(['create', 'zroot/a/b']);
    z(['create', '-p', '-o', 'mountpoint=@DIR@/m/ab', 'zroot/a/b']);
    z(['create', '-p', 'tank/x/y']);
    z(['create', '-x', 'zroot/c']);
    z(['create', '-o']);
    z(['create', '-V', '1G', '-s', 'zroot/vol']);
    z(['create', '-uo', 'mountpoint=@DIR@/m/d', 'zroot/d']);
    z(['create', '-o', 'mountpoint=/outside-the-area', '-o', 'atime=off', 'zroot/out']);
    z(['create', '-o', 'canmount', 'zroot/odd']);
    z(['create', '--', 'zroot/e']);
    t.sameTree();
  });

  it('mounts and unmounts', () => {
    const { z } = t;
    z(['mount', 'zroot/d']);
    z(['mount', 'zroot/d']);
    z(['mount']);
    z(['mount', 'zroot/nope']);
    z(['mount', '-v']);
    z(['umount', '@DIR@/m/d']);
    z(['umount', 'zroot/d']);
    z(['unmount', '/nowhere']);
    z(['mount', '-a']);
    z(['create', 'zroot/d/sub']);
    t.write('m/d/f1', 'one\n');
    t.write('m/d/sub/f2', 'two\n');
    z(['unmount', 'zroot/d']);
    z(['umount', '-f', 'zroot/d/sub']);
    z(['mount', '-O', 'zroot/d/sub']);
    z(['umount', 'zroot/out']);
    z(['mount']);
    t.sameTree();
  });

  it('sets, inherits and answers properties', () => {
    const { z } = t;
    z(['set', 'atime=off', 'zroot/d']);
    z(['set', 'compression=lz4', 'zroot']);
    z(['set', 'readonly=on', 'zroot/d']);
    z(['set', 'foo=', 'zroot/d']);
    z(['set', 'note=a\tb\tc', 'zroot/d']);
    z(['set', 'multi=x\ny', 'zroot/d']);
    z(['set', 'used=1.5G', 'zroot/d/sub']);
    z(['set', 'refer=7M', 'zroot/d/sub']);
    z(['set', ':pot.tag=1.0', 'zroot/d']);
    z(['set', 'novalue', 'zroot/d']);
    z(['set', 'a=b', 'zroot/nope']);
    z(['set']);
    z(['inherit', 'atime', 'zroot/nope']);
    z(['inherit', '-r', 'readonly', 'zroot/d']);
    const props =
      'mountpoint,canmount,atime,compression,readonly,exec,setuid,devices,encryption,mounted,type,origin,used,referenced,available,avail,refer,creation,name,quota,foo,note,multi,:pot.tag';
    z(['get', '-H', '-o', 'name,property,value,source', props, 'zroot/d/sub', 'zroot/d@none', 'zroot/d']);
    z(['get', props, 'zroot/d', 'zroot/a/b', 'zroot/out']);
    z(['get', 'all', 'zroot/d']);
    z(['get', '-Ho', 'value', 'mountpoint', 'zroot/d/sub']);
    z(['get', '-o', 'property', 'all', 'zroot']);
    z(['get', '-r', '-o', 'name,value', 'mountpoint', 'zroot']);
    z(['get', '-d', '1', '-p', '-o', 'value,bogus,source,,name', 'used,mounted', 'zroot/d']);
    z(['get', '-Hp', '-s', 'local', '-t', 'filesystem', 'atime', 'zroot/nope', 'zroot/d']);
    z(['get']);
    z(['get', '-z', '-o']);
    z(['get', 'mountpoint name', 'zroot/d']);
    z(['list', '-o', 'name,foo,note,multi,:pot.tag,used,refer,referenced,available', 'zroot/d', 'zroot/d/sub']);
    t.sameTree();
  });

  it('lists datasets and snapshots', () => {
    const { z } = t;
    z(['snapshot', 'zroot/d@s']);
    z(['snapshot', 'zroot/d@s']);
    z(['snap', 'zroot/none@s']);
    z(['snapshot', '-r', 'zroot/d@t', 'zroot/a@t']);
    z(['snapshot', '-o', 'x=y', 'zroot/a/b@u', 'zroot/nope@u', 'zroot/c@u']);
    z(['list']);
    z(['list', '-r', 'zroot/d']);
    z(['list', '-d', '0', 'zroot']);
    z(['list', '-d', '1', '-t', 'all', 'zroot']);
    z(['list', '-d', '1', '-H', '-t', 'snapshot', 'zroot/d']);
    z(['list', '-t', 'all,volume']);
    z(['list', '-H', '-t', 'all', '-o', 'name,mountpoint,mounted,canmount,origin']);
    z([
      'list',
      '-t',
      'snapshot',
      '-H',
      '-o',
      'name,used,refer,referenced,mountpoint,avail,available,origin,type,canmount,mounted,creation',
      'zroot/d@s',
      'zroot/d',
    ]);
    z(['list', '-o', 'available,referenced,used,avail', 'zroot/d']);
    z(['list', 'zroot/x', 'zroot/d@no', 'zroot/d']);
    z(['list', '-q']);
    z(['list', '-d']);
    z(['list', '-s', 'name', '-S', 'used', '-p', '-H', '-r', 'zroot/a']);
    z(['list', '-d', '', '-H', '-o', 'name', 'zroot/a']);
    t.sameTree();
  });

  it('fails clone, send, receive, rename, rollback and destroy as bin/zfs does', () => {
    const { z } = t;
    z(['clone', 'zroot/d@nope', 'zroot/x']);
    z(['clone', 'zroot/d@s', 'zroot/d']);
    z(['clone', 'zroot/d@s', 'nopool']);
    z(['clone', 'zroot/d@s', 'zroot/q/r']);
    z(['clone', '-p', 'zroot/d@s']);
    z(['send', 'zroot/d']);
    z(['send', '-v', 'zroot/d@zz']);
    z(['receive', 'zroot/r'], 'garbage\n');
    z(['receive', 'zroot/r']);
    z(['recv', 'zroot/r'], 'FAKEBSD-ZFS-STREAM\nzroot/d@nope\n');
    z(['receive', 'zroot/d'], 'FAKEBSD-ZFS-STREAM\nzroot/d@s\n');
    z(['receive', '-F', 'zroot/q/r'], 'FAKEBSD-ZFS-STREAM\nzroot/d@s\n');
    z(['receive', '-z', 'zroot'], 'FAKEBSD-ZFS-STREAM\nzroot/d@s\n');
    z(['rename', 'zroot/nope', 'zroot/x']);
    z(['rename', 'zroot/d', 'zroot/c']);
    z(['rollback', 'zroot/d@zz']);
    z(['rollback']);
    z(['destroy', 'zroot/nope']);
    z(['destroy']);
    z(['destroy', 'zroot/d']);
    z(['destroy', 'zroot/d@nope']);
    z(['destroy', '-r', 'zroot/nope@t']);
    z(['destroy', '-v', '-n', '-r', 'zroot/d']);
    z(['destroy', '-rvn', 'zroot/d@t']);
    z(['destroy', '-q', 'zroot/e']);
    t.sameTree();
  });

  it('keeps the odd corners of bin/zfs: names, streams, mount failures', () => {
    const { z } = t;
    // names beyond [A-Za-z0-9_.:%-] sort as zfs_sorted does; table widths count bytes
    z(['create', 'zroot/a b']);
    z(['create', 'zroot/a+c']);
    z(['create', 'zroot/ü']);
    z(['list', '-o', 'name,mountpoint,used']);
    // a mount point that cannot be made; one of none mounts nothing
    t.write('m/file', 'x\n');
    z(['create', '-o', 'mountpoint=@DIR@/m/file/x', 'zroot/bad']);
    z(['mount', 'zroot/bad']);
    z(['mount', 'zroot/c']);
    z(['set', 'canmount=off', 'zroot/d/sub']);
    z(['set', 'canmount=on', 'zroot/d/sub']);
    z(['set', 'mountpoint=none', 'zroot/a/b']);
    z(['set', 'mountpoint=legacy', 'zroot/a']);
    z(['inherit', 'mountpoint', 'zroot/a/b']);
    z(['set', 'mountpoint=@DIR@/m/a', 'zroot/a']);
    z(['get', '-H', 'name,type,used,referenced,refer,mountpoint,origin', 'zroot/d@s']);
    z(['get', '-r', 'type', 'zroot/d@s']);
    // state files bash cannot write: it says so (with lib/zfs.sh's line) and goes on
    z(['set', 'a/b=1', 'zroot/a']);
    z(['create', '-o', 'x/y=1', 'zroot/q']);
    z(['inherit', 'x/y', 'zroot/q']);
    z(['list', '-o', 'name', '-H', `zroot/${'x'.repeat(260)}`]);
    // a snapshot name without '@' (a snapshot directory named like the dataset)
    z(['snapshot', 'zroot/c']);
    z(['clone', 'zroot/d@s', 'zroot/c/clone']);
    // a stream with blanks, a child from elsewhere, a missing one, an unterminated last line
    z(['receive', '-o', 'atime=off', 'zroot/r'], ' FAKEBSD-ZFS-STREAM \nzroot/d@s\t\n zroot/a@t \nzroot/nope@x\n\nzroot/d/sub@t\nzroot/a/b@u');
    z(['list', '-t', 'all', '-o', 'name,mountpoint,mounted,origin,atime']);
    // receive -F over the stream's own dataset: its snapshot goes first (cp reports it)
    t.pipe(['send', 'zroot/r@s'], ['receive', '-F', 'zroot/r']);
    z(['snapshot', 'zroot/a@v']);
    t.pipe(['send', '-R', 'zroot/a@v'], ['receive', '-u', 'zroot/r2']);
    z(['destroy', '-R', 'zroot/d@s']);
    z(['get', 'origin', 'zroot/c/clone']);
    z(['rename', 'zroot/c', 'zroot/c2']);
    z(['destroy', '-r', 'zroot/d']);
    z(['list', '-t', 'all']);
    t.sameTree();
  });
});

describe('zfs in process, the way pot uses it', () => {
  let t: Both;
  const zr = 'zroot/pot';
  const base = `${zr}/bases/13.1`;
  const fs = '@DIR@/rt/fs';
  beforeAll(() => {
    t = both({ setup: ['host_pot_root', 'host_base 13.1'] });
  });
  afterAll(() => t.h.cleanup());

  it('answers the queries of pot init and create-base', () => {
    const { z } = t;
    z(['list', '-o', 'name', '-H', zr]);
    z(['list', '-o', 'name', '-H', `${zr}/nope`]);
    z(['get', '-Ho', 'value', 'mountpoint', `${zr}/jails`]);
    z(['get', '-Ho', 'value', 'canmount', zr]);
    z(['get', '-Ho', 'value', 'origin', `${zr}/nope`]);
    z(['get', '-o', 'property', 'all', zr]);
    z(['list', '-H', '-o', 'mountpoint', `${zr}/cache`]);
    z(['list', '-H', '-o', 'name', '-d', '1', base]);
    z(['list', '-o', 'name', '-H', '-r', zr]);
    z(['list']);
    z(['get', 'mountpoint,mounted,compression,atime', base, `${base}/usr.local`, `${base}/custom`]);
    z(['mount']);
    z(['snapshot', '-r', `${base}@1700000000`]);
    z(['snapshot', '-r', `${base}@1700000002`]);
    z(['snapshot', `${base}/custom@1700000001`]);
    z(['list', '-d', '1', '-H', '-t', 'snapshot', `${base}/custom`]);
    z(['list', '-t', 'all', '-r', base]);
    t.sameTree();
  });

  it('creates pots: send | receive, clones of the base, snapshots and rollback', () => {
    const { z } = t;
    // a single-dataset pot: the base's snapshot received below the pot's dataset
    z(['create', `${zr}/jails/single`]);
    t.pipe(['send', `${base}@1700000000`], ['receive', '-x', 'encryption', `${zr}/jails/single/m`]);
    z(['inherit', 'mountpoint', `${zr}/jails/single/m`]);
    // a multi-dataset pot: its root with clones of the base's datasets
    z(['create', `${zr}/jails/web`]);
    z(['create', `${zr}/jails/web/m`]);
    z(['clone', '-o', `mountpoint=${fs}/jails/web/m/usr/local`, `${base}/usr.local@1700000000`, `${zr}/jails/web/usr.local`]);
    z(['clone', '-o', `mountpoint=${fs}/jails/web/m/opt/custom`, `${base}/custom@1700000001`, `${zr}/jails/web/custom`]);
    z(['get', '-Ho', 'value', 'origin', `${zr}/jails/web/custom`]);
    t.write('rt/fs/jails/web/m/opt/custom/etc/rc.conf', 'sshd_enable="YES"\n');
    t.write('rt/fs/jails/web/m/usr/local/bin/app', '#!/bin/sh\n');
    z(['snapshot', '-r', `${zr}/jails/web@1700000100`]);
    t.write('rt/fs/jails/web/m/opt/custom/etc/rc.conf', 'changed\n');
    t.write('rt/fs/jails/web/m/opt/custom/new', 'new\n');
    z(['rollback', `${zr}/jails/web/custom@1700000100`]);
    z(['rollback', '-r', `${zr}/jails/web/m@1700000100`]);
    z(['list', '-t', 'all', '-H', '-o', 'name,mountpoint,mounted,origin', '-r', `${zr}/jails`]);
    // an fscomp cloned from a snapshot
    z(['create', `${zr}/fscomp/data`]);
    t.write('rt/fs/fscomp/data/f', 'data\n');
    z(['snapshot', `${zr}/fscomp/data@1`]);
    z(['clone', '-o', `mountpoint=${fs}/fscomp/data2`, `${zr}/fscomp/data@1`, `${zr}/fscomp/data2`]);
    z(['set', 'mountpoint=@DIR@/rt/fs/jails/web/m/mnt/data', `${zr}/fscomp/data2`]);
    z(['set', 'mountpoint=@DIR@/rt/fs/fscomp/data2', `${zr}/fscomp/data2`]);
    t.sameTree();
  });

  it('destroys with dependents, renames, exports and imports', () => {
    const { z, pipe } = t;
    z(['destroy', '-r', base]);
    z(['destroy', `${base}/custom@1700000001`]);
    z(['destroy', '-r', `${base}@1700000000`]);
    z(['destroy', '-f', '-r', `${zr}/fscomp/data`]);
    // pot rename: children unmounted and moved, the tree renamed, origins follow
    z(['umount', '-f', `${zr}/jails/web/custom`]);
    z(['set', `mountpoint=${fs}/jails/www/m/opt/custom`, `${zr}/jails/web/custom`]);
    z(['rename', `${zr}/jails/web`, `${zr}/jails/www`]);
    z(['rename', '-u', `${base}`, `${zr}/bases/13.1-RELEASE`]);
    z(['list', '-t', 'all', '-H', '-o', 'name,mountpoint,mounted,origin']);
    z(['mount']);
    // export: set tags, send -R of the snapshot; import: receive -u with an origin, mount
    z(['set', ':pot.tag=1.0', `${zr}/jails/www`]);
    z(['snapshot', '-r', `${zr}/jails/www@1700000200`]);
    pipe(
      ['send', '-R', `${zr}/jails/www@1700000200`],
      ['receive', '-u', '-o', `origin=${zr}/bases/13.1-RELEASE@1700000000`, '-x', 'mountpoint', `${zr}/jails/imp`],
    );
    z(['list', '-t', 'all', '-H', '-o', 'name,mountpoint,mounted,origin', '-r', `${zr}/jails/imp`]);
    z(['inherit', 'mountpoint', `${zr}/jails/imp/m`]);
    z(['mount', `${zr}/jails/imp`]);
    z(['mount', `${zr}/jails/imp/m`]);
    // receive -F over a mounted dataset, and over one with something mounted below
    pipe(['send', `${zr}/jails/www/m@1700000200`], ['receive', '-F', `${zr}/jails/single/m`]);
    pipe(['send', `${zr}/jails/www@1700000200`], ['receive', '-F', `${zr}/jails/www`]);
    z(['destroy', `${zr}/jails/www/custom`]);
    z(['destroy', '-v', '-r', `${zr}/jails/www@1700000100`]);
    z(['destroy', '-R', `${zr}/bases/13.1-RELEASE`]);
    z(['destroy', '-f', '-r', `${zr}/jails/www`]);
    z(['umount', `${zr}/jails/www/custom`]);
    z(['destroy', '-f', '-r', `${zr}/jails/www`]);
    z(['destroy', '-r', zr]);
    z(['list', '-t', 'all']);
    t.sameTree();
  });
});
