/**
 * How the pot.conf editing commands (set-attribute, set-cmd, set-env) change
 * a pot's pot.conf: read-modify-write under the pot's lock with an atomic
 * write (PotStore.updatePotConf), or, with --dry-run, by showing the new file
 * without writing it. Shell pot edited pot.conf with `sed -i` and `echo >>`,
 * unlocked.
 */
import { PotError } from '../../errors/pot-error.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { potStore } from '../context/pot-lookup.js';

/** A value pot.conf can hold on one line; PotError `usage` otherwise. */
export function singleLineValue(what: string, value: string): string {
  if (/[\n\r]/.test(value)) {
    throw new PotError('usage', `The value of ${what} cannot span several lines`, { suggestion: `give ${what} on one line` });
  }
  return value;
}

/** Applies `mutate` to the pot's pot.conf (a dry-run host shows the write); answers the new configuration. */
export async function editPotConf(ctx: ActionContext, pot: string, mutate: (conf: PotConf) => void): Promise<PotConf> {
  return potStore(ctx).updatePotConf(pot, (conf) => void mutate(conf), { mustExist: true });
}
