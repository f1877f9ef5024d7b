import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const help = `pot set-cmd [-hv] [--dry-run] -p pot -c cmd
  -h print this help
  -v verbose
  -p pot : the working pot
  -c cmd : the command line to start the container
  --dry-run print the new pot.conf instead of writing it
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  c: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const setCmd: PotCommand = {
  name: 'set-cmd',
  help,
  async run(args, ctx) {
    const cmd = potParser('set-cmd').option('-p <pname>', 'pot name').option('-c <cmd>', 'command line').option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'set-cmd', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    if (o.c === undefined || o.c === '') throw new UsageError('A command is mandatory', help);
    const { p: pot, c: command } = o;
    await usageWithHelp(help, () => actions.setPotCmd(actx, { pot, cmd: command }));
    return 0;
  },
};
