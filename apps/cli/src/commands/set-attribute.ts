import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const attributeLines = [...actions.SETTABLE_ATTRIBUTES].sort().map((a) => `     + ${a}\n`).join('');

const help = `pot set-attribute [-hv] [--dry-run] -p pot -A attr -V value
  -h print this help
  -v verbose
  -p pot : the working pot
  -A attribute : one of
${attributeLines}  -V value : the new value for "attribute"
     booleans take YES or NO (yes/no, true/false, on/off are accepted too)
     sysvshm, sysvsem, sysvmsg take new, inherit or disable
     children, devfs_ruleset, enforce_statfs, stop_timeout take a number
  --dry-run print the new pot.conf instead of writing it
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  A: z.string().optional(),
  V: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const setAttribute: PotCommand = {
  name: 'set-attribute',
  help,
  async run(args, ctx) {
    const cmd = potParser('set-attribute').option('-p <pname>', 'pot name').option('-A <attr>', 'attribute').option('-V <value>', 'value').option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'set-attribute', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    if (o.A === undefined || o.A === '') throw new UsageError('Option -A is mandatory', help);
    if (o.V === undefined || o.V === '') throw new UsageError('Option -V is mandatory', help);
    const { p: pot, A: attr, V: value } = o;
    await usageWithHelp(help, () => actions.setAttribute(actx, { pot, attr, value }));
    return 0;
  },
};
