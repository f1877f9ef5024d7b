import { actions } from '@pot/core';
import { z } from 'zod';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const help = `pot mount-in [-hvwr] [--dry-run] -p pot -m mnt -f fscomp|-d dir|-z dataset
  -h print this help
  -v verbose
  -p pot : the working pot
  -f fscomp : a fs component to be mounted
  -z zfs dataset : a ZFS dataset to be mounted
  -d dir : a directory on the host to be mounted,
           absolute pathname
  -m mnt : the mount point inside of the pot
  -w : change the ZFS mount point instead of using nullfs,
       potentially DANGEROUS and only usable with -z and -f
  -r : mount-in read-only
  --dry-run print the new fscomp.conf and the host commands instead of changing anything
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  f: z.string().optional(),
  d: z.string().optional(),
  z: z.string().optional(),
  m: z.string().optional(),
  w: z.boolean().optional(),
  r: z.boolean().optional(),
  dryRun: z.boolean().optional(),
});

export const mountIn: PotCommand = {
  name: 'mount-in',
  help,
  async run(args, ctx) {
    const cmd = potParser('mount-in')
      .option('-p <pname>', 'pot name')
      .option('-f <fscomp>', 'fscomp')
      .option('-d <dir>', 'host directory')
      .option('-z <dataset>', 'dataset')
      .option('-m <mnt>', 'mount point')
      .option('-w', 'zfs remount')
      .option('-r', 'read-only')
      .option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'mount-in', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    await usageWithHelp(help, () =>
      actions.mountIn(actx, {
        pot: o.p ?? '',
        ...(o.f === undefined ? {} : { fscomp: o.f }),
        ...(o.d === undefined ? {} : { dir: o.d }),
        ...(o.z === undefined ? {} : { dataset: o.z }),
        mountpoint: o.m ?? '',
        remount: o.w === true,
        readOnly: o.r === true,
      }),
    );
    return 0;
  },
};
