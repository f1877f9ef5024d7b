import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot clone-fscomp [-hv] [--dry-run] -f fscomp -F fscomp
  -h print this help
  -v verbose
  -F fscomp : the fscomp to be cloned (mandatory)
  -f fscomp : the fscomp name (mandatory)
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  f: z.string().optional(),
  F: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const cloneFscomp: PotCommand = {
  name: 'clone-fscomp',
  help,
  async run(args, ctx) {
    const cmd = potParser('clone-fscomp').option('-f <fscomp>', 'new fscomp').option('-F <fscomp>', 'fscomp cloned').option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'clone-fscomp', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.f === undefined || o.f === '') throw new UsageError('fscomp name is missing (option -f)', help);
    if (o.F === undefined || o.F === '') throw new UsageError('clonable fscomp name is missing (option -F)', help);
    await actions.cloneFscomp(actx, { fscomp: o.f, source: o.F });
    return 0;
  },
};
