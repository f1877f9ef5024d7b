import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, option, required, VERBOSE, WORKING_POT } from '../flags.js';
import { usageWithHelp } from './usage-with-help.js';

export const setCmd = defineCommand({
  name: 'set-cmd',
  summary: 'Set the command to start the pot',
  synopsis: 'pot set-cmd [-hv] [--dry-run] -p pot -c cmd',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: WORKING_POT,
    c: option('c', 'cmd', ['cmd : the command line to start the container'], { type: required('A command is mandatory'), complete: 'command' }),
    dryRun: dryRun('print the new pot.conf instead of writing it'),
  },
  run: async (o, c) => {
    await usageWithHelp(c.help, () => actions.setPotCmd(c.actx, { pot: o.p, cmd: o.c }));
  },
});
