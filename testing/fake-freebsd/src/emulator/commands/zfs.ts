/**
 * zfs(8) of the fake host (bin/zfs): the subcommands pot runs, on the datasets of
 * ../zfs-store.ts; `list` and `get` are in ../zfs-listing.ts.
 */
import { renameSync, unlinkSync } from 'node:fs';
import { errnoOf, errnoText } from '../bash-behaviour.js';
import type { Call, Command } from '../call.js';
import { clearDir, copyAll, rmrf, takeFsErrors } from '../fsops.js';
import { emuPeel, emuUnpeel } from '../mounts.js';
import { readTrimmed } from '../state.js';
import { Getopts } from '../getopts.js';
import { zfsGet, zfsList } from '../zfs-listing.js';
import { afterFirstAt, beforeLastAt, ZfsStore } from '../zfs-store.js';

/** One zfs call: its Call, the datasets, and fb_err (after what the file operations reported). */
interface Zfs {
  call: Call;
  store: ZfsStore;
  err: (line: string) => void;
}

/** `${kv%%=*}` and `${kv#*=}` of a PROP=VALUE word (the whole word for both without '='). */
function splitKv(kv: string): [string, string] {
  const eq = kv.indexOf('=');
  return eq < 0 ? [kv, kv] : [kv.slice(0, eq), kv.slice(eq + 1)];
}

function setProps(x: Zfs, ds: string, props: readonly string[]): void {
  for (const kv of props) {
    const [k, v] = splitKv(kv);
    x.store.setProp(ds, k, v);
  }
}

/** The operand a subcommand takes: its last word that is no option (`for a; do [[ $a == -* ]] || ds=$a; done`). */
function lastOperand(args: readonly string[]): string {
  let ds = '';
  for (const a of args) if (!a.startsWith('-')) ds = a;
  return ds;
}

/** cmd_create: zfs create [-pu] [-o PROP=VALUE]… DS (-p makes the parents, as `create -p`). */
function create(x: Zfs, args: readonly string[]): number {
  let parents = false;
  let nomount = false;
  const props: string[] = [];
  const g = new Getopts('zfs', args, 'puo:V:s', x.err);
  for (const o of g) {
    if (o.opt === 'p') parents = true;
    else if (o.opt === 'u') nomount = true;
    else if (o.opt === 'o') props.push(o.arg);
  }
  const ds = g.rest()[0] ?? '';
  const { store } = x;
  if (ds === '' || ds.includes('@')) {
    x.err('missing filesystem argument');
    return 2;
  }
  if (store.exists(ds)) {
    if (parents) return 0;
    x.err(`cannot create '${ds}': dataset already exists`);
    return 1;
  }
  const p = ds.includes('/') ? ds.slice(0, ds.lastIndexOf('/')) : '';
  if (p === '') {
    x.err(`cannot create '${ds}': missing dataset name`);
    return 1;
  }
  if (!store.exists(p)) {
    if (!parents) {
      x.err(`cannot create '${ds}': parent does not exist`);
      return 1;
    }
    if (create(x, ['-p', p]) !== 0) return 1;
  }
  store.create(ds);
  setProps(x, ds, props);
  if (!nomount && store.shouldMount(ds) && !store.doMount(ds)) {
    x.err('filesystem successfully created, but not mounted');
    return 1;
  }
  return 0;
}

interface DestroyOpts {
  rec: boolean;
  dependents: boolean;
  verbose: boolean;
  dry: boolean;
}

/** zfs destroy [-rR…] DS@SNAP: refused while clones depend on one of the snapshots (without -R). */
function destroySnapshot(x: Zfs, tgt: string, o: DestroyOpts): number {
  const { store } = x;
  const name = afterFirstAt(tgt);
  const targets = [tgt];
  if (o.rec) for (const ds of store.descendants(beforeLastAt(tgt))) if (store.snapExists(`${ds}@${name}`)) targets.push(`${ds}@${name}`);
  if (!store.snapExists(tgt)) {
    x.err('could not find any snapshots to destroy; check snapshot names.');
    return 1;
  }
  if (!o.dependents) {
    const clones = targets.flatMap((s) => store.clonesOf(s));
    if (clones.length > 0) {
      x.err(`cannot destroy snapshot ${tgt}: snapshot has dependent clones`);
      x.err("use '-R' to destroy the following datasets:");
      for (const c of clones) x.err(c);
      return 1;
    }
  }
  for (const s of targets) {
    if (o.verbose) x.call.out(`will destroy ${s}\n`);
    if (!o.dry) rmrf(store.snapDir(s));
  }
  return 0;
}

