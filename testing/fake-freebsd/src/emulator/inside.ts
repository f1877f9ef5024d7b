/**
 * Programs "run inside a jail" by the fake host (lib/inside.sh). Nothing is executed in a fake
 * jail, except two forms pot uses to move files (copy-in, copy-out), emulated on the jail's root:
 *   /bin/cp -a|-va SRC DST    (SRC's last component is not followed, as cp -a does; a DST
 *                              that is a directory receives SRC under its name)
 *   /bin/mkdir -p DIR
 * Paths are taken inside the root: `..` stops at it and symlinks (absolute ones relative to
 * the root) are followed inside it, as a jail sees them. Only roots strictly below the
 * emulation area (FAKEBSD_ROOT, else the directory holding FAKEBSD_STATE) are touched, so the
 * host's own files are never written.
 */
import {
  chmodSync,
  copyFileSync,
  lchownSync,
  lstatSync,
  lutimesSync,
  mkdirSync,
  readdirSync,
  readlinkSync,
  type Stats,
  symlinkSync,
  unlinkSync,
  utimesSync,
} from 'node:fs';
import type { Call } from './call.js';
import { exists, isDir, lstatOrUndefined } from './net-files.js';
import { realpathLoose } from './state.js';

/** inside_known ARGV: is this a program the fake emulates? */
export function insideKnown(argv: readonly string[]): boolean {
  switch (argv[0]) {
    case '/bin/cp':
      return argv.length >= 3;
    case '/bin/mkdir':
      return argv[1] === '-p' && argv.length === 3;
    default:
      return false;
  }
}

