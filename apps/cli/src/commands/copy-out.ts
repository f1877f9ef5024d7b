import { actions } from '@pot/core';
import { z } from 'zod';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const help = `pot copy-out [-hvF] [--dry-run] -p pot -s source -d dest
  -h print this help
  -v verbose
  -F force copy operation for running jails
     (warning: can expose parts of the host file system)
  -p pot : the working pot
  -s source : the file or directory inside the pot
  -d dest : the location (directory) on the host to copy-out to
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  s: z.string().optional(),
  d: z.string().optional(),
  F: z.boolean().optional(),
  dryRun: z.boolean().optional(),
});

export const copyOut: PotCommand = {
  name: 'copy-out',
  help,
  async run(args, ctx) {
    const cmd = potParser('copy-out')
      .option('-p <pname>', 'pot name')
      .option('-s <source>', 'source')
      .option('-d <dest>', 'destination')
      .option('-F', 'force')
      .option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'copy-out', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    await usageWithHelp(help, () => actions.copyOut(actx, { pot: o.p ?? '', source: o.s ?? '', destination: o.d ?? '', force: o.F === true }));
    return 0;
  },
};
