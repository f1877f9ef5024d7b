import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, potFlag, potOperand, VERBOSE } from '../flags.js';

export const start = defineCommand({
  name: 'start',
  summary: 'Start a pot (jail)',
  synopsis: 'pot start [-h] [--dry-run] -p potname [pname]',
  root: true,
  log: 'always',
  configCheck: 'guard',
  flags: {
    h: HELP,
    v: VERBOSE,
    s: bool(
      's',
      'take a snapshot before starting the pot',
      '   snapshots are identified by the epoch',
      '   all ZFS datasets under the jail dataset are considered',
    ),
    S: bool(
      'S',
      'take a snapshot before starting the pot [DEPRECATED]',
      '   snapshots are identified by the epoch',
      '   all ZFS datasets mounted in rw are considered (full)',
    ),
    p: potFlag('potname', ['potname : the pot to be started']),
    dryRun: dryRun(),
  },
  operands: { pname: potOperand('pname', ['', 'pname : the pot to be started if "-p potname" not given']) },
  run: async (o, c) => actions.startPot(c.actx, { pot: o.p, ...(o.S ? { snapshot: 'full' } : o.s ? { snapshot: 'normal' } : {}) }),
});
