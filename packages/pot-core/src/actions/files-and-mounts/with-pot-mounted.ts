/**
 * Working on a pot's files as its jail sees them (copy-in, copy-out, the
 * mount point checks of mount-in and mount-out): under the pot's lock, so a
 * start or a stop of the same pot waits until the work is done, on the
 * running pot or on the stopped pot mounted for the purpose and unmounted
 * after (shell pot's `_pot_mount` … `_pot_umount`, which raced with start).
 */
import { PotError } from '../../errors/pot-error.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { warn } from '../context/context.js';
import { potStore } from '../context/pot-lookup.js';
import { mountPot, unmountPot } from './pot-mounts.js';
import { statusStore } from '../context/pot-status.js';

const messageOf = (err: unknown): string => (err instanceof Error ? err.message : String(err));

/** Runs `fn` holding the pot's lock; `running` tells whether the jail runs. A pot in the middle of a start or stop is refused. */
export async function withPotHeld<T>(ctx: ActionContext, pot: string, fn: (running: boolean) => Promise<T>): Promise<T> {
  return potStore(ctx).withPotLock(pot, async () => {
    const state = (await statusStore(ctx).readStatus(pot))?.state;
    if (state === 'starting' || state === 'stopping') {
      throw new PotError('busy', `pot ${pot} is ${state}`, { suggestion: 'try again when it is done' });
    }
    return fn(await ctx.host.jails.isRunning(pot));
  });
}

/** Runs `fn` with the pot's file systems mounted: as they are when it runs, else mounted now and unmounted after. */
export async function withPotMounted<T>(ctx: ActionContext, pot: string, conf: PotConf, running: boolean, fn: () => Promise<T>): Promise<T> {
  if (running) return fn();
  try {
    await mountPot(ctx, pot, conf);
  } catch (cause) {
    await unmountPot(ctx, pot, conf).catch((e: unknown) => warn(ctx, messageOf(e)));
    throw new PotError('host-command', `Pot ${pot} failed to mount`, { cause, suggestion: messageOf(cause) });
  }
  let result: T;
  try {
    result = await fn();
  } catch (err) {
    await unmountPot(ctx, pot, conf).catch((e: unknown) => warn(ctx, messageOf(e)));
    throw err;
  }
  await unmountPot(ctx, pot, conf);
  return result;
}
