/**
 * `pot add-dep -p POT -P DEP` (shell pot 0.16.0): a pot start starts first,
 * as a `pot.depend=DEP` line of pot.conf. A dependency is written once (shell
 * pot appended it again at every call).
 */
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { info, requireRoot } from '../context/context.js';
import { editPotConf } from './pot-conf-edit.js';
import { existingPot } from '../context/pot-lookup.js';

export interface AddPotDependencyOptions {
  pot: string;
  /** The pot to start before `pot`. */
  dependency: string;
}

/** Appends `pot.depend=DEP` unless the pot depends on DEP already; answers the (new) configuration. */
export async function addPotDependency(ctx: ActionContext, options: AddPotDependencyOptions): Promise<PotConf> {
  const { pot, dependency } = options;
  if (pot === dependency) {
    throw new PotError('usage', 'a pot cannot be run time dependecy of itself', { suggestion: 'give another pot with -P' });
  }
  validatePotName(pot, { purpose: 'existing' });
  validatePotName(dependency, { purpose: 'existing' });
  await existingPot(ctx, pot);
  await existingPot(ctx, dependency, 'dependency pot');
  await requireRoot(ctx);
  let known = false;
  const conf = await editPotConf(ctx, pot, (c) => {
    known = c.depends.includes(dependency);
    if (!known) c.add('pot.depend', dependency);
  });
  if (known) info(ctx, `pot ${pot} already depends on ${dependency}`);
  return conf;
}
