/**
 * `pot set-rss -p POT [-C CPUS] [-M MEMORY]` (shell pot 0.16.0): the resource
 * limits of a pot, `pot.rss.cpus` (start pins the jail to that many CPUs) and
 * `pot.rss.memory` (start denies it more memory). A running pot gets the new
 * limits at once (shell pot left them for the next start); when the host
 * refuses them, they apply at the next start.
 */
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { info, requireRoot, warn } from '../context/context.js';
import { editPotConf } from './pot-conf-edit.js';
import { existingPot } from '../context/pot-lookup.js';

/** A `-M` value, checked as shell pot checks it while parsing: digits with an optional unit (b, k, m, g), more than zero. */
export function memoryConstraint(text: string): string {
  if (!/^[0-9]+[bBkKmMgG]?$/.test(text)) {
    throw new PotError('usage', `${text} is not a valid memory constraint`, {
      suggestion: 'give a number of bytes with an optional unit b, k, m or g, e.g. 512M',
    });
  }
  if (/^0+$/.test(text.replace(/[bBkKmMgG]$/, ''))) {
    throw new PotError('usage', 'Memory constraint has to be greater than zero', { suggestion: 'give a memory limit above zero, e.g. 512M' });
  }
  return text;
}

/** A `-C` value: a natural number above zero (written as given). */
export function cpuCount(text: string): string {
  if (!/^[0-9]+$/.test(text) || /^0+$/.test(text)) {
    throw new PotError('usage', `${text} is a not valid amount of CPUs!`, { suggestion: 'give the number of CPUs as a whole number, at least 1' });
  }
  return text;
}

export interface SetPotRssOptions {
  pot: string;
  /** `-C`: how many CPUs. */
  cpus?: string | undefined;
  /** `-M`: the memory limit (`512M`). */
  memory?: string | undefined;
}

/** The limits on the running jail, as start applies them. */
async function applyNow(ctx: ActionContext, pot: string, cpus: string | undefined, memory: string | undefined): Promise<void> {
  info(ctx, `The pot ${pot} is running: the new limits apply now`);
  if (cpus !== undefined) {
    const jid = await ctx.host.jails.jid(pot);
    if (jid !== undefined) await ctx.host.limits.pinCpus(jid, Number(cpus));
  }
  if (memory === undefined) return;
  if (await ctx.host.limits.available()) await ctx.host.limits.limit(pot, 'memoryuse', memory);
  else info(ctx, 'memory constraint cannot be applied now because rctl is not enabled - it is kept for the next start');
}

/** Replaces the `pot.rss.cpus=`/`pot.rss.memory=` lines (written last, as shell pot did); answers the new configuration. */
export async function setPotRss(ctx: ActionContext, options: SetPotRssOptions): Promise<PotConf> {
  const { pot } = options;
  const memory = options.memory === undefined ? undefined : memoryConstraint(options.memory);
  validatePotName(pot, { purpose: 'existing' });
  await existingPot(ctx, pot);
  if (options.cpus === undefined && memory === undefined) {
    throw new PotError('usage', 'One resource has to be specified (-C or -M)', { suggestion: 'give -C CPUS, -M MEMORY or both' });
  }
  await requireRoot(ctx);
  const cpus = options.cpus === undefined ? undefined : cpuCount(options.cpus);
  const conf = await editPotConf(ctx, pot, (c) => {
    if (cpus !== undefined) c.set('pot.rss.cpus', cpus, { position: 'end' });
    if (memory !== undefined) c.set('pot.rss.memory', memory, { position: 'end' });
  });
  if (await ctx.host.jails.isRunning(pot)) {
    try {
      await applyNow(ctx, pot, cpus, memory);
    } catch (error) {
      // pot.conf holds the limits: a host that refuses them now only delays them
      if (!(error instanceof PotError) || error.code !== 'host-command') throw error;
      warn(ctx, error.message);
      info(ctx, `The new limits of ${pot} apply at its next start`);
    }
  }
  return conf;
}
