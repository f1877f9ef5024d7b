import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, option, VERBOSE } from '../flags.js';
import { usageWithHelp } from './usage-with-help.js';

export const mountOut = defineCommand({
  name: 'mount-out',
  summary: 'Unmount directory, ZFS dataset, or fscomp from a pot',
  synopsis: 'pot mount-out [-hv] [--dry-run] -p pot -m mnt',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    // the action checks -p and -m, with shell pot's messages
    p: option('p', 'pot', ['pot : the working pot'], { complete: 'pot' }),
    m: option('m', 'mnt', ['mnt : the mount point inside the pot']),
    dryRun: dryRun('print the new fscomp.conf and the host commands instead of changing anything'),
  },
  run: async (o, c) => {
    await usageWithHelp(c.help, () => actions.mountOut(c.actx, { pot: o.p ?? '', mountpoint: o.m ?? '' }));
  },
});
