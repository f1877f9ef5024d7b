import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const help = `pot set-rss [-hv] [--dry-run] -p pot [-C cpus] [-M memory]
  -h print this help
  -v verbose
  -p pot : the working pot
  -C cpus : the max amount of CPUs
  -M memory : max memory usable (integer values)
  --dry-run print the new pot.conf (and the limits of a running pot) instead of changing them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  C: z.string().optional(),
  M: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const setRss: PotCommand = {
  name: 'set-rss',
  help,
  async run(args, ctx) {
    const cmd = potParser('set-rss').option('-p <pname>', 'pot name').option('-C <cpus>', 'CPUs').option('-M <memory>', 'memory').option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'set-rss', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    // shell pot checks -M while parsing, before the other options
    const memory = o.M;
    if (memory !== undefined) await usageWithHelp(help, async () => actions.memoryConstraint(memory));
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    const pot = o.p;
    await usageWithHelp(help, () => actions.setPotRss(actx, { pot, cpus: o.C, memory }));
    return 0;
  },
};
