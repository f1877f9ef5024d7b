import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot update-config [-h] -p pot|-a
  -h print this help
  -v verbose
  -p pot : the working pot
  -a : apply to all pots
`;

const Options = z.object({ h: z.boolean().optional(), v: z.number(), p: z.string().optional(), a: z.boolean().optional() });

export const updateConfig: PotCommand = {
  name: 'update-config',
  help,
  async run(args, ctx) {
    const cmd = potParser('update-config').option('-p <pname>', 'pot').option('-a', 'all pots');
    const opened = await openCommand({ name: 'update-config', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.p !== undefined && o.a) throw new UsageError('-p and -a are mutually exclusive', help);
    if (o.p === undefined && !o.a) throw new UsageError('One of -p or -a is mandatory', help);
    await actions.updateConfig(actx, o.p !== undefined ? { pot: o.p } : { all: true });
    return 0;
  },
};
