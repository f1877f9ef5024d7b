import { actions } from '@pot/core';
import * as z from 'zod';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, option, VERBOSE } from '../flags.js';

export const vnetStart = defineCommand({
  name: 'vnet-start',
  summary: 'Start vnet configuration',
  synopsis: 'pot vnet-start [-hv] [--dry-run] [-B bridge-name]',
  root: true,
  configCheck: 'own',
  flags: {
    h: HELP,
    v: VERBOSE,
    B: option('B', 'bridge-name', ['bridge-name (optional)'], { type: z.string().min(1, { error: '-B needs a bridge name' }).optional(), complete: 'bridge' }),
    dryRun: dryRun(),
  },
  run: async (o, c) => {
    await actions.vnetStart(c.actx, { bridge: o.B, argv: c.args });
  },
});
