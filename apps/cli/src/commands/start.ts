import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot start [-h] [--dry-run] -p potname [pname]
  -h print this help
  -v verbose
  -s take a snapshot before starting the pot
     snapshots are identified by the epoch
     all ZFS datasets under the jail dataset are considered
  -S take a snapshot before starting the pot [DEPRECATED]
     snapshots are identified by the epoch
     all ZFS datasets mounted in rw are considered (full)
  -p potname : the pot to be started
  --dry-run print the host commands instead of running them

  pname : the pot to be started if "-p potname" not given
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  s: z.boolean().optional(),
  S: z.boolean().optional(),
  p: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const start: PotCommand = {
  name: 'start',
  help,
  async run(args, ctx) {
    const cmd = potParser('start').option('-s', 'snapshot').option('-S', 'full snapshot').option('-p <potname>', 'pot').option('--dry-run', 'print only').argument('[pname]').passThroughOptions();
    const opened = await openCommand({ name: 'start', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    const pot = o.p ?? cmd.args[0];
    if (pot === undefined || pot === '') throw new UsageError('A pot name is mandatory', help);
    const snapshot = o.S ? 'full' : o.s ? 'normal' : undefined;
    return actions.startPot(actx, { pot, ...(snapshot === undefined ? {} : { snapshot }) });
  },
};
