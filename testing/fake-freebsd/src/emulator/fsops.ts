/**
 * The file operations of lib/fakebsd.sh that emulated mounts are made of (fb_entries_into,
 * fb_rm, fb_clear, fb_move_content, `cp -a SRC/. DST/`, `chmod --reference`), on node:fs with
 * the same system calls as the GNU tools (rename, unlink, rmdir, chmod), so that they succeed
 * and fail where the tools do, as root or not.
 *
 * What the bash helpers let through to standard error (cp's conflicts, chmod on a missing
 * file, rmdir of a non-empty directory) is kept here, GNU-worded, until a command hands it
 * to its call with `takeFsErrors()`.
 */
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  lchownSync,
  linkSync,
  lstatSync,
  lutimesSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  renameSync,
  rmdirSync,
  type Stats,
  statSync,
  symlinkSync,
  unlinkSync,
  utimesSync,
} from 'node:fs';
import path from 'node:path';
import { errnoOf, errnoText } from './bash-behaviour.js';
import { byteOrder, isDir, lstatOrUndefined } from './net-files.js';

let pendingErrors = '';

/** What the file operations wrote to standard error since the last call (GNU wording). */
export function takeFsErrors(): string {
  const text = pendingErrors;
  pendingErrors = '';
  return text;
}

function fsError(line: string): void {
  pendingErrors += `${line}\n`;
}

/** A file name as GNU tools quote it in messages (shell-escape-always style). */
function gnuQuote(name: string): string {
  return `'${name.replace(/'/g, "'\\''")}'`;
}

function sortNames(names: string[]): string[] {
  // UTF-16 order is byte order unless a name holds a character beyond the BMP
  return names.some((n) => /[\ud800-\udfff]/.test(n)) ? names.sort(byteOrder) : names.sort();
}

/** fb_entries_into: what DIR holds, dot files too, as DIR/NAME in glob order. */
export function entries(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return sortNames(names).map((n) => `${dir}/${n}`);
}

/** rm -rf of one path: what can be removed is, errors do not stop it (missing is fine). */
function removeTree(p: string): boolean {
  let st: Stats;
  try {
    st = lstatSync(p);
  } catch (e) {
    const code = errnoOf(e);
    return code === 'ENOENT' || code === 'ENOTDIR';
  }
  if (!st.isDirectory()) {
    try {
      unlinkSync(p);
      return true;
    } catch {
      return false;
    }
  }
  let ok = true;
  let names: string[] = [];
  try {
    names = readdirSync(p);
  } catch {
    ok = false;
  }
  for (const n of names) ok = removeTree(path.join(p, n)) && ok;
  try {
    rmdirSync(p);
  } catch {
    ok = false;
  }
  return ok;
}

/** chmod -R u+w (symbolic links are not followed). */
function addOwnerWrite(p: string): void {
  const st = lstatOrUndefined(p);
  if (st === undefined || st.isSymbolicLink()) return;
  try {
    chmodSync(p, (st.mode & 0o7777) | 0o200);
  } catch {
    return;
  }
  if (!st.isDirectory()) return;
  let names: string[] = [];
  try {
    names = readdirSync(p);
  } catch {
    return;
  }
  for (const n of names) addOwnerWrite(path.join(p, n));
}

/** fb_rm: remove, even what a read-only directory holds (a second pass after chmod -R u+w). */
export function rmrf(...paths: string[]): boolean {
  let ok = true;
  for (const p of paths) ok = removeTree(p) && ok;
  if (ok) return true;
  for (const p of paths) addOwnerWrite(p);
  ok = true;
  for (const p of paths) ok = removeTree(p) && ok;
  return ok;
}

/** fb_clear: remove what DIR holds (dot files too), keep DIR. */
export function clearDir(dir: string): boolean {
  const ents = entries(dir);
  return ents.length === 0 || rmrf(...ents);
}

/** chmod --reference=REFERENCE -- TARGET (both followed through symbolic links). */
export function chmodLike(target: string, reference: string): boolean {
  let mode: number;
  try {
    mode = statSync(reference).mode & 0o7777;
  } catch (e) {
    fsError(`chmod: failed to get attributes of ${gnuQuote(reference)}: ${errnoText(e)}`);
    return false;
  }
  try {
    chmodSync(target, mode);
    return true;
  } catch (e) {
    if (errnoOf(e) === 'ENOENT' && lstatOrUndefined(target)?.isSymbolicLink()) {
      fsError(`chmod: cannot operate on dangling symlink ${gnuQuote(target)}`);
    } else {
      const verb = errnoOf(e) === 'ENOENT' || errnoOf(e) === 'ENOTDIR' ? 'cannot access' : 'changing permissions of';
      fsError(`chmod: ${verb} ${gnuQuote(target)}: ${errnoText(e)}`);
    }
    return false;
  }
}

