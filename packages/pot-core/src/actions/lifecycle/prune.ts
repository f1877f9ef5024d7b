/**
 * `pot prune` (minipot runs it from cron): destroys the stopped pots marked
 * prunable whose last start marked them to be pruned.
 */
import path from 'node:path';
import type { ActionContext } from '../context/context.js';
import { info, realFiles, requireRoot, warn } from '../context/context.js';
import { destroyPot } from './destroy-pot.js';
import { forPot, potPath, potStore } from '../context/pot-lookup.js';

export interface PruneOptions {
  /** -n (and --dry-run): only say which pots would go. */
  listOnly?: boolean;
  /** -g: spare pots whose last run ended less than a minute ago (a start may be under way). */
  gracePeriod?: boolean;
}

/** How long after a run a pot is spared with -g, and how long to look twice. */
const GRACE_MS = 60_000;
const RECHECK_MS = 2_000;

async function ranRecently(ctx: ActionContext, pot: string): Promise<boolean> {
  const modified = await realFiles(ctx).modifiedAt(path.join(potPath(ctx, pot), 'conf', '.last_run_stats'));
  return modified !== undefined && ctx.host.clock.now() - modified < GRACE_MS;
}

async function prunable(ctx: ActionContext, pot: string, o: PruneOptions): Promise<boolean> {
  const conf = await potStore(ctx).readPotConf(pot);
  if (!conf || conf.attr('prunable') !== 'YES' || conf.attr('to-be-pruned') !== 'YES') return false;
  if (await ctx.host.jails.isRunning(pot)) return false;
  if (!o.gracePeriod) return true;
  if (await ranRecently(ctx, pot)) return false;
  await ctx.host.clock.sleep(RECHECK_MS); // gives a starting pot the time to write .last_run_stats
  return !(await ranRecently(ctx, pot)) && !(await ctx.host.jails.isRunning(pot));
}

/** Answers the pots pruned (or that would be, with listOnly). */
export async function prunePots(ctx: ActionContext, o: PruneOptions = {}): Promise<string[]> {
  await requireRoot(ctx);
  const pruned: string[] = [];
  for (const pot of await potStore(ctx).listPots()) {
    if ((await forPot(ctx, () => prunable(ctx, pot, o))) !== true) continue;
    info(ctx, `Pruning ${pot}`);
    pruned.push(pot);
    if (o.listOnly) continue;
    try {
      await destroyPot(ctx, { pot, force: true });
      info(ctx, `Pruned ${pot}`);
    } catch (err) {
      warn(ctx, `Error while pruning ${pot}: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return pruned;
}
