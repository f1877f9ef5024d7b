/**
 * `pot set-cmd -p POT -c CMD` (shell pot 0.16.0): the command that starts the
 * pot (`pot.cmd=` of pot.conf; `sh /etc/rc` by default).
 */
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { requireRoot } from '../context/context.js';
import { editPotConf, singleLineValue } from './pot-conf-edit.js';
import { existingPot } from '../context/pot-lookup.js';

/**
 * The `pot.cmd` value of a `-c` argument (`_set_command`): a leading `"` is
 * removed and then, only if there was one, a trailing `"` too.
 */
export function potCmdValue(cmd: string): string {
  if (!cmd.startsWith('"')) return cmd;
  const rest = cmd.slice(1);
  return rest.endsWith('"') ? rest.slice(0, -1) : rest;
}

export interface SetPotCmdOptions {
  pot: string;
  cmd: string;
}

/** Replaces the `pot.cmd=` line of pot.conf (written last, as shell pot's delete-and-append does). */
export async function setPotCmd(ctx: ActionContext, options: SetPotCmdOptions): Promise<PotConf> {
  const { pot, cmd } = options;
  if (cmd === '') throw new PotError('usage', 'A command is mandatory', { suggestion: 'give the command line with -c CMD' });
  singleLineValue('the command', cmd);
  validatePotName(pot, { purpose: 'existing' });
  await existingPot(ctx, pot);
  await requireRoot(ctx);
  const value = potCmdValue(cmd);
  return editPotConf(ctx, pot, (c) => void c.set('pot.cmd', value, { position: 'end' }));
}
