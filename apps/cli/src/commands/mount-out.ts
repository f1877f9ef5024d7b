import { actions } from '@pot/core';
import { z } from 'zod';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const help = `pot mount-out [-hv] [--dry-run] -p pot -m mnt
  -h print this help
  -v verbose
  -p pot : the working pot
  -m mnt : the mount point inside the pot
  --dry-run print the new fscomp.conf and the host commands instead of changing anything
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  m: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const mountOut: PotCommand = {
  name: 'mount-out',
  help,
  async run(args, ctx) {
    const cmd = potParser('mount-out').option('-p <pname>', 'pot name').option('-m <mnt>', 'mount point').option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'mount-out', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    await usageWithHelp(help, () => actions.mountOut(actx, { pot: o.p ?? '', mountpoint: o.m ?? '' }));
    return 0;
  },
};
