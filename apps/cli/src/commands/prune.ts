import { actions } from '@pot/core';
import { z } from 'zod';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot prune [-hvqgn]
  -h print this help
  -v verbose
  -q quiet
  -g grace period: spare pots whose last run ended less than a minute ago
  -n dry run: only say which pots would be pruned
`;

const Options = z.object({ h: z.boolean().optional(), v: z.number(), q: z.boolean().optional(), g: z.boolean().optional(), n: z.boolean().optional() });

export const prune: PotCommand = {
  name: 'prune',
  help,
  async run(args, ctx) {
    const cmd = potParser('prune').option('-q', 'quiet').option('-g', 'grace period').option('-n', 'dry run');
    const opened = await openCommand({ name: 'prune', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    ctx.mode.quiet = o.q ?? false;
    await actions.prunePots(o.q ? { ...actx, verbosity: 0 } : actx, { dryRun: o.n ?? false, gracePeriod: o.g ?? false });
    return 0;
  },
};
