import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { actionContext, notImplemented, parseArgs, potParser, requireFsRoot } from './common.js';

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
  if (o.json) ctx.io.stdout(`${JSON.stringify(pots)}\n`);
  else if (o.q) for (const p of pots) ctx.io.stdout(`${p.name}\n`);
  else if (pots.length === 0) ctx.io.stdout('No pot created yet...\n');
  else for (const p of pots) ctx.io.stdout(actions.formatPotSummary(p));
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
    if (!o.B) throw notImplemented(`pot list -${kinds[0]}`);
    const bridges = await actions.listBridges(actx);
    if (o.json) ctx.io.stdout(`${JSON.stringify(bridges)}\n`);
    else for (const b of bridges) ctx.io.stdout(o.q ? `${b.name}\n` : `bridge: ${b.name}\n`);
    return 0;
  },
};
