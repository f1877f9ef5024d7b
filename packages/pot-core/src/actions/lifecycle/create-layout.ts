/**
 * Which base, pot base and level a new pot gets (`create -t -b -P -l`),
 * with shell pot's messages, in its order of checks.
 */
import { notFound } from '../../errors/not-found.js';
import { PotError } from '../../errors/pot-error.js';
import type { PotLevel, PotType } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { supportedReleasesHint } from '../../releases/index.js';
import { supportedReleases } from '../bases/base-releases.js';
import { existingPot, isBase } from '../context/pot-lookup.js';

export interface LayoutRequest {
  type: PotType;
  /** -l as given (undefined: 1 for multi, 0 for single). */
  level?: string;
  base?: string;
  potbase?: string;
}

export interface Layout {
  type: PotType;
  level: PotLevel;
  base: string;
  potbase: string;
  /** The pot base's level and pot base (fscomp.conf of level 2 pots). */
  potbaseLevel?: number;
  potbasePotbase?: string;
}

const usage = (message: string, suggestion?: string): PotError => new PotError('usage', message, suggestion === undefined ? {} : { suggestion });

async function requireBase(ctx: ActionContext, base: string, role?: string): Promise<void> {
  if (!(await isBase(ctx, base))) throw notFound('base', base, role === undefined ? {} : { role });
}

async function singleLayout(ctx: ActionContext, r: LayoutRequest): Promise<Layout> {
  if (r.level !== undefined && r.level !== '0') throw usage('single pot level can only be zero (omit -l option)');
  if (r.potbase === undefined) {
    if (r.base === undefined) throw usage('at least one of -b and -P has to be used');
    const releases = await supportedReleases(ctx);
    if (!releases.some((rel) => rel.release === r.base)) {
      throw usage(`${r.base} is not a valid release`, `a single pot without -P is made from a FreeBSD release; ${supportedReleasesHint(releases)}`);
    }
    return { type: 'single', level: 0, base: r.base, potbase: '' };
  }
  const conf = await existingPot(ctx, r.potbase);
  if (conf.type !== 'single') throw usage(`pot ${r.potbase} has the wrong type, it has to be of type single`);
  const base = conf.get('pot.base') ?? '';
  if (r.base !== undefined && r.base !== base) throw usage(`-b ${r.base} and -P ${r.potbase} are not compatible`);
  return { type: 'single', level: 0, base, potbase: r.potbase };
}

async function levelOne(ctx: ActionContext, r: LayoutRequest): Promise<Layout> {
  if (r.base === undefined && r.potbase === undefined) throw usage('at least one of -b and -P has to be used');
  let base = r.base;
  if (r.potbase !== undefined) {
    const conf = await existingPot(ctx, r.potbase, '-P pot');
    const pbBase = conf.get('pot.base') ?? '';
    if (base !== undefined && pbBase !== base) throw usage(`-b ${base} and -P ${r.potbase} are not compatible`);
    if (conf.level !== 1) throw usage(`-P ${r.potbase} : it has to be of level 1`);
    base ??= pbBase;
  }
  await requireBase(ctx, base as string);
  return { type: 'multi', level: 1, base: base as string, potbase: r.potbase ?? '' };
}

async function levelTwo(ctx: ActionContext, r: LayoutRequest): Promise<Layout> {
  if (r.potbase === undefined) throw usage('level 2 pots need another pot as reference', 'give the pot to build on with -P');
  const conf = await existingPot(ctx, r.potbase, '-P pot');
  const pbLevel = conf.level ?? 0;
  if (pbLevel < 1) throw usage(`-P ${r.potbase} : it has to be at least of level 1`);
  const pbBase = conf.get('pot.base') ?? '';
  if (r.base !== undefined) {
    await requireBase(ctx, r.base);
    if (pbBase !== r.base) throw usage(`-b ${r.base} and -P ${r.potbase} are not compatible`);
  } else {
    await requireBase(ctx, pbBase, `pot ${r.potbase}'s base`);
  }
  return { type: 'multi', level: 2, base: pbBase, potbase: r.potbase, potbaseLevel: pbLevel, potbasePotbase: conf.get('pot.potbase') ?? '' };
}

/** Resolves the layout of a new pot, or throws shell pot's error for the combination. */
export async function decideLayout(ctx: ActionContext, r: LayoutRequest): Promise<Layout> {
  if (r.type === 'single') return singleLayout(ctx, r);
  switch (r.level ?? '1') {
    case '0':
      if (r.base === undefined) throw usage('level 0 needs option -b');
      if (r.potbase !== undefined) throw usage('-P option is not allowed with level 0');
      await requireBase(ctx, r.base);
      return { type: 'multi', level: 0, base: r.base, potbase: '' };
    case '1':
      return levelOne(ctx, r);
    case '2':
      return levelTwo(ctx, r);
    default:
      throw usage(`level ${r.level} is not supported`, 'levels are 0, 1 and 2');
  }
}
