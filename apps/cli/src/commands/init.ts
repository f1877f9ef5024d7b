import { actions } from '@pot/core';
import { z } from 'zod';
import type { PotCommand } from './common.js';
import { actionContext, parseArgs, potParser } from './common.js';
import { printFindings } from './doctor.js';

const help = `pot init [-hmsv] [--dry-run] [-p pf_file]
  -h print this help
  -m minimal modifications (alias for \`-sp ''\`)
  -p pf_file : write pot anchors to this file (empty to skip),
               defaults to result of \`sysrc -n pf_rules\`
  -f pf_file : alias for -p pf_file (deprecated)
  -s do not alter syslogd config
  -v verbose (also runs the checks of 'pot doctor')
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  m: z.boolean().optional(),
  s: z.boolean().optional(),
  p: z.string().optional(),
  f: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const init: PotCommand = {
  name: 'init',
  help,
  async run(args, ctx) {
    const cmd = potParser('init')
      .option('-m', 'minimal')
      .option('-s', 'skip syslog')
      .option('-p <pf_file>', 'pf file')
      .option('-f <pf_file>', 'pf file (deprecated)')
      .option('--dry-run', 'print only');
    const o = Options.parse(parseArgs(cmd, args, help));
    if (o.h) {
      ctx.io.stdout(help);
      return 0;
    }
    const actx = actionContext(ctx, { verbose: o.v, dryRun: o.dryRun ?? false, warnConfig: false });
    const pfFile = o.m ? '' : (o.p ?? o.f);
    await actions.initPot(actx, { pfFile, skipSyslog: (o.m ?? false) || (o.s ?? false), argv: args });
    if (o.v > 0) {
      const findings = await actions.doctor(actx);
      printFindings(ctx.io, findings);
    }
    return 0;
  },
};
