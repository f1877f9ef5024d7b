import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, VERBOSE } from '../flags.js';
import { copyFlags } from './copy-command.js';
import { usageWithHelp } from './usage-with-help.js';

export const copyOut = defineCommand({
  name: 'copy-out',
  summary: 'Copy a file or a directory out of a pot',
  synopsis: 'pot copy-out [-hvF] [--dry-run] -p pot -s source -d dest',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    ...copyFlags({ F: 'warning', s: 'the file or directory inside the pot', d: 'the location (directory) on the host to copy-out to' }),
    dryRun: dryRun(),
  },
  run: async (o, c) => {
    await usageWithHelp(c.help, () => actions.copyOut(c.actx, { pot: o.p ?? '', source: o.s ?? '', destination: o.d ?? '', force: o.F }));
  },
});
