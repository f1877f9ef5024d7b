import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { HELP, VERBOSE, WORKING_POT } from '../flags.js';

export const top = defineCommand({
  name: 'top',
  summary: 'Run top(1) inside the pot',
  usageAs: 'top    ',
  synopsis: 'pot top [-h] -p pot',
  log: 'debug',
  flags: {
    h: HELP,
    v: { short: 'v', count: true, hidden: "shell pot's help of top does not list -v", type: VERBOSE.type },
    p: WORKING_POT,
  },
  run: async (o, c) => actions.monitorPot(c.actx, o.p),
});
