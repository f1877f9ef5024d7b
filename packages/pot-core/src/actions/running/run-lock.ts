/**
 * A start and a stop of one pot never run side by side (shell pot's destroy -F during a
 * start failed on busy mounts, and the start went on to run a jail Nomad believed gone).
 * start holds the pot's run lock (POT_TMP/pot-run-NAME.lock) from before its status becomes
 * `starting` until it is `started` or undone; stop and destroy -F hold it while they stop.
 * A stop that finds a start in progress leaves a stop request (POT_TMP/pot-stop-request-NAME),
 * which the start honours at its next step by undoing what it did and failing, then takes
 * the lock. A status still `starting` once the stop holds the lock is a start that died: doa.
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import type { PotState } from '../../store/index.js';
import { withRunLock } from '../../locks/index.js';
import type { ActionContext } from '../context/context.js';
import { info, realFiles } from '../context/context.js';
import { statusStore } from '../context/pot-status.js';

export function stopRequestPath(ctx: ActionContext, pot: string): string {
  return path.join(ctx.settings.tmp, `pot-stop-request-${pot}`);
}

/** Runs `fn` holding the pot's run lock (re-entrant: start's own undoing stops under it). */
export function runLocked<T>(ctx: ActionContext, pot: string, fn: () => Promise<T>): Promise<T> {
  return withRunLock(pot, fn, { potTmp: ctx.settings.tmp });
}

/** A stop of the pot asked its start to end: the start undoes what it did and fails. */
export async function throwIfStopRequested(ctx: ActionContext, pot: string): Promise<void> {
  // a plan's start made nothing a stop could interrupt
  await ctx.host.plan.afterChanges(async () => {
    if (!(await realFiles(ctx).exists(stopRequestPath(ctx, pot)))) return;
    throw new PotError('interrupted', `the start of pot ${pot} was interrupted: the pot is being stopped or destroyed`, {
      suggestion: `what the start had done is undone; start it again with 'pot start ${pot}' once the other command is done`,
    });
  });
}

/** A request the start of this run must not see (left by a stop that ended before it). */
export async function clearStopRequest(ctx: ActionContext, pot: string): Promise<void> {
  await ctx.host.plan.afterChanges(() => realFiles(ctx).remove(stopRequestPath(ctx, pot)));
}

/** The pot's run status; '' when it has none, or one that cannot be read (destroy -F removes such pots too). */
export async function runState(ctx: ActionContext, pot: string): Promise<PotState | ''> {
  try {
    return (await statusStore(ctx).readStatus(pot))?.state ?? '';
  } catch (err) {
    if (err instanceof PotError && err.code === 'host-state') return '';
    throw err;
  }
}

/** Asks a start in progress to end; true when one was asked (the caller removes the request once it holds the lock). */
export async function requestStopOfStart(ctx: ActionContext, pot: string): Promise<boolean> {
  // a plan never asks a real start to end
  return ctx.host.plan.afterChanges(
    async () => {
      if ((await runState(ctx, pot)) !== 'starting') return false;
      info(ctx, `pot ${pot} is starting: its start is asked to end first`);
      await realFiles(ctx).write(stopRequestPath(ctx, pot), `${process.pid}\n`);
      return true;
    },
    () => false,
  );
}

/**
 * Under the run lock, a status `starting` belongs to a start that is gone (killed): the pot
 * counts as doa, with the interfaces the start recorded, so the stop undoes them.
 */
export async function deadStartIsDoa(ctx: ActionContext, pot: string): Promise<void> {
  const store = statusStore(ctx);
  await store.withPotLock(pot, async () => {
    const status = await store.readStatus(pot);
    if (status?.state !== 'starting') return;
    info(ctx, `the start of pot ${pot} is gone: the pot counts as doa`);
    await store.writeStatus(pot, { state: 'doa', interfaces: status.interfaces });
  });
}

/** The host-side interfaces a start has made so far, kept in its `starting` status for whoever undoes it. */
export async function recordStartingInterfaces(ctx: ActionContext, pot: string, interfaces: string): Promise<void> {
  const store = statusStore(ctx);
  await store.withPotLock(pot, async () => {
    if ((await store.readStatus(pot))?.state === 'starting') await store.writeStatus(pot, { state: 'starting', interfaces });
  });
}
