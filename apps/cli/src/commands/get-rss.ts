import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { actionContext, parseArgs, potParser, requireFsRoot } from './common.js';

const help = `pot get-rss [-hv] [-J] -p pot
  -h print this help
  -v verbose
  -p pot : the working pot
  -J : output in JSON format
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  J: z.boolean().optional(),
});

export const getRss: PotCommand = {
  name: 'get-rss',
  help,
  async run(args, ctx) {
    const cmd = potParser('get-rss').option('-p <pname>', 'pot name').option('-J', 'JSON output');
    const o = Options.parse(parseArgs(cmd, args, help));
    if (o.h) {
      ctx.io.stdout(help);
      return 0;
    }
    const actx = actionContext(ctx, { verbose: o.v });
    requireFsRoot(actx.settings);
    // A read-only command: shell pot logs it (at debug level) only when verbose.
    if (o.v > 0) {
      try {
        await actx.host.log.syslog(`pot-get-rss ${args.join(' ')}`, { facility: actx.settings.logFacility, priority: 'debug', tag: 'pot' });
      } catch {
        // a missing syslog never stops pot
      }
    }
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    const usage = await actions.potResourceUsage(actx, o.p);
    ctx.io.stdout(o.J ? actions.formatResourceUsageJson(usage) : actions.formatResourceUsage(usage));
    return 0;
  },
};
