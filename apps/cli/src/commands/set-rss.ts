import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { checkedBy, dryRun, HELP, option, VERBOSE, WORKING_POT } from '../flags.js';
import { usageWithHelp } from './usage-with-help.js';

export const setRss = defineCommand({
  name: 'set-rss',
  summary: 'Set a resource constraint',
  synopsis: 'pot set-rss [-hv] [--dry-run] -p pot [-C cpus] [-M memory]',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: WORKING_POT,
    C: option('C', 'cpus', ['cpus : the max amount of CPUs']),
    M: option('M', 'memory', ['memory : max memory usable (integer values)'], { type: checkedBy(actions.memoryConstraint).optional() }),
    dryRun: dryRun('print the new pot.conf (and the limits of a running pot) instead of changing them'),
  },
  run: async (o, c) => {
    await usageWithHelp(c.help, () => actions.setPotRss(c.actx, { pot: o.p, cpus: o.C, memory: o.M }));
  },
});
