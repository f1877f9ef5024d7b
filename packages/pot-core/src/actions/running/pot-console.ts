/**
 * `pot term` / `pot run` (= `term -f`): a root login shell inside a running
 * pot, starting it first with `run`; `pot top`: the pot's processes, live.
 */
import { PotError } from '../../errors/pot-error.js';
import type { ActionContext } from '../context/context.js';
import { requireRoot } from '../context/context.js';
import { existingPot } from '../context/pot-lookup.js';
import { startPot } from './start-pot.js';

export interface ConsoleOptions {
  pot: string;
  /** -f (`run`): start the pot when it is not running. */
  start?: boolean;
}

/** Answers the shell's exit status. */
export async function openConsole(ctx: ActionContext, o: ConsoleOptions): Promise<number> {
  await existingPot(ctx, o.pot);
  if (!(await ctx.host.jails.isRunning(o.pot))) {
    if (!o.start)
      throw new PotError('host-state', `The pot ${o.pot} is not running`, { suggestion: `start it with 'pot start ${o.pot}', or use 'pot run ${o.pot}'` });
    await requireRoot(ctx);
    await startPot(ctx, { pot: o.pot });
    if (
      !(await ctx.host.plan.afterChanges(
        () => ctx.host.jails.isRunning(o.pot),
        () => true,
      ))
    )
      throw new PotError('host-state', `The pot ${o.pot} is not running`, { suggestion: `it stopped right after start: look at 'pot info -vp ${o.pot}'` });
  }
  await requireRoot(ctx);
  return ctx.host.jails.console(o.pot, 'root');
}

/** `pot top -p NAME`: top's live view of a running pot's processes; answers top's exit status. */
export async function monitorPot(ctx: ActionContext, pot: string): Promise<number> {
  await existingPot(ctx, pot);
  if (!(await ctx.host.jails.isRunning(pot))) {
    throw new PotError('host-state', `pot ${pot} is not in execution`, { suggestion: `start it with 'pot start ${pot}'` });
  }
  return ctx.host.jails.monitor(pot);
}
