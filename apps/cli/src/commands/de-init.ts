import { actions } from '@pot/core';
import { z } from 'zod';
import type { PotCommand } from './common.js';
import { actionContext, parseArgs, potParser } from './common.js';

const help = `pot de-init [-hmvf] [--dry-run] [-p pf_file]
  -f force : stop all running pots
  -p pf_file : remove anchors to this file (empty to skip),
               defaults to result of \`sysrc -n pf_rules\`
  -h print this help
  -m minimal modifications (alias for \`-p ''\`, syslogd config untouched)
     WARNING: Still destroys POT_ZFS_ROOT
  -v verbose
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  f: z.boolean().optional(),
  m: z.boolean().optional(),
  p: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const deInit: PotCommand = {
  name: 'de-init',
  help,
  async run(args, ctx) {
    const cmd = potParser('de-init')
      .option('-f', 'force')
      .option('-m', 'minimal')
      .option('-p <pf_file>', 'pf file')
      .option('--dry-run', 'print only');
    const o = Options.parse(parseArgs(cmd, args, help));
    if (o.h) {
      ctx.io.stdout(help);
      return 0;
    }
    const actx = actionContext(ctx, { verbose: o.v, dryRun: o.dryRun ?? false });
    await actions.deInitPot(actx, {
      force: o.f ?? false,
      pfFile: o.m ? '' : o.p,
      skipSyslog: o.m ?? false,
      argv: args,
    });
    return 0;
  },
};
