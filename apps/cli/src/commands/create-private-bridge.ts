import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { actionContext, parseArgs, potParser, requireFsRoot } from './common.js';

const help = `pot create-private-bridge [-hv] [--dry-run] [-B name] [-S size]
  -h print this help
  -v verbose
  -B bridge name
  -S bridge size (number of host expected)
  --dry-run print what would be done instead of doing it
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  B: z.string().optional(),
  S: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const createPrivateBridge: PotCommand = {
  name: 'create-private-bridge',
  help,
  async run(args, ctx) {
    const cmd = potParser('create-private-bridge')
      .option('-B <name>', 'bridge name')
      .option('-S <size>', 'bridge size')
      .option('--dry-run', 'print only');
    const o = Options.parse(parseArgs(cmd, args, help));
    if (o.h) {
      ctx.io.stdout(help);
      return 0;
    }
    if (o.B === undefined || o.B === '') throw new UsageError('A bridge name is mandatory (-B option)', help);
    if (o.S === undefined || o.S === '') throw new UsageError('The amount of host is mandatory (-S option)', help);
    if (!/^\d+$/.test(o.S)) throw new UsageError(`${o.S} is not a valid size: -S takes a number of hosts`, help);
    const actx = actionContext(ctx, { verbose: o.v, dryRun: o.dryRun ?? false, warnConfig: false });
    requireFsRoot(actx.settings);
    const bridge = await actions.createPrivateBridge(actx, { name: o.B, size: Number(o.S), argv: args });
    if (o.dryRun) ctx.io.stdout(`net=${bridge.net}\ngateway=${bridge.gateway}\nname=${bridge.name}\n`);
    return 0;
  },
};
