/**
 * `pot last-run-stats -p POT` (shell pot 0.16.0): what start recorded about
 * the pot's last run (`conf/.last_run_stats`, e.g. `{ "ExitCode": 3 }`), or
 * `{}` when it never ran.
 */
import path from 'node:path';
import { validatePotName } from '../../names/index.js';
import type { ActionContext } from '../context/context.js';
import { realFiles } from '../context/context.js';
import { existingPot, potPath } from '../context/pot-lookup.js';

/** The file's text as written (JSON), or `{}\n` when there is none. */
export async function lastRunStats(ctx: ActionContext, pot: string): Promise<string> {
  validatePotName(pot, { purpose: 'existing' });
  await existingPot(ctx, pot);
  return (await realFiles(ctx).read(path.join(potPath(ctx, pot), 'conf', '.last_run_stats'))) ?? '{}\n';
}