/** Clones of the tree's snapshots outside the tree: they keep it (destroy -r without -R). */
function outsideClones(x: Zfs, tgt: string, list: readonly string[]): string[] {
  const outside: string[] = [];
  for (const ds of list) for (const s of x.store.snapsOf(ds)) for (const c of x.store.clonesOf(s)) if (c !== tgt && !c.startsWith(`${tgt}/`)) outside.push(c);
  return outside;
}

/** cmd_destroy: zfs destroy [-rRfvnp] DS|DS@SNAP */
function destroy(x: Zfs, args: readonly string[]): number {
  const o: DestroyOpts = { rec: false, dependents: false, verbose: false, dry: false };
  const g = new Getopts('zfs', args, 'rRfvnp', x.err);
  for (const a of g) {
    if (a.opt === 'r') o.rec = true;
    else if (a.opt === 'R') {
      o.rec = true;
      o.dependents = true;
    } else if (a.opt === 'v') o.verbose = true;
    else if (a.opt === 'n') o.dry = true;
  }
  const tgt = g.rest()[0] ?? '';
  if (tgt.includes('@')) return destroySnapshot(x, tgt, o);
  const { store } = x;
  if (!store.exists(tgt)) {
    x.err(`cannot open '${tgt}': dataset does not exist`);
    return 1;
  }
  const list = [tgt, ...store.descendants(tgt)];
  if (o.rec && !o.dependents) {
    const outside = outsideClones(x, tgt, list);
    if (outside.length > 0) {
      x.err(`cannot destroy '${tgt}': filesystem has dependent clones`);
      x.err("use '-R' to destroy the following datasets:");
      for (const c of outside) x.err(c);
      return 1;
    }
  }
  if (!o.rec && (list.length > 1 || store.snapsOf(tgt).length > 0)) {
    x.err(`cannot destroy '${tgt}': filesystem has children`);
    x.err("use '-r' to destroy the following datasets:");
    for (const ds of list) {
      for (const s of store.snapsOf(ds)) x.err(s);
      if (ds !== tgt) x.err(ds);
    }
    return 1;
  }
  for (let i = list.length - 1; i >= 0; i--) {
    const ds = list[i] as string;
    if (o.verbose) {
      for (const s of store.snapsOf(ds)) x.call.out(`will destroy ${s}\n`);
      x.call.out(`will destroy ${ds}\n`);
    }
    if (o.dry) continue;
    if (!store.doUmount(ds)) return 1;
    store.destroyOne(ds);
  }
  return 0;
}

/** cmd_snapshot: zfs snapshot [-r] DS@SNAP… (-r: the same snapshot of every dataset below). */
function snapshot(x: Zfs, args: readonly string[]): number {
  let rec = false;
  const g = new Getopts('zfs', args, 'ro:', x.err);
  for (const o of g) if (o.opt === 'r') rec = true;
  const { store } = x;
  for (const s of g.rest()) {
    const ds = beforeLastAt(s);
    if (!store.exists(ds)) {
      x.err(`cannot open '${ds}': dataset does not exist`);
      return 1;
    }
    if (store.snapExists(s)) {
      x.err(`cannot create snapshot '${s}': dataset already exists`);
      return 1;
    }
    store.takeSnapshot(s);
    if (rec) for (const c of store.descendants(ds)) store.takeSnapshot(`${c}@${afterFirstAt(s)}`);
  }
  return 0;
}

