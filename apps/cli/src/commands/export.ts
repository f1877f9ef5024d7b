import { actions } from '@pot/core';
import * as z from 'zod';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, option, VERBOSE, WORKING_POT } from '../flags.js';

export const exportPot = defineCommand({
  name: 'export',
  summary: 'Export a pot to a file',
  synopsis: 'pot export [-hv] [--dry-run] -p pot [-S seckey] [-t tag] [-D dir] [-l level]',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: WORKING_POT,
    t: option('t', 'tag', ['tag : the tag to be used as suffix in the filename', '         if not specified, the snapshot name will be used as suffix']),
    c: bool('c', ': treat tags as versions and check if they are decreasing'),
    D: option('D', 'dir', ['dir : where to store the compressed file with the pot'], { complete: 'directory' }),
    l: option('l', 'level', ['level : compression level from 0 (fast) to 9 (best).', '           Default level 6. (see `man xz` for more information)'], {
      type: z
        .string()
        .regex(/^[0-9]$/, { error: (issue) => `${String(issue.input)} is an invalid compression level` })
        .transform(Number)
        .optional(),
      complete: { values: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'] },
    }),
    F: bool('F', ': force export of multiple snapshot', '     (by default, only one snapshot is allowed)'),
    A: bool('A', ': auto-fix number of snapshots (only one snapshot is allowed)'),
    S: option('S', 'seckey', [": sign with secure key 'seckey' using signify(1)"], { complete: 'file' }),
    dryRun: dryRun(),
  },
  run: async (o, c) => {
    await actions.exportPot(c.actx, {
      pot: o.p,
      checkTag: o.c,
      force: o.F,
      autoFix: o.A,
      ...(o.t === undefined ? {} : { tag: o.t }),
      ...(o.D === undefined ? {} : { dir: o.D }),
      ...(o.l === undefined ? {} : { level: o.l }),
      ...(o.S === undefined ? {} : { seckey: o.S }),
    });
  },
});
