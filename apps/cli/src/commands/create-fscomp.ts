import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot create-fscomp [-hv] [--dry-run] -f name
  -h print this help
  -v verbose
  -f name : the fs component name (mandatory)
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  f: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const createFscomp: PotCommand = {
  name: 'create-fscomp',
  help,
  async run(args, ctx) {
    const cmd = potParser('create-fscomp').option('-f <name>', 'fs component name').option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'create-fscomp', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.f === undefined || o.f === '') throw new UsageError('fs component name is missing', help);
    await actions.createFscomp(actx, { fscomp: o.f });
    return 0;
  },
};
