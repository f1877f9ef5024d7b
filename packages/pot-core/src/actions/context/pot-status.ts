/**
 * A pot's run status as start and stop move it, under the pot's
 * lock; status files older than the boot (`kern.boottime`) do not count.
 */
import { PotStore, type PotState, type TransitionResult } from '../../store/index.js';
import type { ActionContext } from './context.js';
import { syslog } from './context.js';

/** `kern.boottime` (`{ sec = 1700000000, usec = 0 } …`) in seconds; undefined when unreadable. */
function parseBootTime(text: string | undefined): number | undefined {
  const m = /sec = (\d+)/.exec(text ?? '');
  return m ? Number(m[1]) : undefined;
}

/** The boot time, read once per host, that is per pot command (start and stop move the status thrice). */
const bootTimes = new WeakMap<ActionContext['host'], Promise<number | undefined>>();

function bootTime(ctx: ActionContext): Promise<number | undefined> {
  let time = bootTimes.get(ctx.host);
  if (time === undefined) {
    time = ctx.host.sysctl.get('kern.boottime').then(parseBootTime);
    bootTimes.set(ctx.host, time);
  }
  return time;
}

export function statusStore(ctx: ActionContext): PotStore {
  return new PotStore({
    fsRoot: ctx.settings.fsRoot,
    tmp: ctx.settings.tmp,
    files: ctx.host.files.store,
    bootTime: () => bootTime(ctx),
  });
}

/** Moves the status; logged as shell pot's `pot set-status` was. */
export async function setPotStatus(ctx: ActionContext, pot: string, to: PotState, interfaces?: string): Promise<TransitionResult> {
  await syslog(ctx, 'set-status', ['-p', pot, '-s', to, ...(interfaces ? ['-i', interfaces] : [])]);
  // a dry-run host keeps the status it moves to, unshown: later steps see it as a real run's would
  return statusStore(ctx).setStatus(pot, to, interfaces ?? '');
}
