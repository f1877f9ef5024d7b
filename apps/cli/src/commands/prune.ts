import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, QUIET, VERBOSE } from '../flags.js';

export const prune = defineCommand({
  name: 'prune',
  summary: 'Destroy non-running, prunable pots',
  usageAs: 'prune  ',
  synopsis: 'pot prune [-hvqgn] [--dry-run]',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    q: { ...QUIET, quietErrors: true },
    g: bool('g', 'grace period: spare pots whose last run ended less than a minute ago'),
    n: bool('n', 'dry run: only say which pots would be pruned'),
    dryRun: dryRun('the same as -n'),
  },
  run: async (o, c) => {
    await actions.prunePots(o.q ? { ...c.actx, verbosity: 0 } : c.actx, { listOnly: o.n || o.dryRun, gracePeriod: o.g });
  },
});
