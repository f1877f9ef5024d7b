import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { potShowOf, printJson } from '../json-output/json-output.js';
import { ShowOutput } from '../json-output/schemas.js';
import type { PotCommand } from './common.js';
import { actionContext, parseArgs, potParser, requireFsRoot } from './common.js';

const help = `pot show [-hvaqr] [--json] [-p pname]
  -h print this help
  -v verbose
  -a all pots
  -r running pots (default)
  -p pname : select the pot by name
  -q : quiet (only pot names)
  --json print the information as JSON
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  a: z.boolean().optional(),
  r: z.boolean().optional(),
  q: z.boolean().optional(),
  json: z.boolean().optional(),
});

export const show: PotCommand = {
  name: 'show',
  help,
  async run(args, ctx) {
    const cmd = potParser('show').option('-p <pname>', 'pot').option('-a', 'all').option('-r', 'running').option('-q', 'quiet').option('--json', 'JSON output');
    const o = Options.parse(parseArgs(cmd, args, help));
    ctx.mode.json = o.json ?? false;
    if (o.h) {
      ctx.io.stdout(help);
      return 0;
    }
    if ([o.p !== undefined, o.a, o.r].filter(Boolean).length > 1) throw new UsageError('-p -r -a are mutually exclusive', help);
    const actx = actionContext(ctx, { verbose: o.v, silent: o.json ?? false });
    requireFsRoot(actx.settings);
    const names = o.p !== undefined ? [o.p] : await actions.potsToShow(actx, o.a ?? false);
    if (o.q && o.p === undefined) {
      if (o.json) printJson(ctx.io, ShowOutput, { names });
      else ctx.io.stdout(names.map((n) => `${n}\n`).join(''));
      return 0;
    }
    const reports = o.p !== undefined ? [await actions.showPot(actx, o.p, { verbose: o.v > 0 })] : await actions.showPots(actx, names, { verbose: o.v > 0 });
    if (o.json) printJson(ctx.io, ShowOutput, { pots: reports.map(potShowOf) });
    else for (const r of reports) ctx.io.stdout(actions.formatPotShow(r));
    return 0;
  },
};
