/**
 * `pot destroy -b BASE [-F] [-r]`: a base's datasets and
 * directory, with its level-0 pot `base-<BASE>`. The other pots built on the
 * base stop it, or with -r go first, level 2, then 1, then 0, so that no pot
 * outlives the one it stands on.
 */
import { notFound } from '../../errors/not-found.js';
import { PotError } from '../../errors/pot-error.js';
import { validateBaseName } from '../../names/index.js';
import { basePotName } from '../../releases/index.js';
import { baseDataset, basePath } from '../bases/base-tree.js';
import type { ActionContext } from '../context/context.js';
import { readablePots } from '../context/pot-lookup.js';
import { debug, info, realFiles, requireRoot } from '../context/context.js';
import { destroyPotDatasets } from './destroy-pot.js';

export interface DestroyBaseOptions {
  base: string;
  /** -F: stop running pots instead of refusing. */
  force?: boolean;
  /** -r: destroy every pot built on the base first. */
  recursive?: boolean;
}

/** The pots whose pot.base is `base`, with their level, in name order. */
async function potsOn(ctx: ActionContext, base: string): Promise<Array<{ pot: string; level: number | undefined }>> {
  const out: Array<{ pot: string; level: number | undefined }> = [];
  for (const { pot, conf } of await readablePots(ctx)) if (conf?.get('pot.base') === base) out.push({ pot, level: conf.level });
  return out;
}

/** Level 2 (or unknown) first, then 1, then 0. */
const firstGoes = (level: number | undefined): number => (level === 0 ? 2 : level === 1 ? 1 : 0);

export async function destroyBase(ctx: ActionContext, options: DestroyBaseOptions): Promise<void> {
  const { base } = options;
  validateBaseName(base, { purpose: 'existing' });
  await requireRoot(ctx);
  const dataset = baseDataset(ctx, base);
  if (!(await ctx.host.zfs.exists(dataset))) throw notFound('base', base);
  const levelZero = basePotName(base);
  const others = (await potsOn(ctx, base)).filter((u) => u.pot !== levelZero);
  if (others.length > 0 && !options.recursive) {
    const names = others.map((u) => u.pot).join(', ');
    throw new PotError('conflict', `base ${base} is used by ${others.length === 1 ? 'the pot' : 'the pots'} ${names}`, {
      suggestion: 'destroy them first, or use -r to destroy them with the base',
    });
  }
  if (!options.force) {
    // Refused before anything is destroyed (shell pot stopped half-way, at the first running pot).
    for (const pot of [...others.map((u) => u.pot), levelZero]) {
      if (await ctx.host.jails.isRunning(pot)) {
        throw new PotError('busy', `pot ${pot} is running`, { suggestion: `stop it first ('pot stop ${pot}'), or use -F to stop and destroy it` });
      }
    }
  }
  for (const { pot } of others.sort((a, b) => firstGoes(a.level) - firstGoes(b.level))) {
    info(ctx, `Destroying recursively pot ${pot} based on ${base}`);
    await destroyPotDatasets(ctx, pot, options.force ?? false);
  }
  if (await ctx.host.zfs.exists(`${ctx.settings.zfsRoot}/jails/${levelZero}`)) await destroyPotDatasets(ctx, levelZero, options.force ?? false);
  else debug(ctx, `${base} has no level 0 pot ${levelZero}`);
  info(ctx, `Destroying base ${base}`);
  await ctx.host.zfs.destroy(dataset, { force: true, recursive: true });
  if (await realFiles(ctx).isDirectory(basePath(ctx, base))) {
    debug(ctx, `Removing leftover mountpoint ${basePath(ctx, base)}`);
    await realFiles(ctx).remove(basePath(ctx, base));
  }
}
