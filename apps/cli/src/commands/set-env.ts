import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { collect, openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const help = `pot set-env [-hv] [--dry-run] -p pot -E env
  -h print this help
  -v verbose
  -p pot : the working pot
  -E var=value : the variable and the value to be added
     this option can be repeated more than once
  --dry-run print the new pot.conf instead of writing it
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  E: z.array(z.string()).optional(),
  dryRun: z.boolean().optional(),
});

export const setEnv: PotCommand = {
  name: 'set-env',
  help,
  async run(args, ctx) {
    const cmd = potParser('set-env').option('-p <pname>', 'pot name').option('-E <var=value>', 'environment variable', collect).option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'set-env', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    const env = o.E ?? [];
    // shell pot checks each -E while parsing, before the other options
    await usageWithHelp(help, async () => env.forEach((e) => actions.envAssignment(e)));
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    if (env.length === 0) throw new UsageError('Option -E is mandatory', help, 'give at least one -E VARIABLE=value');
    const pot = o.p;
    await usageWithHelp(help, () => actions.setPotEnv(actx, { pot, env }));
    return 0;
  },
};
