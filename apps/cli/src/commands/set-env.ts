import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { checkedBy, dryRun, HELP, repeated, VERBOSE, WORKING_POT } from '../flags.js';
import { usageWithHelp } from './usage-with-help.js';

export const setEnv = defineCommand({
  name: 'set-env',
  summary: 'Set environment variables inside a pot',
  synopsis: 'pot set-env [-hv] [--dry-run] -p pot -E env',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: WORKING_POT,
    E: repeated('E', 'var=value', ['var=value : the variable and the value to be added', '   this option can be repeated more than once'], {
      item: checkedBy(actions.envAssignment),
      mandatory: { message: 'Option -E is mandatory', suggestion: 'give at least one -E VARIABLE=value' },
    }),
    dryRun: dryRun('print the new pot.conf instead of writing it'),
  },
  run: async (o, c) => {
    await usageWithHelp(c.help, () => actions.setPotEnv(c.actx, { pot: o.p, env: o.E }));
  },
});
