import { actions } from '@pot/core';
import { z } from 'zod';
import type { PotCommand } from './common.js';
import { collect, openCommand, potParser } from './common.js';
import { snapshotTarget } from './snapshot-target.js';

const help = `pot snapshot [-hvr] [--dry-run] -p potname|-f fscomp
  -h print this help
  -v verbose
  -r replace the oldest available snapshot with the new one
  -p potname : the pot target of the snapshot
  -f fscomp : the fs component target of the snapshot
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  r: z.boolean().optional(),
  p: z.array(z.string()).optional(),
  f: z.array(z.string()).optional(),
  dryRun: z.boolean().optional(),
});

export const snapshot: PotCommand = {
  name: 'snapshot',
  help,
  async run(args, ctx) {
    const cmd = potParser('snapshot')
      .option('-r', 'replace the oldest')
      .option('-p <potname>', 'pot', collect)
      .option('-f <fscomp>', 'fscomp', collect)
      .option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'snapshot', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    const target = snapshotTarget(o, help);
    await actions.takeSnapshot(actx, { target, replace: o.r ?? false });
    return 0;
  },
};
