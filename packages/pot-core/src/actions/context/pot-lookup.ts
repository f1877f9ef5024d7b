/**
 * Whether a name is a pot or a base, as shell pot's `_is_pot`/`_is_base`
 * decide it: the directory, the dataset and the configuration
 * files must all be there; a pot with only some of them is "corrupted".
 */
import path from 'node:path';
import { notFound } from '../../errors/not-found.js';
import { PotError } from '../../errors/pot-error.js';
import { isValidName, validatePotName } from '../../names/index.js';
import { PotStore, type PotConf } from '../../store/index.js';
import type { ActionContext } from './context.js';
import { realFiles, warn } from './context.js';

export type PotPresence = 'absent' | 'corrupted' | 'present';

export function potStore(ctx: ActionContext): PotStore {
  return new PotStore({ fsRoot: ctx.settings.fsRoot, tmp: ctx.settings.tmp, files: ctx.host.files.store });
}

export const potDataset = (ctx: ActionContext, pot: string): string => `${ctx.settings.zfsRoot}/jails/${pot}`;
export const potPath = (ctx: ActionContext, pot: string): string => path.join(ctx.settings.fsRoot, 'jails', pot);

/** `_is_pot`: present when directory, dataset, `m/`, pot.conf (and fscomp.conf for multi pots) all exist. */
export async function potPresence(ctx: ActionContext, pot: string): Promise<PotPresence> {
  // a name no pot can have is refused before it becomes a path or a dataset to look at
  validatePotName(pot, { purpose: 'existing' });
  const files = realFiles(ctx);
  const dir = potPath(ctx, pot);
  const hasDir = await files.isDirectory(dir);
  const hasDataset = await ctx.host.zfs.exists(potDataset(ctx, pot));
  if (!hasDir && !hasDataset) return 'absent';
  if (!hasDir || !hasDataset || !(await files.isDirectory(path.join(dir, 'm')))) return 'corrupted';
  const conf = await potStore(ctx).readPotConf(pot);
  if (conf === undefined) return 'corrupted';
  if (conf.type === 'multi' && !(await files.exists(path.join(dir, 'conf', 'fscomp.conf')))) return 'corrupted';
  return 'present';
}

/**
 * The configuration of an existing pot. An absent pot is `not-found` (`role`
 * names it when it is not the command's main pot: 'dependency pot'); a pot with
 * only some of its parts is `host-state`, with the command that removes it.
 */
export async function existingPot(ctx: ActionContext, pot: string, role?: string): Promise<PotConf> {
  const presence = await potPresence(ctx, pot);
  if (presence === 'absent') throw notFound('pot', pot, role === undefined ? {} : { role });
  if (presence === 'corrupted') throw incompletePot(pot);
  return (await potStore(ctx).readPotConf(pot)) as PotConf;
}

/** A pot whose directory, dataset or configuration is missing. */
export function incompletePot(pot: string): PotError {
  return new PotError('host-state', `pot ${pot} is incomplete: its directory, dataset or configuration is missing`, {
    suggestion: `'pot destroy -F -p ${pot}' removes what is left of it`,
  });
}

/** `_is_base`: the directory FS/bases/B and the dataset ZR/bases/B exist. */
export async function isBase(ctx: ActionContext, base: string): Promise<boolean> {
  if (!isValidName('base', base, { purpose: 'existing' })) return false;
  return (
    (await ctx.host.zfs.exists(`${ctx.settings.zfsRoot}/bases/${base}`)) && (await realFiles(ctx).isDirectory(path.join(ctx.settings.fsRoot, 'bases', base)))
  );
}

/** The pots among `names` whose jail runs, from one listing of the jails (none asked for without names). */
export async function runningPots(ctx: ActionContext, names: readonly string[]): Promise<string[]> {
  if (names.length === 0) return [];
  const jails = await ctx.host.jails.running();
  return names.filter((name) => jails.has(name));
}

/**
 * Every pot's name and configuration (undefined when it has none), in name
 * order. A pot whose files cannot be read (or whose directory has a name no
 * pot can have) is reported in one line naming it and the file, and left
 * out: one broken pot never stops a command that walks them all.
 */
export async function readablePots(ctx: ActionContext): Promise<Array<{ pot: string; conf: PotConf | undefined }>> {
  const store = potStore(ctx);
  const out: Array<{ pot: string; conf: PotConf | undefined }> = [];
  for (const pot of await store.listPots()) {
    const conf = await forPot(ctx, () => store.readPotConf(pot));
    if (conf !== SKIPPED) out.push({ pot, conf });
  }
  return out;
}

/** What forPot answers when it reported the pot's failure. */
export const SKIPPED: unique symbol = Symbol('skipped');

/** Runs one pot's part of a walk over all pots; a PotError (a broken file, a bad name) is reported and answered as SKIPPED. */
export async function forPot<T>(ctx: ActionContext, step: () => Promise<T>): Promise<T | typeof SKIPPED> {
  try {
    return await step();
  } catch (err) {
    if (!(err instanceof PotError) || err.code === 'interrupted') throw err;
    warn(ctx, `${err.message}${err.suggestion === undefined ? '' : `; ${err.suggestion}`}`);
    return SKIPPED;
  }
}