/** mkdir -p -- DIR */
export function mkdirP(dir: string): boolean {
  try {
    mkdirSync(dir, { recursive: true });
    return true;
  } catch (e) {
    fsError(`mkdir: cannot create directory ${gnuQuote(dir)}: ${errnoText(e)}`);
    return false;
  }
}

/** rmdir -- DIR */
export function rmdirLoud(dir: string): boolean {
  try {
    rmdirSync(dir);
    return true;
  } catch (e) {
    fsError(`rmdir: failed to remove ${gnuQuote(dir)}: ${errnoText(e)}`);
    return false;
  }
}

// ---- cp -a

/** One `cp -a`: the first copy of each multiply linked file, to link the others to it. */
interface CopyRun {
  links: Map<string, string>;
  readonly uid: number;
  readonly gid: number;
}

function newCopyRun(): CopyRun {
  return { links: new Map(), uid: process.getuid?.() ?? -1, gid: process.getgid?.() ?? -1 };
}

/** The attributes cp -a keeps: owner (when it may), mode, times. */
function preserve(run: CopyRun, dst: string, st: Stats, link: boolean): void {
  if (st.uid !== run.uid || st.gid !== run.gid) {
    try {
      lchownSync(dst, st.uid, st.gid);
    } catch {
      // cp -a keeps the owner only where it may
    }
  }
  try {
    if (link) {
      lutimesSync(dst, st.atime, st.mtime);
      return;
    }
    chmodSync(dst, st.mode & 0o7777);
    utimesSync(dst, st.atime, st.mtime);
  } catch {
    // as cp: a failure to keep an attribute is not a failed copy of the data
  }
}

/** `cp -a SRC DST` of one file or tree onto the exact path DST (SRC's lstat when known). */
function copyEntry(run: CopyRun, src: string, dst: string, known?: Stats): boolean {
  let st: Stats;
  try {
    st = known ?? lstatSync(src);
  } catch (e) {
    fsError(`cp: cannot stat ${gnuQuote(src)}: ${errnoText(e)}`);
    return false;
  }
  const existing = lstatOrUndefined(dst);
  if (st.isDirectory()) return copyDir(run, src, dst, st, existing);
  if (existing?.isDirectory()) {
    fsError(`cp: cannot overwrite directory ${gnuQuote(dst)} with non-directory`);
    return false;
  }
  if (st.isSymbolicLink()) return copySymlink(run, src, dst, st, existing);
  if (st.isFile()) return copyFile(run, src, dst, st);
  return copySpecial(src, dst);
}

function copyDir(run: CopyRun, src: string, dst: string, st: Stats, existing: Stats | undefined): boolean {
  if (existing !== undefined && !existing.isDirectory()) {
    fsError(`cp: cannot overwrite non-directory ${gnuQuote(dst)} with directory ${gnuQuote(src)}`);
    return false;
  }
  if (existing === undefined) {
    try {
      // writable while it is filled (cp does so too); its mode follows at the end
      mkdirSync(dst, 0o700);
    } catch (e) {
      fsError(`cp: cannot create directory ${gnuQuote(dst)}: ${errnoText(e)}`);
      return false;
    }
  }
  let names: string[];
  try {
    names = readdirSync(src);
  } catch (e) {
    fsError(`cp: cannot access ${gnuQuote(src)}: ${errnoText(e)}`);
    return false;
  }
  // cp reads a directory in inode order (savedir's SAVEDIR_SORT_FASTREAD): its messages come so
  const children = names.map((n) => ({ n, st: lstatOrUndefined(`${src}/${n}`) }));
  children.sort((a, b) => (a.st?.ino ?? 0) - (b.st?.ino ?? 0));
  let ok = true;
  for (const c of children) ok = copyEntry(run, `${src}/${c.n}`, `${dst}/${c.n}`, c.st) && ok;
  preserve(run, dst, st, false);
  return ok;
}

function copySymlink(run: CopyRun, src: string, dst: string, st: Stats, existing: Stats | undefined): boolean {
  try {
    const target = readlinkSync(src);
    if (existing !== undefined) unlinkSync(dst);
    symlinkSync(target, dst);
  } catch (e) {
    fsError(`cp: cannot create symbolic link ${gnuQuote(dst)}: ${errnoText(e)}`);
    return false;
  }
  preserve(run, dst, st, true);
  return true;
}

