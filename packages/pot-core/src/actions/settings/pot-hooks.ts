/**
 * A pot's hook scripts (`conf/prestart.sh`, `poststart.sh`, `prestop.sh`,
 * `poststop.sh`): run when executable, with the pot's `info -E` variables in
 * their environment. `pot set-hook` puts them there.
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import type { ActionContext } from '../context/context.js';
import { debug, info, passStderr, realFiles, requireRoot, userPath, warn } from '../context/context.js';
import type { PotConf } from '../../store/index.js';
import { potVariables } from '../queries/pot-info.js';
import { existingPot, potPath } from '../context/pot-lookup.js';

export type HookName = 'prestart' | 'poststart' | 'prestop' | 'poststop';

const LABEL: Record<HookName, string> = { prestart: 'pre-start', poststart: 'post-start', prestop: 'pre-stop', poststop: 'post-stop' };

/**
 * Runs the hook if there is one, with `info -E`'s variables in its environment
 * (as shell pot); its failure is reported, not fatal. No setting of the pot is
 * ever part of a shell script here: `pot.env` (which any job may set) is for the
 * jail alone. `sh -c 'exec "$0"'` runs a script without `#!` as sh would.
 */
export async function runHook(ctx: ActionContext, pot: string, hook: HookName, conf: PotConf): Promise<void> {
  const script = path.join(potPath(ctx, pot), 'conf', `${hook}.sh`);
  if (!(await ctx.host.files.under('/').isExecutable(script))) return;
  info(ctx, `Executing the ${LABEL[hook]} script for the pot ${pot}`);
  const env = Object.fromEntries(await potVariables(ctx, pot, conf));
  const r = await ctx.host.processes.run('/bin/sh', ['-c', 'exec "$0"', script], { env });
  for (const line of r.stdout.split('\n')) if (line !== '') ctx.report.print(line);
  passStderr(ctx, r.stderr);
  if (r.exitCode !== 0) warn(ctx, `the ${LABEL[hook]} script of ${pot} exited with ${r.exitCode}`);
}

/**
 * `pot set-hook`: copies host scripts in as the pot's hooks. Every script must
 * be executable, or nothing is copied (shell pot dropped the bad ones with an
 * error and installed the rest).
 */
export async function setHooks(ctx: ActionContext, pot: string, hooks: Partial<Record<HookName, string>>): Promise<void> {
  await existingPot(ctx, pot);
  const given = Object.entries(hooks) as Array<[HookName, string]>;
  if (given.length === 0) {
    throw new PotError('usage', 'No hooks provided - at least one hook has to be set', { suggestion: 'give a script with -s, -S, -t or -T' });
  }
  const files = realFiles(ctx);
  const invalid: string[] = [];
  for (const [, script] of given) if (!(await files.isExecutable(userPath(ctx, script)))) invalid.push(script);
  if (invalid.length > 0) {
    throw new PotError('usage', `${invalid.join(', ')} not a valid hook`, { suggestion: 'a hook is an executable file (chmod +x); no hook was set' });
  }
  await requireRoot(ctx);
  for (const [hook, script] of given) {
    const target = path.join(potPath(ctx, pot), 'conf', `${hook}.sh`);
    debug(ctx, `Setting the ${LABEL[hook]} hook of ${pot}: ${script}`);
    await files.copy(userPath(ctx, script), target);
  }
}
