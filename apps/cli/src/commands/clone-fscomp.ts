import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, option, required, VERBOSE } from '../flags.js';

export const cloneFscomp = defineCommand({
  name: 'clone-fscomp',
  summary: 'Clone an fscomp',
  synopsis: 'pot clone-fscomp [-hv] [--dry-run] -f fscomp -F fscomp',
  root: true,
  log: 'always',
  checkOrder: ['f', 'F'],
  flags: {
    h: HELP,
    v: VERBOSE,
    F: option('F', 'fscomp', ['fscomp : the fscomp to be cloned (mandatory)'], {
      type: required('clonable fscomp name is missing (option -F)'),
      complete: 'fscomp',
    }),
    f: option('f', 'fscomp', ['fscomp : the fscomp name (mandatory)'], { type: required('fscomp name is missing (option -f)') }),
    dryRun: dryRun(),
  },
  run: async (o, c) => {
    await actions.cloneFscomp(c.actx, { fscomp: o.f, source: o.F });
  },
});
