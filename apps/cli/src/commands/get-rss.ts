import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { printJson, resourceUsageOf } from '../json-output/json-output.js';
import { GetRssOutput } from '../json-output/schemas.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot get-rss [-hv] [-J|--json] -p pot
  -h print this help
  -v verbose
  -p pot : the working pot
  -J : output in JSON format (nomad-pot-driver's shape)
  --json : output in pot's JSON contract (schemaVersion, camelCase)
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  J: z.boolean().optional(),
  json: z.boolean().optional(),
});

export const getRss: PotCommand = {
  name: 'get-rss',
  help,
  async run(args, ctx) {
    const cmd = potParser('get-rss').option('-p <pname>', 'pot name').option('-J', 'JSON output').option('--json', 'JSON output');
    const opened = await openCommand({ name: 'get-rss', cmd, schema: Options, help, readOnly: true }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    ctx.mode.json = o.json ?? false;
    if (o.J && o.json) throw new UsageError('-J and --json are mutually exclusive', help);
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    const usage = await actions.potResourceUsage(actx, o.p);
    if (o.json) printJson(ctx.io, GetRssOutput, resourceUsageOf(usage));
    else ctx.io.stdout(o.J ? actions.formatResourceUsageJson(usage) : actions.formatResourceUsage(usage));
    return 0;
  },
};
