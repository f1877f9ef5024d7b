/**
 * `pot exec -p NAME [-e VAR=value]… [-u USER|-U USER] [-t] [-d] COMMAND…`: a
 * command inside a running pot, on pot's terminal (nomad-pot-driver's exec).
 */
import { PotError } from '../../errors/pot-error.js';
import type { ActionContext } from '../context/context.js';
import { requireRoot } from '../context/context.js';

export interface ExecOptions {
  pot: string;
  /** The command and its arguments, passed through untouched. */
  command: readonly string[];
  /** `VAR=value` each. */
  env?: readonly string[];
  hostUser?: string;
  jailUser?: string;
  tty?: boolean;
  detach?: boolean;
}

/** Answers the command's exit status (0 once a detached command started). */
export async function execInPot(ctx: ActionContext, o: ExecOptions): Promise<number> {
  if (o.command.length === 0) throw new PotError('usage', 'A command is mandatory');
  const bad = (o.env ?? []).find((e) => !e.includes('=') || e.startsWith('='));
  if (bad !== undefined) throw new PotError('usage', `${bad} not in a valid form`, { suggestion: 'VARIABLE=value is accepted' });
  if (o.hostUser !== undefined && o.jailUser !== undefined) throw new PotError('usage', 'Parameters -u and -U are mutually exclusive');
  if (!(await ctx.host.jails.isRunning(o.pot)))
    throw new PotError('host-state', 'The pot is not running', { suggestion: `start it with 'pot start ${o.pot}'` });
  await requireRoot(ctx);
  return ctx.host.jails.attach(o.pot, ['env', ...(o.env ?? []), ...o.command], {
    ...(o.hostUser === undefined ? {} : { hostUser: o.hostUser }),
    ...(o.jailUser === undefined ? {} : { jailUser: o.jailUser }),
    tty: o.tty ?? false,
    detach: o.detach ?? false,
  });
}
