import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, option, required, VERBOSE } from '../flags.js';

const SIZE_MANDATORY = 'The amount of host is mandatory (-S option)';

export const createPrivateBridge = defineCommand({
  name: 'create-private-bridge',
  summary: 'Create a new private bridge',
  synopsis: 'pot create-private-bridge [-hv] [--dry-run] [-B name] [-S size]',
  root: true,
  configCheck: 'own',
  flags: {
    h: HELP,
    v: VERBOSE,
    B: option('B', 'name', ['bridge name'], { type: required('A bridge name is mandatory (-B option)') }),
    S: option('S', 'size', ['bridge size (number of host expected)'], {
      type: required(SIZE_MANDATORY)
        .regex(/^\d+$/, { error: (issue) => `${String(issue.input)} is not a valid size: -S takes a number of hosts` })
        .transform(Number),
    }),
    dryRun: dryRun('print what would be done instead of doing it'),
  },
  run: async (o, c) => {
    const bridge = await actions.createPrivateBridge(c.actx, { name: o.B, size: o.S, argv: c.args });
    if (o.dryRun) c.io.stdout(`net=${bridge.net}\ngateway=${bridge.gateway}\nname=${bridge.name}\n`);
  },
});
