import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { actionContext, parseArgs, potParser, requireFsRoot } from './common.js';

const help = `pot last-run-stats [-hv] -p pname
  -h print this help
  -v verbose
  -p pname : pot name
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
});

export const lastRunStats: PotCommand = {
  name: 'last-run-stats',
  help,
  async run(args, ctx) {
    const cmd = potParser('last-run-stats').option('-p <pname>', 'pot name');
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
        await actx.host.log.syslog(`pot-last-run-stats ${args.join(' ')}`, { facility: actx.settings.logFacility, priority: 'debug', tag: 'pot' });
      } catch {
        // a missing syslog never stops pot
      }
    }
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    ctx.io.stdout(await actions.lastRunStats(actx, o.p));
    return 0;
  },
};
