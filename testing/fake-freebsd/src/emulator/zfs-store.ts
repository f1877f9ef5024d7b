/**
 * The fake host's ZFS datasets (lib/zfs.sh): their state directories, properties and their
 * inheritance, snapshots, clones, and mounting through the emulated mounts of mounts.ts.
 *
 * State: $FAKEBSD_STATE/zfs/
 *   ds/<enc>/        one per dataset (enc = name with '/' as '%'): data (id of zfs/data/<id>),
 *                    seq (creation order), p.<prop> (locally set properties), mounted (its mount
 *                    point, while mounted), inplace (while the mount is emulated: the files are
 *                    in the mount point; content "rmdir": the mount point goes on unmount)
 *   snap/<enc>@<s>/  data/ (the dataset's files when it was taken), seq
 *   data/<id>/       a dataset's files while they are not in its mount point
 *
 * Paths are built by concatenation, as bash does, so that odd names reach the same files.
 */
import { existsSync, mkdirSync, readdirSync, rmdirSync, rmSync, writeFileSync } from 'node:fs';
import { errnoText } from './bash-behaviour.js';
import { copyAll, mkdirP, rmrf } from './fsops.js';
import { STAND_IN_DIR } from './getopts.js';
import { emuMount, emuOk, emuPeel, emuUnpeel, mtAdd, mtHasBelow, umountEntry } from './mounts.js';
import { byteOrder, isDir, nonEmpty } from './net-files.js';
import { readTrimmed, type State } from './state.js';

/** lib/zfs.sh as bash names it in its messages (FB_LIB=${0%/*}/../lib). */
const ZFS_LIB = `${STAND_IN_DIR}/../lib/zfs.sh`;

/** A property's value and its source (ZP_V, ZP_S). */
export interface Prop {
  v: string;
  s: string;
}

/** A dataset's name as its state directory is named ('/' as '%'). */
export function zfsEnc(name: string): string {
  return name.replaceAll('/', '%');
}

/** zfs_dsdir: the state directory of a dataset (bin/umount forgets a zfs mount there). */
export function zfsDsDir(st: State, ds: string): string {
  return `${st.dir}/zfs/ds/${zfsEnc(ds)}`;
}

/** `${s%/*}` (s holding a '/') */
function parentOf(s: string): string {
  return s.slice(0, s.lastIndexOf('/'));
}

/** `${s%@*}`: what comes before the last '@' (all of s without one). */
export function beforeLastAt(s: string): string {
  const i = s.lastIndexOf('@');
  return i < 0 ? s : s.slice(0, i);
}

/** `${s#*@}`: what comes after the first '@' (all of s without one). */
export function afterFirstAt(s: string): string {
  const i = s.indexOf('@');
  return i < 0 ? s : s.slice(i + 1);
}

/** Properties that inherit on/off values (and canmount and encryption, which do not). */
const ON_OFF = new Set(['compression', 'atime', 'readonly', 'exec', 'setuid', 'devices', 'encryption', 'canmount']);

export class ZfsStore {
  readonly root: string;

  /** err: fb_err of the running call (mount and unmount failures are reported on the way). */
  constructor(
    readonly st: State,
    private readonly err: (line: string) => void,
  ) {
    this.root = `${st.dir}/zfs`; // FB_ZFS=$FB_S/zfs
  }

  dsDir(ds: string): string {
    return `${this.root}/ds/${zfsEnc(ds)}`;
  }

  snapDir(snap: string): string {
    return `${this.root}/snap/${zfsEnc(snap)}`;
  }

  exists(ds: string): boolean {
    return ds !== '' && !ds.includes('@') && isDir(this.dsDir(ds));
  }

  snapExists(snap: string): boolean {
    return snap.includes('@') && isDir(this.snapDir(snap));
  }

  isMounted(ds: string): boolean {
    return existsSync(`${this.dsDir(ds)}/mounted`);
  }

  /** The mount point a dataset is mounted on (its `mounted` file). */
  mountedOn(ds: string): string | undefined {
    return readTrimmed(`${this.dsDir(ds)}/mounted`);
  }

  /** zfs_data_into: where the dataset's files are (its mount point while they are in place). */
  dataOf(ds: string): string {
    const dd = this.dsDir(ds);
    if (existsSync(`${dd}/inplace`) && existsSync(`${dd}/mounted`)) return readTrimmed(`${dd}/mounted`) ?? '';
    return `${this.root}/data/${readTrimmed(`${dd}/data`) ?? ''}`;
  }

  /**
   * zfs_all_ds_into: every dataset, parents before children. The state's names have '%' for
   * '/', which sorts below the other characters of a plain name, so their byte order is the
   * hierarchical one; with an odd character in some name they are sorted as zfs_sorted does.
   */
  allDatasets(): string[] {
    let names: string[];
    try {
      names = readdirSync(`${this.root}/ds`);
    } catch {
      return [];
    }
    const encs = names.filter((n) => !n.startsWith('.') && isDir(`${this.root}/ds/${n}`)).sort(byteOrder);
    const out = encs.map((n) => n.replaceAll('%', '/'));
    if (!encs.some((n) => /[^A-Za-z0-9_.:%-]/.test(n))) return out;
    const key = (n: string): string => n.replaceAll('/', '\x01').replace('@', '\x02');
    return out.sort((a, b) => byteOrder(key(a), key(b)));
  }