/** cmd_set: zfs set PROP=VALUE DS (mountpoint remounts the tree, canmount=off unmounts). */
function set(x: Zfs, args: readonly string[]): number {
  const [k, v] = splitKv(args[0] ?? '');
  const ds = args[1] ?? '';
  const { store } = x;
  if (!store.exists(ds)) {
    x.err(`cannot open '${ds}': dataset does not exist`);
    return 1;
  }
  store.setProp(ds, k, v);
  if (k === 'mountpoint') return store.remountTree(ds) ? 0 : 1;
  if (k === 'canmount' && v === 'off') return store.doUmount(ds) ? 0 : 1;
  return 0;
}

/** `rm -f FILE`: what is missing is fine (GNU rm -f ignores ENOENT and ENOTDIR). */
function rmForce(x: Zfs, file: string): void {
  try {
    unlinkSync(file);
  } catch (e) {
    const code = errnoOf(e);
    if (code !== 'ENOENT' && code !== 'ENOTDIR') x.err(`rm: cannot remove '${file}': ${errnoText(e)}`);
  }
}

/** cmd_inherit: zfs inherit [-r] PROP DS */
function inherit(x: Zfs, args: readonly string[]): number {
  const rest = args[0] === '-r' ? args.slice(1) : args;
  const k = rest[0] ?? '';
  const ds = rest[1] ?? '';
  if (!x.store.exists(ds)) {
    x.err(`cannot open '${ds}': dataset does not exist`);
    return 1;
  }
  rmForce(x, `${x.store.dsDir(ds)}/p.${k}`);
  if (k === 'mountpoint' && !x.store.remountTree(ds)) return 1;
  return 0;
}

/** cmd_clone: zfs clone [-p] [-o PROP=VALUE]… DS@SNAP DS (origin set; mounted when it should be). */
function clone(x: Zfs, args: readonly string[]): number {
  const props: string[] = [];
  const g = new Getopts('zfs', args, 'po:', x.err);
  for (const o of g) if (o.opt === 'o') props.push(o.arg);
  const [snap = '', ds = ''] = g.rest();
  const { store } = x;
  if (!store.snapExists(snap)) {
    x.err(`cannot open '${snap}': dataset does not exist`);
    return 1;
  }
  if (store.exists(ds)) {
    x.err(`cannot create '${ds}': dataset already exists`);
    return 1;
  }
  if (!ds.includes('/') || !store.exists(ds.slice(0, ds.lastIndexOf('/')))) {
    x.err(`cannot create '${ds}': parent does not exist`);
    return 1;
  }
  store.create(ds, `${store.snapDir(snap)}/data`);
  store.setProp(ds, 'origin', snap);
  setProps(x, ds, props);
  if (store.shouldMount(ds)) store.doMount(ds);
  return 0;
}

/**
 * cmd_send: zfs send [-R…] DS@SNAP. The stream names the snapshot (with -R also the same
 * snapshot of every dataset below, one a line); it stands for data kept in this host's state.
 */
function send(x: Zfs, args: readonly string[]): number {
  let snap = '';
  let recursive = false;
  for (const a of args) {
    if (a.includes('@')) snap = a;
    if (a === '-R') recursive = true;
  }
  const { store } = x;
  if (snap === '' || !store.snapExists(snap)) {
    x.err(`cannot open '${snap}': dataset does not exist`);
    return 1;
  }
  let stream = `FAKEBSD-ZFS-STREAM\n${snap}\n`;
  if (recursive) {
    const name = afterFirstAt(snap);
    for (const d of store.descendants(beforeLastAt(snap))) if (store.snapExists(`${d}@${name}`)) stream += `${d}@${name}\n`;
  }
  x.call.out(stream);
  return 0;
}

/** `read -r LINE` with the default IFS: blanks around the line dropped. */
function readWord(line: string): string {
  return line.replace(/^[ \t]+/, '').replace(/[ \t]+$/, '');
}

/**
 * The stream's lines as bash reads them: header, source snapshot, then the datasets below
 * it (`while read -r`: an unterminated last line is not read). bash's read drops NUL bytes.
 */
function streamLines(input: Buffer): { hdr: string; src: string; children: string[] } {
  const pieces = input.toString('utf8').replaceAll('\0', '').split('\n');
  return {
    hdr: readWord(pieces[0] ?? ''),
    src: readWord(pieces[1] ?? ''),
    children: pieces.slice(2, pieces.length - 1).map(readWord),
  };
}

