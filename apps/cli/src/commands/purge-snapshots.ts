import { actions } from '@pot/core';
import { z } from 'zod';
import type { PotCommand } from './common.js';
import { collect, openCommand, potParser } from './common.js';
import { snapshotTarget } from './snapshot-target.js';

const help = `pot purge-snapshots [-hva] [--dry-run] -p potname|-f fscomp
  -h print this help
  -v verbose
  -p potname : the pot target of the purge-snapshots
  -f fscomp : the fs component target of the purge-snapshots
  -a remove all snapshot, including the latest one
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  a: z.boolean().optional(),
  p: z.array(z.string()).optional(),
  f: z.array(z.string()).optional(),
  dryRun: z.boolean().optional(),
});

export const purgeSnapshots: PotCommand = {
  name: 'purge-snapshots',
  help,
  async run(args, ctx) {
    const cmd = potParser('purge-snapshots')
      .option('-a', 'all')
      .option('-p <potname>', 'pot', collect)
      .option('-f <fscomp>', 'fscomp', collect)
      .option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'purge-snapshots', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    await actions.purgeSnapshots(actx, { target: snapshotTarget(o, help), all: o.a ?? false });
    return 0;
  },
};
