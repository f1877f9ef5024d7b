import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, VERBOSE } from '../flags.js';
import { checkTarget, snapshotTarget, targetFlags } from './snapshot-target.js';

export const snapshot = defineCommand({
  name: 'snapshot',
  aliases: ['snap'],
  summary: 'Take a snapshot of a pot',
  usageAs: 'snap/snapshot',
  synopsis: 'pot snapshot [-hvr] [--dry-run] -p potname|-f fscomp',
  root: true,
  log: 'always',
  flags: { h: HELP, v: VERBOSE, r: bool('r', 'replace the oldest available snapshot with the new one'), ...targetFlags('snapshot'), dryRun: dryRun() },
  check: checkTarget,
  run: async (o, c) => {
    await actions.takeSnapshot(c.actx, { target: snapshotTarget(o), replace: o.r });
  },
});
