import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, option, required, VERBOSE } from '../flags.js';

export const createFscomp = defineCommand({
  name: 'create-fscomp',
  summary: 'Create a new fs component',
  synopsis: 'pot create-fscomp [-hv] [--dry-run] -f name',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    f: option('f', 'name', ['name : the fs component name (mandatory)'], { type: required('fs component name is missing') }),
    dryRun: dryRun(),
  },
  run: async (o, c) => {
    await actions.createFscomp(c.actx, { fscomp: o.f });
  },
});
