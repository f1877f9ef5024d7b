import { actions } from '@pot/core';
import { z } from 'zod';
import type { PotCommand } from './common.js';
import { actionContext, parseArgs, potParser, requireFsRoot } from './common.js';

const help = `pot vnet-start [-hv] [--dry-run] [-B bridge-name]
  -h print this help
  -v verbose
  -B bridge-name (optional)
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  B: z.string().min(1).optional(),
  dryRun: z.boolean().optional(),
});

export const vnetStart: PotCommand = {
  name: 'vnet-start',
  help,
  async run(args, ctx) {
    const cmd = potParser('vnet-start').option('-B <bridge>', 'private bridge').option('--dry-run', 'print only');
    const o = Options.parse(parseArgs(cmd, args, help));
    if (o.h) {
      ctx.io.stdout(help);
      return 0;
    }
    const actx = actionContext(ctx, { verbose: o.v, dryRun: o.dryRun ?? false, warnConfig: false });
    requireFsRoot(actx.settings);
    await actions.vnetStart(actx, { bridge: o.B, argv: args });
    return 0;
  },
};
