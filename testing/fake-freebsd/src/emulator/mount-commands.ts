/**
 * mount(8), mount_nullfs(8) and umount(8) of the fake host (../../bin/mount, mount_nullfs,
 * umount): the mount table, with tmpfs and nullfs mounts emulated by moving and copying files
 * (./mounts.ts). Real mounts are never made in process.
 */
import { readFileSync, rmSync } from 'node:fs';
import type { Call } from './call.js';
import { takeFsErrors } from './fsops.js';
import { Getopts } from './getopts.js';
import { emuMount, emuOk, mtAdd, mtFind, mtHasBelow, umountEntry } from './mounts.js';
import { isDir } from './net-files.js';

/** `${p%/}` */
function dropSlash(p: string): string {
  return p.endsWith('/') ? p.slice(0, -1) : p;
}

/** The table as mount lists it (awk's `%s on %s (%s, %s)`, then sed 's/, )$/)/'). */
function mountList(call: Call): void {
  let out = 'zroot/ROOT/default on / (zfs, local, noatime, nfsv4acls)\ndevfs on /dev (devfs)\n';
  let text: string | undefined;
  try {
    text = readFileSync(call.st.path('mount.table'), 'latin1');
  } catch {
    text = undefined;
  }
  if (text !== undefined && text !== '') {
    const lines = text.split('\n');
    if (text.endsWith('\n')) lines.pop();
    for (const l of lines) {
      const f = l.split('\t');
      const line = `${f[0] ?? ''} on ${f[1] ?? ''} (${f[2] ?? ''}, ${f[3] ?? ''})`;
      out += `${line.endsWith(', )') ? `${line.slice(0, -3)})` : line}\n`;
    }
  }
  call.out(Buffer.from(out, 'latin1'));
}

/** An emulated mount's failure: what the file operations said, then the command's message. */
function emuFailed(call: Call, message: string): number {
  call.errRaw(takeFsErrors());
  call.err(message);
  return 1;
}

function mountTmpfs(call: Call, mp: string): number {
  const st = call.st;
  let real = '0';
  if (emuOk(st, mp)) {
    if (!emuMount(st, 'tmpfs', mp)) return emuFailed(call, 'mount: tmpfs: Operation not permitted');
    call.errRaw(takeFsErrors());
    real = '2';
  }
  mtAdd(st, { src: 'tmpfs', mp, type: 'tmpfs', opts: 'local', real });
  return 0;
}

/** A nullfs mount (mount -t nullfs and mount_nullfs alike); FAILURE names the failing path. */
function mountNullfs(call: Call, src: string, mp: string, opts: string, failure: string): number {
  const st = call.st;
  const ro = `,${opts},`.includes(',ro,');
  let real = '0';
  if (isDir(src) && emuOk(st, src, mp)) {
    if (!emuMount(st, 'nullfs', mp, src)) return emuFailed(call, `mount_nullfs: ${failure}: Operation not permitted`);
    call.errRaw(takeFsErrors());
    real = '2';
  }
  mtAdd(st, { src, mp, type: 'nullfs', opts: ro ? 'local, read-only' : 'local', real });
  return 0;
}

/** mount [-t TYPE] [-o OPTS] [-r] SRC MP; without arguments, the mount list. */
export function mount(call: Call): number {
  takeFsErrors(); // none of an earlier call's
  if (call.args.length === 0) {
    mountList(call);
    return 0;
  }
  call.cls = 'E';
  const g = new Getopts(call.cmd, call.args, 't:o:ruvfp', (l) => call.err(l));
  let type = '';
  let opts = '';
  for (const { opt, arg } of g) {
    if (opt === 't') type = arg;
    else if (opt === 'o') opts = arg;
    else if (opt === 'r') opts = opts === '' ? 'ro' : `ro,${opts}`;
  }
  const rest = g.rest();
  const src = rest[0] ?? '';
  const mp = dropSlash(rest[1] ?? '');
  if (!isDir(call.resolve(mp)) || mp === '') {
    call.err(`mount: ${mp}: No such file or directory`);
    return 1;
  }
  switch (type) {
    case 'tmpfs':
      return mountTmpfs(call, mp);
    case 'nullfs':
      return mountNullfs(call, src, mp, opts, src);
    case 'devfs':
    case 'fdescfs':
    case 'procfs':
    case 'linprocfs':
      mtAdd(call.st, { src: type, mp, type, opts: '', real: '0' });
      return 0;
    default:
      call.err(`fakebsd mount: unsupported file system type '${type}'`);
      return 1;
  }
}

/** mount_nullfs [-o OPTS] SRC MP */
export function mountNullfsCommand(call: Call): number {
  takeFsErrors(); // none of an earlier call's
  call.cls = 'E';
  const g = new Getopts(call.cmd, call.args, 'o:', (l) => call.err(l));
  let opts = '';
  for (const { opt, arg } of g) if (opt === 'o') opts = arg;
  const rest = g.rest();
  const src = rest[0] ?? '';
  const mp = dropSlash(rest[1] ?? '');
  if (src === '' || !isDir(call.resolve(src))) {
    call.err(`mount_nullfs: ${src}: No such file or directory`);
    return 1;
  }
  if (mp === '' || !isDir(call.resolve(mp))) {
    call.err(`mount_nullfs: ${mp}: No such file or directory`);
    return 1;
  }
  return mountNullfs(call, src, mp, opts, mp);
}

/** umount [-f] MP: the last mount on MP undone (a zfs one also forgets it is mounted). */
export function umount(call: Call): number {
  takeFsErrors(); // none of an earlier call's
  call.cls = 'E';
  const st = call.st;
  let mp = '';
  for (const a of call.args) if (!a.startsWith('-')) mp = a;
  mp = dropSlash(mp);
  const entry = mtFind(st, mp);
  if (entry === undefined) {
    call.err(`umount: ${mp}: not a file system root directory`);
    return 1;
  }
  if (mtHasBelow(st, mp)) {
    call.err(`umount: unmount of ${mp} failed: Device busy`);
    return 1;
  }
  if (entry.type === 'zfs') {
    const dsdir = st.path('zfs', 'ds', entry.src.replace(/\//g, '%'));
    rmSync(`${dsdir}/mounted`, { force: true });
    rmSync(`${dsdir}/inplace`, { force: true });
  }
  umountEntry(st, mp);
  call.errRaw(takeFsErrors());
  return 0;
}
