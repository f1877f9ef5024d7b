import { actions } from '@pot/core';
import { z } from 'zod';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const help = `pot copy-in [-hvFc] [--dry-run] -p pot -s source -d dest
  -h print this help
  -v verbose
  -F force copy operation for running jails
     (WARNING: can expose parts of the host file system)
  -p pot : the working pot
  -s source : the file or directory to be copied in
  -d dest : the final location inside the pot
  -c create any missing path components to \`dirname destination\`
     inside the pot
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  s: z.string().optional(),
  d: z.string().optional(),
  F: z.boolean().optional(),
  c: z.boolean().optional(),
  dryRun: z.boolean().optional(),
});

export const copyIn: PotCommand = {
  name: 'copy-in',
  help,
  async run(args, ctx) {
    const cmd = potParser('copy-in')
      .option('-p <pname>', 'pot name')
      .option('-s <source>', 'source')
      .option('-d <dest>', 'destination')
      .option('-F', 'force')
      .option('-c', 'create directories')
      .option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'copy-in', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    await usageWithHelp(help, () =>
      actions.copyIn(actx, { pot: o.p ?? '', source: o.s ?? '', destination: o.d ?? '', force: o.F === true, createDirs: o.c === true }),
    );
    return 0;
  },
};
