import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { collect, openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const help = `pot set-hosts [-hv] [--dry-run] -p pot -H hostname:IP
  -h print this help
  -v verbose
  -p pot : the working pot
  -H hostname:IP : hostname-to-IP resolution to be added
                   to /etc/hosts, can be used multiple times
  --dry-run print the new pot.conf instead of writing it
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  H: z.array(z.string()).optional(),
  dryRun: z.boolean().optional(),
});

export const setHosts: PotCommand = {
  name: 'set-hosts',
  help,
  async run(args, ctx) {
    const cmd = potParser('set-hosts').option('-p <pname>', 'pot name').option('-H <hostname:IP>', 'host entry', collect).option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'set-hosts', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    const hosts = o.H ?? [];
    // shell pot checks each -H while parsing, before the other options
    await usageWithHelp(help, async () => hosts.forEach((h) => actions.hostEntry(h)));
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    const pot = o.p;
    await usageWithHelp(help, () => actions.setPotHosts(actx, { pot, hosts }));
    return 0;
  },
};
