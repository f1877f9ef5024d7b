/**
 * `pot mount-out -p POT -m MNT` (shell pot 0.16.0): a mount
 * added by mount-in taken away — its fscomp.conf line removed (whichever
 * form it has: current relative or legacy absolute, trailing blanks or not;
 * shell pot's delete only matched legacy lines after having rewritten them
 * all to the current form, so it removed nothing) and, when the pot runs,
 * unmounted now. Under the pot's lock; a failed unmount leaves the line.
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import type { FscompEntry } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, requireRoot } from '../context/context.js';
import { editFscompConf } from './fscomp-conf-edit.js';
import { checkMountpointArgument, entriesAt, normaliseMountpoint } from './fscomp-mountpoints.js';
import { withPotHeld, withPotMounted } from './with-pot-mounted.js';
import { existingPot, potPath, potStore } from '../context/pot-lookup.js';
import { resolvedMountpoint } from './pot-mountpoint.js';
import { unmountFscompEntry } from './pot-mounts.js';

export interface MountOutOptions {
  pot: string;
  /** -m: the mount point inside the pot (as given to mount-in, or where its links lead). */
  mountpoint: string;
}

const usage = (message: string, suggestion: string): PotError => new PotError('usage', message, { suggestion });
const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Removes the mount at `mountpoint` from the pot (unmounting it when the pot runs); answers the lines removed. */
export async function mountOut(ctx: ActionContext, o: MountOutOptions): Promise<FscompEntry[]> {
  const { pot, mountpoint } = o;
  if (pot === '') throw usage('A pot name is mandatory', 'give the pot with -p POT');
  if (mountpoint === '') throw usage('A mount point is mandatory', 'give the mount point inside the pot with -m MNT');
  checkMountpointArgument(mountpoint, { blanks: false });
  validatePotName(pot, { purpose: 'existing' });
  const conf = await existingPot(ctx, pot);
  await requireRoot(ctx);
  const rootDir = path.join(potPath(ctx, pot), 'm');
  return withPotHeld(ctx, pot, async (running) => {
    let wanted = normaliseMountpoint(mountpoint);
    // as given; else where its links lead inside the pot (the form mount-in wrote)
    if (entriesAt((await potStore(ctx).readFscompConf(pot))?.entries ?? [], wanted, rootDir).length === 0) {
      wanted = await withPotMounted(ctx, pot, conf, running, () => resolvedMountpoint(ctx, pot, mountpoint, { create: false }));
    }
    const removed: FscompEntry[] = [];
    await editFscompConf(ctx, pot, async (c) => {
      const found = entriesAt(c.entries, wanted, rootDir);
      if (found.length === 0) {
        throw new PotError('not-found', `The mount point ${mountpoint} is not in use`, { suggestion: `'pot info -v -p ${pot}' lists the mounts of the pot` });
      }
      if (running) {
        for (const e of [...found].reverse()) {
          try {
            await unmountFscompEntry(ctx, pot, e);
          } catch (cause) {
            throw new PotError('host-command', `Error umounting ${mountpoint} on ${pot}`, { cause, suggestion: messageOf(cause) });
          }
        }
        debug(ctx, `Umounted ${mountpoint} on ${pot}`);
      }
      c.remove((e) => found.includes(e));
      removed.push(...found);
    });
    return removed;
  });
}
