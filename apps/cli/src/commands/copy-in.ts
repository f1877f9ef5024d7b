import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, VERBOSE } from '../flags.js';
import { copyFlags } from './copy-command.js';
import { usageWithHelp } from './usage-with-help.js';

export const copyIn = defineCommand({
  name: 'copy-in',
  summary: 'Copy a file or a directory into a pot',
  synopsis: 'pot copy-in [-hvFc] [--dry-run] -p pot -s source -d dest',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    ...copyFlags({ F: 'WARNING', s: 'the file or directory to be copied in', d: 'the final location inside the pot' }),
    c: bool('c', 'create any missing path components to `dirname destination`', '   inside the pot'),
    dryRun: dryRun(),
  },
  run: async (o, c) => {
    await usageWithHelp(c.help, () => actions.copyIn(c.actx, { pot: o.p ?? '', source: o.s ?? '', destination: o.d ?? '', force: o.F, createDirs: o.c }));
  },
});
