import { actions } from '@pot/core';
import { z } from 'zod';
import type { PotCommand } from './common.js';
import { collect, openCommand, potParser } from './common.js';
import { snapshotTarget } from './snapshot-target.js';

const help = `pot revert [-hv] [--dry-run] -p potname|-f fscomp
  -h print this help
  -v verbose
  -p potname : the pot target of the revert
  -f fscomp : the fs component target of the revert
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.array(z.string()).optional(),
  f: z.array(z.string()).optional(),
  dryRun: z.boolean().optional(),
});

export const revert: PotCommand = {
  name: 'revert',
  help,
  async run(args, ctx) {
    const cmd = potParser('revert').option('-p <potname>', 'pot', collect).option('-f <fscomp>', 'fscomp', collect).option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'revert', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    await actions.revertSnapshot(actx, { target: snapshotTarget(o, help) });
    return 0;
  },
};
