/**
 * Mount points of fscomp.conf lines, as mount-in and mount-out compare them:
 * a line holds its mount point inside the pot (`/mnt/data`)
 * or, written by older pots, as the absolute host path below `J/m`; trailing
 * `/` and spaces do not matter. Shell pot's checks only recognised one of the
 * two forms each (mount-in the legacy one, mount-out's delete the legacy one
 * after the line had been rewritten to the current one), so mount-out removed
 * nothing. Pure functions.
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import type { FscompEntry, FscompOption } from '../../store/index.js';

/** `/a//b/../c/` → `/a/c`; '' → '/'. */
export function normaliseMountpoint(mountpoint: string): string {
  const n = path.posix.normalize(mountpoint === '' ? '/' : mountpoint);
  return n.length > 1 ? n.replace(/\/+$/, '') : n;
}

/** The mount point of a line inside the pot, whichever form the line has (`potRoot` = `J/m`). */
export function insideMountpoint(mountpoint: string, potRoot: string): string {
  const root = potRoot.replace(/\/+$/, '');
  if (mountpoint === root || mountpoint.startsWith(`${root}/`)) return normaliseMountpoint(mountpoint.slice(root.length));
  return normaliseMountpoint(mountpoint);
}

/** The entries mounted at `mountpoint` (inside the pot). */
export function entriesAt(entries: readonly FscompEntry[], mountpoint: string, potRoot: string): FscompEntry[] {
  const wanted = normaliseMountpoint(mountpoint);
  return entries.filter((e) => insideMountpoint(e.mountpoint, potRoot) === wanted);
}

/** An entry whose source is the pot's own directory `J/m<mountpoint>` (shell pot: "used as source directory"). */
export function entryFromMountpoint(entries: readonly FscompEntry[], mountpoint: string, potRoot: string): FscompEntry | undefined {
  const dir = `${potRoot.replace(/\/+$/, '')}${normaliseMountpoint(mountpoint)}`;
  return entries.find((e) => e.source.replace(/\/+$/, '') === dir);
}

const usage = (message: string, suggestion: string): PotError => new PotError('usage', message, { suggestion });

/** The checks of `-m` (mount-in checks for whitespace too: fscomp.conf is split on blanks). */
export function checkMountpointArgument(mountpoint: string, options: { blanks: boolean }): void {
  if (options.blanks && /\s/.test(mountpoint))
    throw usage('The mountpoint cannot contain spaces', 'fscomp.conf separates its fields with blanks: choose a mount point without them');
  if (!mountpoint.startsWith('/')) throw usage('The mount point has to be an absolute pathname', `give the path inside the pot, e.g. /${mountpoint}`);
  if (normaliseMountpoint(mountpoint) === '/') throw usage('/ is not a valid mount point', 'mount below the root of the pot, e.g. /mnt');
}

export interface MountInMode {
  /** -r */
  readOnly?: boolean;
  /** -w: move the dataset's mount point instead of a nullfs mount. */
  remount?: boolean;
  /** The source is a host directory (-d). */
  directory: boolean;
}

/** The option word of the line: `ro`, `zfs-remount` or '' (read-write); `note` when -r overrides -w. */
export function mountInOption(mode: MountInMode): { option: FscompOption; note?: string } {
  if (mode.remount === true) {
    if (mode.directory) throw usage('Remount cannot be used with directories, but with fscomp only', 'drop -w: a directory is mounted with nullfs');
    if (mode.readOnly === true) return { option: 'ro', note: 'Readonly and remount are mutually exclusive: readonly considered, remount ignored' };
    return { option: 'zfs-remount' };
  }
  return { option: mode.readOnly === true ? 'ro' : '' };
}

/** The directory of `-d` as the line holds it: absolute (relative to `cwd`), normalised, without trailing `/`. */
export function mountInDirectory(dir: string, cwd: string): string {
  return normaliseMountpoint(path.posix.resolve(cwd, dir));
}

/** Whether `dir` is the pot's directory `J` or below it. */
export function isInsidePot(dir: string, potDir: string): boolean {
  const d = normaliseMountpoint(dir);
  const p = normaliseMountpoint(potDir);
  return d === p || d.startsWith(`${p}/`);
}
