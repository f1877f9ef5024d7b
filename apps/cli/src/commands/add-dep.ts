import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, option, potFlag, required, VERBOSE } from '../flags.js';
import { usageWithHelp } from './usage-with-help.js';

export const addDep = defineCommand({
  name: 'add-dep',
  summary: 'Add a dependency',
  synopsis: 'pot add-dep [-hv] [--dry-run] -p potname -P depPot',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: potFlag('potname', ['potname : the working pot']),
    P: option('P', 'depPot', ['depPot : the pot to depend on. Will be started automatically', '            before starting the working pot "potname".'], {
      type: required('A dependency pot is mandatory'),
      complete: 'pot',
    }),
    dryRun: dryRun('print the new pot.conf instead of writing it'),
  },
  run: async (o, c) => {
    await usageWithHelp(c.help, () => actions.addPotDependency(c.actx, { pot: o.p, dependency: o.P }));
  },
});
