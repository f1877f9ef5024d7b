/**
 * The fake host's mount table ($FAKEBSD_STATE/mount.table, lines SRC TAB MP TAB TYPE TAB
 * OPTS TAB REAL) and its emulated mounts (REAL 2), as lib/fakebsd.sh keeps them: without a
 * private mount namespace, files are moved and copied so that the tree looks mounted.
 *   zfs     the dataset's files live in its mount point while it is mounted
 *   nullfs  SRC's files are copied onto MP; a read-write one copies them back on unmount
 *   tmpfs   MP starts empty; its files are dropped on unmount
 * What a mount hides waits in $FAKEBSD_STATE/shadow/<mp>#<n> (n = mounts stacked on MP
 * before it). Real mounts (REAL 1) are never made in process: runEmulated leaves
 * FAKEBSD_REAL_MOUNTS=1 to the bash stand-ins.
 */
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { chmodLike, clearDir, copyAll, mkdirP, moveContent, rmdirLoud, rmrf } from './fsops.js';
import { isDir, replaceFile } from './net-files.js';
import { readTrimmed, realpathLoose, type State } from './state.js';

export interface MountEntry {
  src: string;
  mp: string;
  type: string;
  opts: string;
  /** '0' recorded only, '1' mounted for real, '2' emulated. */
  real: string;
}

function tablePath(st: State): string {
  return `${st.dir}/mount.table`;
}

/** The table's lines as mapfile -t reads them. */
function tableLines(st: State): string[] {
  let text: string;
  try {
    text = readFileSync(tablePath(st), 'utf8');
  } catch {
    return [];
  }
  if (text === '') return [];
  const lines = text.split('\n');
  if (text.endsWith('\n')) lines.pop();
  return lines;
}

/** fb_mt_field LINE N (from 1): '' past the last field. */
function field(line: string, n: number): string {
  return line.split('\t')[n - 1] ?? '';
}

function parse(line: string): MountEntry {
  return { src: field(line, 1), mp: field(line, 2), type: field(line, 3), opts: field(line, 4), real: field(line, 5) };
}

/** fb_mt_load: the table's entries in mount order. */
export function mtLoad(st: State): MountEntry[] {
  return tableLines(st).map(parse);
}

/** fb_mt_add */
export function mtAdd(st: State, e: MountEntry): void {
  appendFileSync(tablePath(st), `${e.src}\t${e.mp}\t${e.type}\t${e.opts}\t${e.real}\n`);
}

function findLine(st: State, mp: string): string | undefined {
  let found: string | undefined;
  for (const l of tableLines(st)) if (field(l, 2) === mp) found = l;
  // bash tests the found line for non-empty
  return found === '' ? undefined : found;
}

/** fb_mt_find_into: the entry mounted last on MP. */
export function mtFind(st: State, mp: string): MountEntry | undefined {
  const line = findLine(st, mp);
  return line === undefined ? undefined : parse(line);
}

/** MP with one trailing slash dropped, then one added (`${1%/}/`). */
function below(p: string): string {
  return `${p.endsWith('/') ? p.slice(0, -1) : p}/`;
}

/** fb_mt_has_below: is anything mounted strictly below MP? */
export function mtHasBelow(st: State, mp: string): boolean {
  const prefix = below(mp);
  return tableLines(st).some((l) => field(l, 2).startsWith(prefix));
}

/** fb_mt_del: remove the last entry mounted on MP (the table is rewritten even when there is none). */
export function mtDel(st: State, mp: string): void {
  const lines = tableLines(st);
  let last = -1;
  lines.forEach((l, i) => {
    if (field(l, 2) === mp) last = i;
  });
  const out = lines
    .filter((_, i) => i !== last)
    .map((l) => `${l}\n`)
    .join('');
  const file = tablePath(st);
  replaceFile(file, out);
}

/** fb_mt_count_into: how many entries are stacked on MP. */
export function mtCount(st: State, mp: string): number {
  return tableLines(st).filter((l) => field(l, 2) === mp).length;
}

/** fb_real_mounts_allowed: never in process (runEmulated refuses FAKEBSD_REAL_MOUNTS=1). */
export function realMountsAllowed(_st: State): boolean {
  return false;
}

/** fb_umount_entry: undo MP's last mount (its emulation when emulated) and forget it. */
export function umountEntry(st: State, mp: string): boolean {
  const line = findLine(st, mp);
  if (line === undefined) return false;
  // REAL is the line's last field here (fb_mt_field elsewhere)
  const real = line.slice(line.lastIndexOf('\t') + 1);
  if (real === '2') emuUmount(st, field(line, 1), mp, field(line, 3), field(line, 4));
  mtDel(st, mp);
  return true;
}

// ---- emulated mounts

/**
 * fb_emu_ok: are mounts on these paths emulated? Only strictly below the emulation area and
 * away from the state: an emulated mount moves files, which must never be the host's own.
 */
