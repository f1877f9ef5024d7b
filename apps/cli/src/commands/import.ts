import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot import [-hv] [--dry-run] -p pot -t tag -U URL [-C pubkey]
  -h print this help
  -v verbose
  -p pot : the remote pot name
  -t tag : the tag of the pot
  -U URL : the base URL where to find the image file
  -C pubkey : verify with public key 'pubkey' using signify(1)
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  t: z.string().optional(),
  U: z.string().optional(),
  C: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const importPot: PotCommand = {
  name: 'import',
  help,
  async run(args, ctx) {
    const cmd = potParser('import').option('-p <pot>', 'remote pot').option('-t <tag>', 'tag').option('-U <URL>', 'base URL').option('-C <pubkey>', 'public key').option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'import', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.U === '') throw new UsageError('Argument of -U cannot be empty', help);
    if (o.p === undefined || o.p === '') throw new UsageError('A remote pot name is mandatory', help);
    if (o.t === undefined || o.t === '') throw new UsageError('A tag name is mandatory', help);
    await actions.importPot(actx, { remote: o.p, tag: o.t, ...(o.U === undefined ? {} : { url: o.U }), ...(o.C === undefined ? {} : { pubkey: o.C }) });
    return 0;
  },
};
