/**
 * How mount-in and mount-out change a pot's fscomp.conf: read-modify-write
 * under the pot's lock with an atomic write (PotStore.updateFscompConf), or,
 * with --dry-run, by showing the new file without writing it. Shell pot
 * appended with `echo >>` and deleted with `sed -i`, unlocked.
 */
import { FscompConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { potStore } from '../context/pot-lookup.js';

/**
 * Applies `mutate` to the pot's fscomp.conf (a missing file is an empty one);
 * what `mutate` does on the host happens while the lock is held, and a throw
 * leaves the file as it was. Answers the new content.
 */
export async function editFscompConf(ctx: ActionContext, pot: string, mutate: (conf: FscompConf) => void | Promise<void>): Promise<FscompConf> {
  return potStore(ctx).updateFscompConf(pot, async (conf) => void (await mutate(conf)));
}