function copyFile(run: CopyRun, src: string, dst: string, st: Stats): boolean {
  const key = `${st.dev}:${st.ino}`;
  const first = st.nlink > 1 ? run.links.get(key) : undefined;
  if (first !== undefined) {
    try {
      if (lstatOrUndefined(dst) !== undefined) unlinkSync(dst);
      linkSync(first, dst);
      return true;
    } catch (e) {
      fsError(`cp: cannot create hard link ${gnuQuote(dst)} to ${gnuQuote(first)}: ${errnoText(e)}`);
      return false;
    }
  }
  try {
    // an existing DST is written through (a symbolic link there is followed, as cp does)
    copyFileSync(src, dst);
  } catch (e) {
    fsError(`cp: cannot create regular file ${gnuQuote(dst)}: ${errnoText(e)}`);
    return false;
  }
  if (st.nlink > 1) run.links.set(key, dst);
  preserve(run, dst, st, false);
  return true;
}

/** A fifo, socket or device: node:fs cannot make one, the real cp does. */
function copySpecial(src: string, dst: string): boolean {
  const r = spawnSync('cp', ['-a', '--', src, dst], { encoding: 'utf8' });
  if (r.stderr) pendingErrors += r.stderr;
  return r.status === 0;
}

/** `cp -a -- SRC/. DST/`: SRC's content merged into DST (created when missing), DST takes SRC's mode. */
export function copyAll(src: string, dst: string): boolean {
  const from = `${src}/.`;
  let st: Stats;
  try {
    st = statSync(from);
  } catch (e) {
    fsError(`cp: cannot stat ${gnuQuote(from)}: ${errnoText(e)}`);
    return false;
  }
  const existing = lstatOrUndefined(dst);
  // an existing DST/ is a directory to copy into (DST/.), else DST itself is made
  const to = existing === undefined ? dst : `${dst}/.`;
  if (existing !== undefined && !isDir(dst)) {
    fsError(`cp: target ${gnuQuote(`${dst}/`)} is not a directory`);
    return false;
  }
  return copyDir(newCopyRun(), from, to, st, existing === undefined ? undefined : statSync(dst));
}

/** `cp -a -- E TO/`: E copied into the directory TO (or made TO when E is a directory and TO is missing). */
function copyInto(e: string, to: string): boolean {
  if (isDir(to)) return copyEntry(newCopyRun(), e, `${to}/${path.basename(e)}`);
  if (lstatOrUndefined(to) === undefined && lstatOrUndefined(e)?.isDirectory()) return copyEntry(newCopyRun(), e, to);
  fsError(`cp: target ${gnuQuote(`${to}/`)} is not a directory`);
  return false;
}

// ---- mv

/** rename(2) as mv does it (across file systems: a copy, then the source removed). */
function renameTo(e: string, dst: string): boolean {
  try {
    renameSync(e, dst);
    return true;
  } catch (err) {
    if (errnoOf(err) !== 'EXDEV') return false;
  }
  const saved = pendingErrors;
  const ok = copyEntry(newCopyRun(), e, dst) && rmrf(e);
  pendingErrors = saved; // mv's messages go to /dev/null in fb_move_content
  return ok;
}

/** `mv -- E TO/` (one source). */
function mvOne(e: string, to: string): boolean {
  if (isDir(to)) return renameTo(e, `${to}/${path.basename(e)}`);
  // TO/ missing: a directory is renamed to it, anything else is refused
  if (lstatOrUndefined(to) === undefined && lstatOrUndefined(e)?.isDirectory()) return renameTo(e, to);
  return false;
}

/** `mv -- E... TO/` (several sources: TO must be a directory). */
function mvAll(ents: string[], to: string): boolean {
  if (ents.length === 1) return mvOne(ents[0] as string, to);
  if (!isDir(to)) return false;
  let ok = true;
  for (const e of ents) ok = renameTo(e, `${to}/${path.basename(e)}`) && ok;
  return ok;
}

/**
 * fb_move_content: move what FROM holds into TO. An entry that cannot be renamed (a
 * read-only directory changing parents, a name TO already holds as a non-empty directory)
 * is copied there with cp -a and removed.
 */
export function moveContent(from: string, to: string): boolean {
  const ents = entries(from);
  if (ents.length === 0) return true;
  if (mvAll(ents, to)) return true;
  let ok = true;
  for (const e of ents) {
    if (lstatOrUndefined(e) === undefined) continue;
    if (mvOne(e, to)) continue;
    if (!(copyInto(e, to) && rmrf(e))) ok = false;
  }
  return ok;
}
