import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { bridgeOf, potListEntry, printJson } from '../json-output/json-output.js';
import { ListOutput } from '../json-output/schemas.js';
import type { PotCommand } from './common.js';
import { actionContext, parseArgs, potParser, requireFsRoot } from './common.js';

const help = `pot list [-hpbfFa] [-qv] [--json]
  -h print this help
  -v verbose
  -q quiet
  -p list pots (default)
  -b list bases instead of pots
  -f list fs components instead of pots
  -F list available flavours
  -B list available bridges (network type)
  -a list everything (incompatible with -q)
  --json print the list as JSON (pots or -B)
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  q: z.boolean().optional(),
  p: z.boolean().optional(),
  b: z.boolean().optional(),
  f: z.boolean().optional(),
  F: z.boolean().optional(),
  B: z.boolean().optional(),
  a: z.boolean().optional(),
  json: z.boolean().optional(),
});

async function listPots(ctx: Parameters<PotCommand['run']>[1], actx: actions.ActionContext, o: z.infer<typeof Options>): Promise<number> {
  const pots = await actions.listPots(actx, { verbose: o.v > 0 && !o.q });
  if (o.json) printJson(ctx.io, ListOutput, { pots: pots.map(potListEntry) });
  else if (o.q) for (const p of pots) ctx.io.stdout(`${p.name}\n`);
  else if (pots.length === 0) ctx.io.stdout('No pot created yet...\n');
  else for (const p of pots) ctx.io.stdout(actions.formatPotSummary(p));
  return 0;
}

/** The --json member each listing fills. */
const JSON_MEMBER = { b: 'bases', f: 'fscomps', F: 'flavours' } as const;

type Listing = (actx: actions.ActionContext) => Promise<[label: string, names: string[]]>;

const LISTINGS: Record<'b' | 'f' | 'F' | 'B', Listing> = {
  b: async (a) => ['bases', await actions.listBases(a)],
  f: async (a) => ['fscomp', await actions.listFscomps(a)],
  F: async (a) => ['flavour', await actions.listFlavours(a)],
  B: async (a) => ['bridge', (await actions.listBridges(a)).map((b) => b.name)],
};

/** -a: bases, pots, fscomps, flavours, bridges, in shell pot's order. */
async function listAll(ctx: Parameters<PotCommand['run']>[1], actx: actions.ActionContext, json: boolean): Promise<number> {
  const pots = await actions.listPots(actx);
  const lists = Object.fromEntries(await Promise.all((['b', 'f', 'F', 'B'] as const).map(async (k) => [k, (await LISTINGS[k](actx))[1]] as const)));
  if (json) {
    const bridges = (await actions.listBridges(actx)).map(bridgeOf);
    printJson(ctx.io, ListOutput, { bases: lists.b ?? [], pots: pots.map(potListEntry), fscomps: lists.f ?? [], flavours: lists.F ?? [], bridges });
    return 0;
  }
  for (const b of lists.b ?? []) ctx.io.stdout(`bases: ${b}\n`);
  if (pots.length === 0) ctx.io.stdout('No pot created yet...\n');
  for (const p of pots) ctx.io.stdout(actions.formatPotSummary(p));
  for (const [k, label] of [['f', 'fscomp'], ['F', 'flavour'], ['B', 'bridge']] as const) for (const n of lists[k] ?? []) ctx.io.stdout(`${label}: ${n}\n`);
  return 0;
}

export const list: PotCommand = {
  name: 'list',
  help,
  async run(args, ctx) {
    const cmd = potParser('list')
      .option('-q', 'quiet')
      .option('-p', 'pots')
      .option('-b', 'bases')
      .option('-f', 'fscomps')
      .option('-F', 'flavours')
      .option('-B', 'bridges')
      .option('-a', 'all')
      .option('--json', 'JSON output');
    const o = Options.parse(parseArgs(cmd, args, help));
    ctx.mode.json = o.json ?? false;
    if (o.h) {
      ctx.io.stdout(help);
      return 0;
    }
    const kinds = (['p', 'b', 'f', 'F', 'B', 'a'] as const).filter((k) => o[k]);
    if (kinds.length > 1) throw new UsageError('Options -b -p -f -F -B -a are mutually exclusive', help);
    if (o.a && o.q) throw new UsageError('Options -a and -q are incompatible', help);
    const actx = actionContext(ctx, { verbose: o.v });
    requireFsRoot(actx.settings);
    if (kinds.length === 0 || o.p) return listPots(ctx, actx, o);
    if (o.a) return listAll(ctx, actx, o.json ?? false);
    const [label, names] = await LISTINGS[kinds[0] as 'b' | 'f' | 'F' | 'B'](actx);
    if (o.json) printJson(ctx.io, ListOutput, o.B ? { bridges: (await actions.listBridges(actx)).map(bridgeOf) } : { [JSON_MEMBER[kinds[0] as 'b' | 'f' | 'F']]: names });
    else for (const n of names) ctx.io.stdout(o.q ? `${n}\n` : `${label}: ${n}\n`);
    return 0;
  },
};