/** The datasets below the source of a -R stream, received by their names below DS. */
function receiveChildren(x: Zfs, ds: string, src: string, children: readonly string[], nomount: boolean): void {
  const { store } = x;
  const srcDs = beforeLastAt(src);
  for (const child of children) {
    if (child === '' || !store.snapExists(child)) continue;
    const sub = beforeLastAt(`${ds}${child.startsWith(srcDs) ? child.slice(srcDs.length) : child}`);
    store.create(sub, `${store.snapDir(child)}/data`);
    store.takeSnapshot(`${sub}@${afterFirstAt(child)}`);
    if (!nomount && store.shouldMount(sub)) store.doMount(sub);
  }
}

/** cmd_receive: zfs receive [-Fu…] [-o PROP=VALUE]… [-x PROP]… DS, the stream on standard input. */
function receive(x: Zfs, args: readonly string[]): number {
  let force = false;
  let nomount = false;
  const props: string[] = [];
  const g = new Getopts('zfs', args, 'Fnuvdeo:x:s', x.err);
  for (const o of g) {
    if (o.opt === 'F') force = true;
    else if (o.opt === 'u') nomount = true;
    else if (o.opt === 'o') props.push(o.arg);
  }
  const ds = g.rest()[0] ?? '';
  const { store } = x;
  const { hdr, src, children } = streamLines(x.call.stdin());
  if (hdr !== 'FAKEBSD-ZFS-STREAM' || !store.snapExists(src)) {
    x.err('cannot receive: invalid stream (bad magic number)');
    return 1;
  }
  if (store.exists(ds)) {
    if (!force) {
      x.err(`cannot receive new filesystem stream: destination '${ds}' exists`);
      x.err('must specify -F to overwrite it');
      return 1;
    }
    if (!store.doUmount(ds)) return 1;
    store.destroyOne(ds);
  }
  if (!ds.includes('/') || !store.exists(ds.slice(0, ds.lastIndexOf('/')))) {
    x.err(`cannot receive new filesystem stream: parent of '${ds}' does not exist`);
    return 1;
  }
  store.create(ds, `${store.snapDir(src)}/data`);
  setProps(x, ds, props);
  store.takeSnapshot(`${ds}@${afterFirstAt(src)}`);
  if (!nomount && store.shouldMount(ds)) store.doMount(ds);
  receiveChildren(x, ds, src, children, nomount);
  return 0;
}

/** mv of a state directory (it cannot fail on a consistent state). */
function moveState(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch {
    // mv's message aside, nothing moves
  }
}

/** cmd_rename: zfs rename [-…] OLD NEW: the tree, its snapshots, and the origins naming them. */
function rename(x: Zfs, args: readonly string[]): number {
  const [old = '', nw = ''] = args.filter((a) => !a.startsWith('-'));
  const { store } = x;
  if (!store.exists(old)) {
    x.err(`cannot open '${old}': dataset does not exist`);
    return 1;
  }
  if (store.exists(nw)) {
    x.err(`cannot rename to '${nw}': dataset already exists`);
    return 1;
  }
  const list = [old, ...store.descendants(old)];
  for (let i = list.length - 1; i >= 0; i--) if (!store.doUmount(list[i] as string)) return 1;
  const renamed = (name: string): string => `${nw}${name.slice(old.length)}`;
  for (const ds of list) {
    for (const s of store.snapsOf(ds)) moveState(store.snapDir(s), store.snapDir(`${renamed(ds)}@${afterFirstAt(s)}`));
    moveState(store.dsDir(ds), store.dsDir(renamed(ds)));
  }
  for (const ds of list) if (store.shouldMount(renamed(ds))) store.doMount(renamed(ds));
  // clones of the renamed snapshots name their origin by its new name
  for (const ds of store.allDatasets()) {
    const o = store.localProp(ds, 'origin');
    if (o === undefined) continue;
    const of = beforeLastAt(o);
    if (of === old || of.startsWith(`${old}/`)) store.setProp(ds, 'origin', renamed(o));
  }
  return 0;
}

