import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot top [-h] -p pot
  -h print this help
  -p pot : the working pot
`;

const Options = z.object({ h: z.boolean().optional(), v: z.number(), p: z.string().optional() });

export const top: PotCommand = {
  name: 'top',
  help,
  async run(args, ctx) {
    const cmd = potParser('top').option('-p <pname>', 'pot name');
    const opened = await openCommand({ name: 'top', cmd, schema: Options, help, readOnly: true }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    return actions.monitorPot(actx, o.p);
  },
};
