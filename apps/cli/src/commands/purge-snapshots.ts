import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, VERBOSE } from '../flags.js';
import { checkTarget, snapshotTarget, targetFlags } from './snapshot-target.js';

export const purgeSnapshots = defineCommand({
  name: 'purge-snapshots',
  summary: 'Remove old/all snapshots',
  synopsis: 'pot purge-snapshots [-hva] [--dry-run] -p potname|-f fscomp',
  root: true,
  log: 'always',
  flags: { h: HELP, v: VERBOSE, ...targetFlags('purge-snapshots'), a: bool('a', 'remove all snapshot, including the latest one'), dryRun: dryRun() },
  check: checkTarget,
  run: async (o, c) => {
    await actions.purgeSnapshots(c.actx, { target: snapshotTarget(o), all: o.a });
  },
});
