import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, optionalPot, VERBOSE } from '../flags.js';

export const updateConfig = defineCommand({
  name: 'update-config',
  summary: 'Update the configuration of a pot',
  synopsis: 'pot update-config [-hv] [--dry-run] -p pot|-a',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: optionalPot('pot', ['pot : the working pot']),
    a: bool('a', ': apply to all pots'),
    dryRun: dryRun('print the new pot.conf and fscomp.conf instead of writing them'),
  },
  check(o, usage) {
    if (o.p !== undefined && o.a) usage('-p and -a are mutually exclusive');
    if (o.p === undefined && !o.a) usage('One of -p or -a is mandatory');
  },
  run: async (o, c) => {
    await actions.updateConfig(c.actx, o.p !== undefined ? { pot: o.p } : { all: true });
  },
});
