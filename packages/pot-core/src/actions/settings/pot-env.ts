/**
 * `pot set-env -p POT -E VAR=value…` (shell pot 0.16.0): the environment of
 * the pot's command, as `pot.env="VAR=value"` lines of pot.conf.
 */
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { requireRoot } from '../context/context.js';
import { editPotConf, singleLineValue } from './pot-conf-edit.js';
import { existingPot } from '../context/pot-lookup.js';

/** A `-E` argument, checked: it must have the form VARIABLE=value (PotError `usage` otherwise). */
export function envAssignment(text: string): string {
  if (!text.includes('=')) {
    throw new PotError('usage', `${text} is not in a valid form`, { suggestion: 'VARIABLE=value is accepted' });
  }
  return singleLineValue('an environment variable', text);
}

/** The raw `pot.env` value of an assignment: in double quotes, inner `"` escaped as `\"`. */
export function potEnvValue(assignment: string): string {
  return `"${assignment.replaceAll('"', '\\"')}"`;
}

export interface SetPotEnvOptions {
  pot: string;
  /** VARIABLE=value assignments, in order. */
  env: readonly string[];
}

/** Replaces every `pot.env=` line with one line per assignment, in order, at the end of pot.conf. */
export async function setPotEnv(ctx: ActionContext, options: SetPotEnvOptions): Promise<PotConf> {
  const { pot } = options;
  const values = options.env.map((e) => potEnvValue(envAssignment(e)));
  if (values.length === 0) throw new PotError('usage', 'Option -E is mandatory', { suggestion: 'give at least one -E VARIABLE=value' });
  validatePotName(pot, { purpose: 'existing' });
  await existingPot(ctx, pot);
  await requireRoot(ctx);
  return editPotConf(ctx, pot, (c) => {
    c.delete('pot.env');
    for (const v of values) c.add('pot.env', v);
  });
}
