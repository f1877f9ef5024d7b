import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, option, potFlag, required, VERBOSE } from '../flags.js';

export const rename = defineCommand({
  name: 'rename',
  summary: 'Rename a pot',
  synopsis: 'pot rename [-hv] [--dry-run] -p oldname -n newname',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: potFlag('oldname', ['oldname : the name of an existing pot to rename'], 'pot name is missing (-p)'),
    n: option('n', 'newname', ['newname : the new name for an existing pot'], { type: required('new name is missing (-n)') }),
    dryRun: dryRun(),
  },
  run: async (o, c) => {
    await actions.renamePot(c.actx, { pot: o.p, newName: o.n });
  },
});
