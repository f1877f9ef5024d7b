import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot stop [-hv] [--dry-run] [-p] potname
  -h print this help
  -v verbose
  -p potname : the pot to be stopped
  --dry-run print the host commands instead of running them
  potname : the pot to be stopped if "-p potname" not given
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  i: z.string().optional(),
  s: z.boolean().optional(),
  dryRun: z.boolean().optional(),
});

export const stop: PotCommand = {
  name: 'stop',
  help,
  async run(args, ctx) {
    // -i and -s are shell pot's internal flags (start's cleanup); kept for scripts that call them.
    const cmd = potParser('stop').option('-p <potname>', 'pot').option('-i <ifaces>', 'interfaces').option('-s', 'from start').option('--dry-run', 'print only').argument('[pname]').passThroughOptions();
    const opened = await openCommand({ name: 'stop', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    const pot = o.p ?? cmd.args[0];
    if (pot === undefined || pot === '') throw new UsageError('A pot name is mandatory', help);
    await actions.stopPot(actx, { pot, fromStart: o.s ?? false, ...(o.i === undefined ? {} : { interfaces: o.i }) });
    return 0;
  },
};
