import { actions } from '@pot/core';
import { z } from 'zod';
import { printJson } from '../json-output/json-output.js';
import { PsOutput } from '../json-output/schemas.js';
import type { PotCommand } from './common.js';
import { actionContext, parseArgs, potParser, requireFsRoot } from './common.js';

const help = `pot ps [-hvq] [--json]
  -h print this help
  -v verbose
  -q quiet : only print pot names
  --json print the running pots and the network state as JSON
`;

const Options = z.object({ h: z.boolean().optional(), v: z.number(), q: z.boolean().optional(), json: z.boolean().optional() });

export const ps: PotCommand = {
  name: 'ps',
  help,
  async run(args, ctx) {
    const o = Options.parse(parseArgs(potParser('ps').option('-q', 'quiet').option('--json', 'JSON output'), args, help));
    ctx.mode.json = o.json ?? false;
    if (o.h) {
      ctx.io.stdout(help);
      return 0;
    }
    const actx = actionContext(ctx, { verbose: o.v, silent: o.json ?? false });
    requireFsRoot(actx.settings);
    const state = await actions.potPs(actx);
    if (o.json) {
      printJson(ctx.io, PsOutput, { networkUp: state.networkUp ?? null, running: state.running });
      return 0;
    }
    if (!o.q) {
      if (state.networkUp === undefined) actions.info(actx, 'Need privileges to read internal network status');
      else actions.info(actx, state.networkUp ? 'Internal network up' : 'Internal network down');
    }
    for (const name of state.running) ctx.io.stdout(`${name}\n`);
    return 0;
  },
};
