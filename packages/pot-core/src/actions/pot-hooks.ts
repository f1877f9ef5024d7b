/**
 * A pot's hook scripts (`conf/prestart.sh`, `poststart.sh`, `prestop.sh`,
 * `poststop.sh`): run when executable, with the pot's `info -E` variables in
 * their environment.
 */
import path from 'node:path';
import type { ActionContext } from './context.js';
import { info, passStderr, warn } from './context.js';
import { potPath } from './pot-lookup.js';

export type HookName = 'prestart' | 'poststart' | 'prestop' | 'poststop';

const LABEL: Record<HookName, string> = { prestart: 'pre-start', poststart: 'post-start', prestop: 'pre-stop', poststop: 'post-stop' };

/** Runs the hook if there is one; its failure is reported, not fatal (as in shell pot). */
export async function runHook(ctx: ActionContext, pot: string, hook: HookName, env: readonly string[]): Promise<void> {
  const script = path.join(potPath(ctx, pot), 'conf', `${hook}.sh`);
  if (!(await ctx.host.files.under('/').isExecutable(script))) return;
  info(ctx, `Executing the ${LABEL[hook]} script for the pot ${pot}`);
  const r = await ctx.host.processes.run('/bin/sh', ['-c', `${env.join('\n')}\nexec "$0"`, script]);
  for (const line of r.stdout.split('\n')) if (line !== '') ctx.report.print(line);
  passStderr(ctx, r.stderr);
  if (r.exitCode !== 0) warn(ctx, `the ${LABEL[hook]} script of ${pot} exited with ${r.exitCode}`);
}