/** inside_root_ok ROOT: may files below ROOT (absolute) be written by the emulation? */
function insideRootOk(call: Call, root: string): boolean {
  const area = call.st.emuArea();
  if (area === undefined) return false;
  const st = realpathLoose(call.resolve(call.st.dir));
  const p = realpathLoose(root);
  if (!p.startsWith(`${area}/`)) return false;
  return !(`${p}/`.startsWith(`${st}/`) || `${st}/`.startsWith(`${p}/`));
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

/** `IFS=/ read -r -a PARTS <<<"$P"`: P's first line cut at every '/'. */
function slashParts(p: string): string[] {
  const line = p.split('\n')[0] as string;
  const parts = line.split('/');
  if (parts[parts.length - 1] === '') parts.pop();
  return parts;
}

/**
 * inside_path ROOT PATH: the host path of PATH (absolute inside ROOT), every symlink followed
 * inside ROOT (the last component too); undefined after 40 links.
 */
function insidePath(root: string, p: string): string {
  return insidePathOr(root, p) ?? '';
}

function insidePathOr(rootArg: string, p: string): string | undefined {
  const root = rootArg.endsWith('/') ? rootArg.slice(0, -1) : rootArg;
  let out = '';
  let links = 0;
  let todo = slashParts(p);
  let i = 0;
  while (i < todo.length) {
    const part = todo[i] as string;
    i++;
    if (part === '' || part === '.') continue;
    if (part === '..') {
      out = out.slice(0, Math.max(0, out.lastIndexOf('/')));
      continue;
    }
    const here = `${root}${out}/${part}`;
    if (isLink(here)) {
      links++;
      if (links > 40) return undefined;
      const target = readlinkSync(here, 'utf8');
      if (target.startsWith('/')) out = '';
      todo = [...slashParts(target), ...todo.slice(i)];
      i = 0;
      continue;
    }
    out += `/${part}`;
  }
  return `${root}${out}`;
}

/** inside_nofollow ROOT PATH: like inside_path, but the last component is kept as it is. */
function insideNofollow(root: string, path: string): string {
  const p = path.endsWith('/') ? path.slice(0, -1) : path;
  const slash = p.lastIndexOf('/');
  const name = p.slice(slash + 1);
  // ${p%/*}: P itself when it holds no '/'
  const dir = slash < 0 ? p : p.slice(0, slash);
  if (name === '') return insidePath(root, '/');
  // a failed inside_path leaves an empty $(…): the result is then /NAME, as in bash
  return `${insidePath(root, dir === '' ? '/' : dir)}/${name}`;
}

// ---- cp -a -T --remove-destination SRC DST

/** The attributes cp -a keeps: owner (where it may), mode, times. */
function keepAttributes(dst: string, st: Stats, link: boolean): void {
  try {
    lchownSync(dst, st.uid, st.gid);
  } catch {
    // cp -a keeps the owner only where it may
  }
  try {
    if (link) {
      lutimesSync(dst, st.atime, st.mtime);
      return;
    }
    chmodSync(dst, st.mode & 0o7777);
    utimesSync(dst, st.atime, st.mtime);
  } catch {
    // as cp: an attribute it cannot keep is not a failed copy
  }
}

/**
 * `cp -a -T --remove-destination SRC DST`: SRC (not followed) copied onto the path DST; an
 * existing non-directory at DST is removed first, never written through (a jail's links stay
 * inside it). Errors do not stop the copy of the rest; the result says whether all went well.
 */
function copyRemovingDestination(src: string, dst: string): boolean {
  const st = lstatOrUndefined(src);
  if (st === undefined) return false;
  const existing = lstatOrUndefined(dst);
  if (st.isDirectory()) {
    if (existing !== undefined && !existing.isDirectory()) return false;
    // a directory into itself: cp refuses it (after a partial copy, not emulated)
    if (`${dst}/`.startsWith(`${src}/`)) return false;
    try {
      if (existing === undefined) mkdirSync(dst, 0o700);
      let ok = true;
      for (const n of readdirSync(src)) ok = copyRemovingDestination(`${src}/${n}`, `${dst}/${n}`) && ok;
      keepAttributes(dst, st, false);
      return ok;
    } catch {
      return false;
    }
  }
  if (existing?.isDirectory()) return false;
  try {
    if (existing !== undefined) unlinkSync(dst);
    if (st.isSymbolicLink()) symlinkSync(readlinkSync(src), dst);
    else if (st.isFile()) copyFileSync(src, dst);
    else return false; // a fifo, socket or device: nothing pot copies into a jail
    keepAttributes(dst, st, st.isSymbolicLink());
    return true;
  } catch {
    return false;
  }
}

/** inside_cp ROOT ARG...: /bin/cp [-a|-va] SRC DST inside ROOT. */
function insideCp(call: Call, root: string, args: readonly string[]): number {
  let verbose = false;
  const ops: string[] = [];
  for (const a of args) {
    if (a.startsWith('-')) {
      if (a.includes('v')) verbose = true;
    } else ops.push(a);
  }
  if (ops.length !== 2) {
    call.err('usage: cp [-R [-H | -L | -P]] [-f | -i | -n] [-alpsvx] source_file target_file');
    return 64;
  }
  const src = ops[0] as string;
  let dst = ops[1] as string;
  const s = insideNofollow(root, src);
  if (!exists(s) && !isLink(s)) {
    call.err(`cp: ${src}: No such file or directory`);
    return 1;
  }
  let d = insidePathOr(root, dst);
  if (d === undefined) return 1;
  if (isDir(d)) {
    dst = `${dst.endsWith('/') ? dst.slice(0, -1) : dst}/${s.slice(s.lastIndexOf('/') + 1)}`;
    d = insidePathOr(root, dst);
    if (d === undefined) return 1;
  }
  if (!isDir(d.includes('/') ? d.slice(0, d.lastIndexOf('/')) : d)) {
    call.err(`cp: ${dst}: No such file or directory`);
    return 1;
  }
  if (isDir(s) && !isLink(s) && exists(d) && !isDir(d)) {
    call.err(`cp: cannot overwrite non-directory ${dst} with directory ${src}`);
    return 1;
  }
  if (!copyRemovingDestination(s, d)) {
    call.err(`cp: ${dst}: Operation not permitted`);
    return 1;
  }
  if (verbose) call.out(`${src} -> ${dst}\n`);
  return 0;
}

/** `mkdir -p -- DIR` (false when a component is not a directory). */
function mkdirP(dir: string): boolean {
  if (dir === '') return false;
  try {
    mkdirSync(dir, { recursive: true });
    return isDir(dir);
  } catch {
    return false;
  }
}

/** inside_run ROOT ARGV...: what ARGV (an insideKnown form) does inside a jail on ROOT; its status. */
export function insideRun(call: Call, rootArg: string, argv: readonly string[]): number {
  if (rootArg === '') return 0;
  // relative to the working directory, else as written (no lexical `..` folding)
  const root = rootArg.startsWith('/') ? rootArg : `${call.cwd}/${rootArg}`;
  if (!isDir(root) || !insideRootOk(call, root)) return 0;
  switch (argv[0]) {
    case '/bin/cp':
      return insideCp(call, root, argv.slice(1));
    case '/bin/mkdir': {
      const dir = argv[2] as string;
      if (!mkdirP(insidePath(root, dir))) {
        call.err(`mkdir: ${dir}: Not a directory`);
        return 1;
      }
      return 0;
    }
    default:
      return 0;
  }
}
