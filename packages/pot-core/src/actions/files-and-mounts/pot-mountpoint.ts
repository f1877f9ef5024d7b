/**
 * A mount point inside a pot as the jail sees it (mount-in, mount-out): links
 * resolved inside the pot's root, as shell pot's `chroot J/m /bin/realpath MNT`
 * did, and the fscomp.conf checks around it.
 */
import { PotError } from '../../errors/pot-error.js';
import type { FscompEntry } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { entriesAt, entryFromMountpoint, insideMountpoint } from './fscomp-mountpoints.js';
import { potRoot } from '../network/pot-root-files.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** The mount point inside the pot with every link resolved inside it; `create` makes the directory when missing. */
export async function resolvedMountpoint(ctx: ActionContext, pot: string, mountpoint: string, options: { create: boolean }): Promise<string> {
  const root = potRoot(ctx, pot);
  if (options.create) {
    try {
      if (!(await root.isDirectory(mountpoint))) await root.mkdirp(mountpoint);
    } catch (cause) {
      throw new PotError('host-state', 'The mountpoint is not valid!', {
        cause,
        suggestion: `${mountpoint} cannot be made inside the pot: ${messageOf(cause)}`,
      });
    }
  }
  return insideMountpoint(await root.resolve(mountpoint), root.root);
}

/** Refuses a mount point fscomp.conf already uses (either form of line), or whose directory is already a source. */
export function checkMountpointFree(entries: readonly FscompEntry[], mountpoint: string, shown: string, potRootDir: string, pot: string): void {
  if (entriesAt(entries, mountpoint, potRootDir).length > 0) {
    throw new PotError('conflict', `The mount point ${shown} is already in use`, { suggestion: `'pot mount-out -p ${pot} -m ${shown}' frees it` });
  }
  if (entryFromMountpoint(entries, mountpoint, potRootDir) !== undefined) {
    throw new PotError('conflict', `The mount point ${shown} is already used as source directory`, { suggestion: 'choose another mount point' });
  }
}