  /** zfs_snaps_of_into: the snapshots of DS in creation order. */
  snapsOf(ds: string): string[] {
    const dir = `${this.root}/snap`;
    let names: string[];
    try {
      names = readdirSync(dir);
    } catch {
      return [];
    }
    const prefix = `${zfsEnc(ds)}@`;
    const bySeq = new Map<number, string>();
    for (const n of names) {
      if (!n.startsWith(prefix) || !isDir(`${dir}/${n}`)) continue;
      const seq = Number.parseInt((readTrimmed(`${dir}/${n}/seq`) ?? '').split('\n')[0]?.trim() ?? '', 10);
      bySeq.set(Number.isNaN(seq) ? 0 : seq, n.replaceAll('%', '/'));
    }
    return [...bySeq.entries()].sort((a, b) => a[0] - b[0]).map((e) => e[1]);
  }

  /** zfs_descendants_into: the datasets below DS, hierarchical order. */
  descendants(ds: string): string[] {
    return this.allDatasets().filter((d) => d.startsWith(`${ds}/`));
  }

  /** zfs_clones_of_into: the datasets whose origin is SNAP. */
  clonesOf(snap: string): string[] {
    return this.allDatasets().filter((d) => this.localProp(d, 'origin') === snap);
  }

  /** zfs_local_prop_into: a locally set property, undefined when it is not set. */
  localProp(ds: string, prop: string): string | undefined {
    return readTrimmed(`${this.dsDir(ds)}/p.${prop}`);
  }

  /** zfs_setprop */
  setProp(ds: string, prop: string, value: string): void {
    this.write(`${this.dsDir(ds)}/p.${prop}`, `${value}\n`, 384);
  }

  /**
   * A redirection of lib/zfs.sh at LINE (`printf … >FILE`): when FILE cannot be written (a
   * property name with a '/', a name too long for a file), bash says so and goes on.
   */
  private write(file: string, text: string, line: number): void {
    try {
      writeFileSync(file, text);
    } catch (e) {
      this.err(`${ZFS_LIB}: line ${line}: ${file}: ${errnoText(e)}`);
    }
  }

  /** zfs_prop_into: the effective value and its source. */
  prop(ds: string, prop: string): Prop {
    const local = this.localProp(ds, prop);
    if (local !== undefined) return { v: local, s: 'local' };
    if (prop === 'mountpoint') return this.inheritedMountpoint(ds);
    if (ON_OFF.has(prop)) return this.inheritedOnOff(ds, prop);
    return { v: this.fixedValue(ds, prop), s: '-' };
  }

  /** zfs_value: the effective value only, up to a tab. */
  value(ds: string, prop: string): string {
    const v = this.prop(ds, prop).v;
    const tab = v.indexOf('\t');
    return tab < 0 ? v : v.slice(0, tab);
  }

  /** The mount point below the parent's; the source names the ancestor that set one. */
  private inheritedMountpoint(ds: string): Prop {
    if (!ds.includes('/')) return { v: `/${ds}`, s: 'default' };
    const p = parentOf(ds);
    const leaf = ds.slice(p.length + 1);
    const pv = this.value(p, 'mountpoint');
    const v = pv === 'none' || pv === 'legacy' ? pv : pv === '/' ? `/${leaf}` : `${pv}/${leaf}`;
    let src = p;
    while (src !== '' && !existsSync(`${this.dsDir(src)}/p.mountpoint`)) src = src.includes('/') ? parentOf(src) : '';
    return { v, s: src === '' ? 'default' : `inherited from ${src}` };
  }

  private inheritedOnOff(ds: string, prop: string): Prop {
    if (prop === 'canmount') return { v: 'on', s: 'default' };
    if (prop === 'encryption') return { v: 'off', s: 'default' };
    let p = ds;
    while (p.includes('/')) {
      p = parentOf(p);
      const v = this.localProp(p, prop);
      if (v !== undefined) return { v, s: `inherited from ${p}` };
    }
    return { v: prop === 'compression' || prop === 'readonly' ? 'off' : 'on', s: 'default' };
  }

  /** The values that are not set (source '-'). */
  private fixedValue(ds: string, prop: string): string {
    switch (prop) {
      case 'type':
        return 'filesystem';
      case 'mounted':
        return this.isMounted(ds) ? 'yes' : 'no';
      case 'used':
        return '96K';
      case 'available':
      case 'avail':
        return '100G';
      case 'referenced':
      case 'refer':
        return this.localProp(ds, 'refer') ?? '96K';
      case 'name':
        return ds;
      case 'creation':
        return 'Thu Nov 14 22:13 2023';
      default:
        return '-';
    }
  }

