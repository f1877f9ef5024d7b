import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, option, required, VERBOSE, WORKING_POT } from '../flags.js';
import { usageWithHelp } from './usage-with-help.js';

const attributes = [...actions.SETTABLE_ATTRIBUTES].sort();

export const setAttribute = defineCommand({
  name: 'set-attribute',
  aliases: ['set-attr'],
  summary: 'Set an attribute on a pot',
  usageAs: 'set-attribute/set-attr',
  synopsis: 'pot set-attribute [-hv] [--dry-run] -p pot -A attr -V value',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: WORKING_POT,
    A: option('A', 'attribute', ['attribute : one of', ...attributes.map((a) => `   + ${a}`)], {
      type: required('Option -A is mandatory'),
      complete: { values: attributes },
    }),
    V: option(
      'V',
      'value',
      [
        'value : the new value for "attribute"',
        '   booleans take YES or NO (yes/no, true/false, on/off are accepted too)',
        '   sysvshm, sysvsem, sysvmsg take new, inherit or disable',
        '   children, devfs_ruleset, enforce_statfs, stop_timeout take a number',
      ],
      { type: required('Option -V is mandatory') },
    ),
    dryRun: dryRun('print the new pot.conf instead of writing it'),
  },
  run: async (o, c) => {
    await usageWithHelp(c.help, () => actions.setAttribute(c.actx, { pot: o.p, attr: o.A, value: o.V }));
  },
});