/** cmd_rollback: zfs rollback [-…] DS@SNAP: the dataset's own files back (the mounts below stay). */
function rollback(x: Zfs, args: readonly string[]): number {
  let snap = '';
  for (const a of args) if (a.includes('@')) snap = a;
  const { store } = x;
  if (!store.snapExists(snap)) {
    x.err(`cannot open '${snap}': dataset does not exist`);
    return 1;
  }
  const d = store.dataOf(beforeLastAt(snap));
  const peel = emuPeel(store.st, d);
  clearDir(d);
  copyAll(`${store.snapDir(snap)}/data`, d);
  emuUnpeel(store.st, peel);
  return 0;
}

/** cmd_mount: zfs mount (the mounted datasets), zfs mount -a, zfs mount [-…] DS. */
function mount(x: Zfs, args: readonly string[]): number {
  const { store } = x;
  const all = store.allDatasets();
  if (args.length === 0) {
    for (const ds of all) {
      const m = store.mountedOn(ds);
      if (m !== undefined) x.call.out(`${ds}  ${m}\n`);
    }
    return 0;
  }
  x.call.cls = 'E';
  if (args[0] === '-a') {
    for (const ds of all) if (store.shouldMount(ds)) store.doMount(ds);
    return 0;
  }
  const ds = lastOperand(args);
  if (!store.exists(ds)) {
    x.err(`cannot open '${ds}': dataset does not exist`);
    return 1;
  }
  if (store.isMounted(ds)) {
    x.err(`cannot mount '${ds}': filesystem already mounted`);
    return 1;
  }
  return store.doMount(ds) ? 0 : 1;
}

/** cmd_umount: zfs umount [-f] DS|MOUNTPOINT */
function umount(x: Zfs, args: readonly string[]): number {
  const { store } = x;
  let ds = lastOperand(args);
  if (ds.startsWith('/')) {
    const path = ds;
    ds = store.allDatasets().find((d) => readTrimmed(`${store.dsDir(d)}/mounted`) === path) ?? ds;
  }
  if (!store.exists(ds)) {
    x.err(`cannot open '${ds}': dataset does not exist`);
    return 1;
  }
  if (!store.isMounted(ds)) {
    x.err(`cannot unmount '${ds}': not currently mounted`);
    return 1;
  }
  return store.doUmount(ds) ? 0 : 1;
}

/** The subcommands that change the host (FB_CLASS=E before they run). */
const EFFECTS: Readonly<Record<string, (x: Zfs, args: readonly string[]) => number>> = {
  create,
  destroy,
  snapshot,
  snap: snapshot,
  set,
  inherit,
  clone,
  receive,
  recv: receive,
  rename,
  rollback,
  promote: () => 0,
  umount,
  unmount: umount,
};

function dispatch(x: Zfs, sub: string, args: readonly string[]): number {
  if (sub === 'list') return zfsList(x.call, x.store, args, x.err);
  if (sub === 'get') return zfsGet(x.call, x.store, args, x.err);
  if (sub === 'send') return send(x, args);
  if (sub === 'mount') return mount(x, args);
  const effect = Object.hasOwn(EFFECTS, sub) ? EFFECTS[sub] : undefined;
  if (effect === undefined) {
    x.err(`fakebsd zfs: unsupported subcommand '${sub}'`);
    return 2;
  }
  x.call.cls = 'E';
  return effect(x, args);
}

/** bin/zfs main. What cp, chmod and mv would have said on standard error goes out in its place. */
const zfs: Command = (call) => {
  takeFsErrors(); // not this call's
  const flush = (): void => {
    const text = takeFsErrors();
    if (text !== '') call.errRaw(text);
  };
  const err = (line: string): void => {
    flush();
    call.err(line);
  };
  const x: Zfs = { call, store: new ZfsStore(call.st, err), err };
  const [sub = '', ...args] = call.args;
  const rc = dispatch(x, sub, args);
  flush();
  return rc;
};

export const commands: Record<string, Command> = { zfs };