  /** zfs_snap_prop_into */
  snapProp(snap: string, prop: string): Prop {
    switch (prop) {
      case 'name':
        return { v: snap, s: '-' };
      case 'type':
        return { v: 'snapshot', s: '-' };
      case 'used':
        return { v: '0B', s: '-' };
      case 'referenced':
      case 'refer':
        return { v: '96K', s: '-' };
      default:
        return { v: '-', s: '-' };
    }
  }

  /** zfs_should_mount: an absolute mount point and canmount=on. */
  shouldMount(ds: string): boolean {
    return this.value(ds, 'mountpoint').startsWith('/') && this.value(ds, 'canmount') === 'on';
  }

  /** zfs_do_mount: mount at the effective mount point (created); false after an error message. */
  doMount(ds: string): boolean {
    const mp = this.value(ds, 'mountpoint');
    const dd = this.dsDir(ds);
    if (existsSync(`${dd}/mounted`)) return true;
    if (!mp.startsWith('/')) return true;
    // the in-process emulator never mounts for real: emulated below the area, else recorded
    let real = '0';
    if (emuOk(this.st, mp)) {
      if (!isDir(mp) && !mkdirQuiet(mp)) {
        this.err(`cannot mount '${mp}': failed to create mountpoint`);
        return false;
      }
      if (!emuMount(this.st, 'zfs', mp, this.dataOf(ds))) {
        this.err(`cannot mount '${ds}': mount failed`);
        return false;
      }
      real = '2';
    }
    const opts = `local${this.value(ds, 'atime') === 'off' ? ', noatime' : ''}, nfsv4acls`;
    mtAdd(this.st, { src: ds, mp, type: 'zfs', opts, real });
    this.write(`${dd}/mounted`, `${mp}\n`, 327);
    // libzfs removes an inherited or default mount point when it unmounts (if empty)
    if (real === '2') {
      if (this.prop(ds, 'mountpoint').s === 'local') this.write(`${dd}/inplace`, '', 332);
      else this.write(`${dd}/inplace`, 'rmdir\n', 334);
    }
    return true;
  }

  /** zfs_do_umount: false (after a message) while something is mounted below. */
  doUmount(ds: string): boolean {
    const dd = this.dsDir(ds);
    if (!existsSync(`${dd}/mounted`)) return true;
    const mp = readTrimmed(`${dd}/mounted`) ?? '';
    if (mtHasBelow(this.st, mp)) {
      this.err(`cannot unmount '${mp}': pool or dataset is busy`);
      return false;
    }
    umountEntry(this.st, mp);
    if (nonEmpty(`${dd}/inplace`)) {
      try {
        rmdirSync(mp);
      } catch {
        // rmdir 2>/dev/null: a mount point that is not empty stays
      }
    }
    rmSync(`${dd}/mounted`, { force: true });
    rmSync(`${dd}/inplace`, { force: true });
    return true;
  }

  /** zfs_remount_tree: unmount DS and its descendants (deepest first), then mount what should be. */
  remountTree(ds: string): boolean {
    const list = [ds, ...this.descendants(ds)];
    for (let i = list.length - 1; i >= 0; i--) if (!this.doUmount(list[i] as string)) return false;
    for (const d of list) if (this.shouldMount(d) && !this.doMount(d)) return false;
    return true;
  }

  /** zfs_new: a dataset's state (not mounted), its files copied from FROM when given. */
  create(ds: string, from?: string): void {
    const dd = this.dsDir(ds);
    const id = this.st.nextSeq('zfsdata');
    const data = `${this.root}/data/${id}`;
    mkdirP(dd);
    mkdirP(data);
    this.write(`${dd}/data`, `${id}\n`, 375);
    this.write(`${dd}/seq`, `${this.st.nextSeq('zfsobj')}\n`, 377);
    if (from !== undefined && from !== '') copyAll(from, data);
  }

  /** zfs_take_snapshot DS@SNAP: the dataset's own files, not those of the mounts below it. */
  takeSnapshot(snap: string): void {
    const sd = this.snapDir(snap);
    const d = this.dataOf(beforeLastAt(snap));
    mkdirP(`${sd}/data`);
    const peel = emuPeel(this.st, d);
    copyAll(d, `${sd}/data`);
    emuUnpeel(this.st, peel);
    this.write(`${sd}/seq`, `${this.st.nextSeq('zfsobj')}\n`, 398);
  }

  /** zfs_destroy_one: the dataset, its snapshots and its files (it is unmounted). */
  destroyOne(ds: string): void {
    const gone = this.snapsOf(ds).map((s) => this.snapDir(s));
    rmrf(...gone, this.dataOf(ds), this.dsDir(ds));
  }
}

/** `mkdir -p -- DIR 2>/dev/null`: false when it cannot be made. */
function mkdirQuiet(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    return true;
  } catch {
    return false;
  }
}
