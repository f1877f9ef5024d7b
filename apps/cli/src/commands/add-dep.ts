import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const help = `pot add-dep [-hv] [--dry-run] -p potname -P depPot
  -h print this help
  -v verbose
  -p potname : the working pot
  -P depPot : the pot to depend on. Will be started automatically
              before starting the working pot "potname".
  --dry-run print the new pot.conf instead of writing it
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  P: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const addDep: PotCommand = {
  name: 'add-dep',
  help,
  async run(args, ctx) {
    const cmd = potParser('add-dep').option('-p <pname>', 'pot name').option('-P <depPot>', 'dependency').option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'add-dep', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    if (o.P === undefined || o.P === '') throw new UsageError('A dependency pot is mandatory', help);
    const { p: pot, P: dependency } = o;
    await usageWithHelp(help, () => actions.addPotDependency(actx, { pot, dependency }));
    return 0;
  },
};