export function emuOk(st: State, ...paths: string[]): boolean {
  if (realMountsAllowed(st)) return false;
  const area = st.emuArea();
  if (area === undefined) return false;
  for (const p of paths) if (p === '' || p.includes('\n')) return false;
  const state = realpathLoose(st.dir);
  for (const p of paths) {
    const real = realpathLoose(p);
    if (!real.startsWith(`${area}/`)) return false;
    if (`${real}/`.startsWith(`${state}/`) || `${state}/`.startsWith(`${real}/`)) return false;
  }
  return true;
}

/** fb_shadow_into: the directory keeping what MP held before its N-th mount (from 0). */
export function shadowDir(st: State, mp: string, n: number): string {
  let key = mp.replace(/\//g, '%');
  // a file name has at most 255 bytes
  if (Buffer.byteLength(key, 'utf8') > 200) key = createHash('md5').update(mp, 'utf8').digest('hex');
  return `${st.dir}/shadow/${key}#${n}`;
}

export interface EmuBelow {
  /** Mounts stacked on MP before this one. */
  n: number;
  mp: string;
}

/** fb_emu_below_into: the emulated mounts strictly below P, in mount order. */
export function emuBelow(st: State, p: string): EmuBelow[] {
  const prefix = below(p);
  const count = new Map<string, number>();
  const out: EmuBelow[] = [];
  for (const l of tableLines(st)) {
    const mp = field(l, 2);
    const n = count.get(mp) ?? 0;
    count.set(mp, n + 1);
    if (field(l, 5) === '2' && mp.startsWith(prefix)) out.push({ n, mp });
  }
  return out;
}

export interface PeelEntry {
  n: number;
  mp: string;
  /** The hold directory keeping what the mount showed. */
  h: string;
}

/** What fb_emu_peel undid (FB_PEEL), in the order it undid it. */
export type Peel = PeelEntry[];

/**
 * fb_emu_peel: show P as its own file system sees it (what the mounts below P hide instead
 * of what they show): the mounts are undone last first into hold directories.
 */
export function emuPeel(st: State, p: string): Peel {
  const list = emuBelow(st, p);
  const peel: Peel = [];
  if (list.length === 0) return peel;
  const tmp = st.tmpDir();
  for (let i = list.length - 1; i >= 0; i--) {
    const { n, mp } = list[i] as EmuBelow;
    if (!isDir(mp)) continue;
    const h = mkdtempSync(`${tmp}/peel.`);
    chmodLike(h, mp);
    moveContent(mp, h);
    const sh = shadowDir(st, mp, n);
    moveContent(sh, mp);
    chmodLike(mp, sh);
    peel.push({ n, mp, h });
  }
  return peel;
}

/** fb_emu_unpeel: redo, in mount order, the mounts emuPeel undid. */
export function emuUnpeel(st: State, peel: Peel): void {
  for (let i = peel.length - 1; i >= 0; i--) {
    const { n, mp, h } = peel[i] as PeelEntry;
    const sh = shadowDir(st, mp, n);
    // what was done on P may have removed the mount point: the mount keeps it
    mkdirP(mp);
    moveContent(mp, sh);
    moveContent(h, mp);
    chmodLike(mp, h);
    rmdirLoud(h);
  }
}

/**
 * fb_emu_mount: make MP look mounted (before mtAdd). zfs: SRC is the dataset's backing
 * directory, its files move in; nullfs: SRC's files (without the mounts below it) are
 * copied in; tmpfs: MP starts empty.
 */
export function emuMount(st: State, kind: 'zfs' | 'nullfs' | 'tmpfs', mp: string, src = ''): boolean {
  const sh = shadowDir(st, mp, mtCount(st, mp));
  if (existsSync(sh)) rmrf(sh);
  mkdirP(sh);
  chmodLike(sh, mp);
  if (!moveContent(mp, sh)) return false;
  let ok = true;
  if (kind === 'zfs') {
    if (!moveContent(src, mp)) ok = false;
    chmodLike(mp, src);
  } else if (kind === 'nullfs') {
    // nullfs does not cross mount points
    const peel = emuPeel(st, src);
    if (!copyAll(src, mp)) ok = false;
    chmodLike(mp, src);
    emuUnpeel(st, peel);
  }
  return ok;
}

/** fb_emu_umount: undo emuMount (before mtDel). */
export function emuUmount(st: State, src: string, mp: string, type: string, opts: string): void {
  const sh = shadowDir(st, mp, mtCount(st, mp) - 1);
  if (!isDir(mp)) mkdirP(mp);
  if (type === 'zfs') {
    // back to the backing directory (zfs_data of zfs.sh while not mounted)
    const id = readTrimmed(`${st.dir}/zfs/ds/${src.replace(/\//g, '%')}/data`) ?? '';
    const d = `${st.dir}/zfs/data/${id}`;
    moveContent(mp, d);
    chmodLike(d, mp);
  } else if (type === 'nullfs') {
    if (!opts.includes('read-only') && isDir(src)) {
      // what was written through a read-write nullfs is in its source
      const peel = emuPeel(st, src);
      clearDir(src);
      copyAll(mp, src);
      chmodLike(src, mp);
      emuUnpeel(st, peel);
    }
    clearDir(mp);
  } else {
    clearDir(mp);
  }
  if (isDir(sh)) {
    moveContent(sh, mp);
    chmodLike(mp, sh);
    rmdirLoud(sh);
  }
}
