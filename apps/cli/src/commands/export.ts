import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot export [-hv] [--dry-run] -p pot [-S seckey] [-t tag] [-D dir] [-l level]
  -h print this help
  -v verbose
  -p pot : the working pot
  -t tag : the tag to be used as suffix in the filename
           if not specified, the snapshot name will be used as suffix
  -c : treat tags as versions and check if they are decreasing
  -D dir : where to store the compressed file with the pot
  -l level : compression level from 0 (fast) to 9 (best).
             Default level 6. (see \`man xz\` for more information)
  -F : force export of multiple snapshot
       (by default, only one snapshot is allowed)
  -A : auto-fix number of snapshots (only one snapshot is allowed)
  -S : sign with secure key 'seckey' using signify(1)
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  t: z.string().optional(),
  c: z.boolean().optional(),
  D: z.string().optional(),
  l: z.string().optional(),
  F: z.boolean().optional(),
  A: z.boolean().optional(),
  S: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const exportPot: PotCommand = {
  name: 'export',
  help,
  async run(args, ctx) {
    const cmd = potParser('export')
      .option('-p <pot>', 'pot')
      .option('-t <tag>', 'tag')
      .option('-c', 'check tags')
      .option('-D <dir>', 'directory')
      .option('-l <level>', 'compression level')
      .option('-F', 'force')
      .option('-A', 'auto-fix')
      .option('-S <seckey>', 'secret key')
      .option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'export', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.l !== undefined && !/^[0-9]$/.test(o.l)) throw new UsageError(`${o.l} is an invalid compression level`, help);
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    await actions.exportPot(actx, {
      pot: o.p,
      checkTag: o.c ?? false,
      force: o.F ?? false,
      autoFix: o.A ?? false,
      ...(o.t === undefined ? {} : { tag: o.t }),
      ...(o.D === undefined ? {} : { dir: o.D }),
      ...(o.l === undefined ? {} : { level: Number(o.l) }),
      ...(o.S === undefined ? {} : { seckey: o.S }),
    });
    return 0;
  },
};
