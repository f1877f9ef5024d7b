import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot last-run-stats [-hv] -p pname
  -h print this help
  -v verbose
  -p pname : pot name
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
});

export const lastRunStats: PotCommand = {
  name: 'last-run-stats',
  help,
  async run(args, ctx) {
    const cmd = potParser('last-run-stats').option('-p <pname>', 'pot name');
    const opened = await openCommand({ name: 'last-run-stats', cmd, schema: Options, help, readOnly: true }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    ctx.io.stdout(await actions.lastRunStats(actx, o.p));
    return 0;
  },
};
