import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, VERBOSE } from '../flags.js';
import { checkTarget, snapshotTarget, targetFlags } from './snapshot-target.js';

export const revert = defineCommand({
  name: 'revert',
  aliases: ['rollback'],
  summary: 'Restore the latest snapshot',
  usageAs: 'rollback/revert',
  synopsis: 'pot revert [-hv] [--dry-run] -p potname|-f fscomp',
  root: true,
  log: 'always',
  flags: { h: HELP, v: VERBOSE, ...targetFlags('revert'), dryRun: dryRun() },
  check: checkTarget,
  run: async (o, c) => {
    await actions.revertSnapshot(c.actx, { target: snapshotTarget(o) });
  },
});
