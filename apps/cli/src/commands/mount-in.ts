import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, option, VERBOSE } from '../flags.js';
import { usageWithHelp } from './usage-with-help.js';

export const mountIn = defineCommand({
  name: 'mount-in',
  summary: 'Mount directory, ZFS dataset, or fscomp into a pot',
  synopsis: 'pot mount-in [-hvwr] [--dry-run] -p pot -m mnt -f fscomp|-d dir|-z dataset',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    // the action checks -p, -m and the source, with shell pot's messages
    p: option('p', 'pot', ['pot : the working pot'], { complete: 'pot' }),
    f: option('f', 'fscomp', ['fscomp : a fs component to be mounted'], { complete: 'fscomp' }),
    z: option('z', 'dataset', ['zfs dataset : a ZFS dataset to be mounted']),
    d: option('d', 'dir', ['dir : a directory on the host to be mounted,', '         absolute pathname'], { complete: 'directory' }),
    m: option('m', 'mnt', ['mnt : the mount point inside of the pot']),
    w: bool('w', ': change the ZFS mount point instead of using nullfs,', '     potentially DANGEROUS and only usable with -z and -f'),
    r: bool('r', ': mount-in read-only'),
    dryRun: dryRun('print the new fscomp.conf and the host commands instead of changing anything'),
  },
  run: async (o, c) => {
    await usageWithHelp(c.help, () =>
      actions.mountIn(c.actx, {
        pot: o.p ?? '',
        ...(o.f === undefined ? {} : { fscomp: o.f }),
        ...(o.d === undefined ? {} : { dir: o.d }),
        ...(o.z === undefined ? {} : { dataset: o.z }),
        mountpoint: o.m ?? '',
        remount: o.w,
        readOnly: o.r,
      }),
    );
  },
});
