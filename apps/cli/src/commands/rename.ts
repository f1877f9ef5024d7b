import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot rename [-hv] [--dry-run] -p oldname -n newname
  -h print this help
  -v verbose
  -p oldname : the name of an existing pot to rename
  -n newname : the new name for an existing pot
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  n: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const rename: PotCommand = {
  name: 'rename',
  help,
  async run(args, ctx) {
    const cmd = potParser('rename').option('-p <oldname>', 'pot').option('-n <newname>', 'new name').option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'rename', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.p === undefined || o.p === '') throw new UsageError('pot name is missing (-p)', help);
    if (o.n === undefined || o.n === '') throw new UsageError('new name is missing (-n)', help);
    await actions.renamePot(actx, { pot: o.p, newName: o.n });
    return 0;
  },
};
