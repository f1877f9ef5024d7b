import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot signal [-hvflC] [--dry-run] [-s signal] [-P pid] [-m pattern] -p pot
  -h print this help
  -v verbose
  -C : check/dry-run: show processes that would match
  -f : force - always returns success, even if signalling failed
  -l : list supported signals
  -s signal : the symbolic name of the signal to send to the process,
              defaults to SIGINFO
  -P pid : the pid inside the pot to send the signal to
  -m pattern : A pattern to match
  -p pot : the pot image
  --dry-run print the command that would send the signal instead of running it

  Parameters -P and -m are mutually exclusive. If neither of them is
  specified and the pot is non-persistent, the signal is delivered
  to the main process of the pot.

  For persistent pots, specifying one of -P and -m is mandatory.
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  f: z.boolean().optional(),
  l: z.boolean().optional(),
  C: z.boolean().optional(),
  s: z.string().optional(),
  P: z.string().optional(),
  m: z.string().optional(),
  p: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const potSignal: PotCommand = {
  name: 'signal',
  help,
  async run(args, ctx) {
    const cmd = potParser('signal')
      .option('-f', 'force')
      .option('-l', 'list signals')
      .option('-C', 'check only')
      .option('-s <signal>', 'signal')
      .option('-P <pid>', 'pid')
      .option('-m <pattern>', 'pattern')
      .option('-p <pname>', 'pot name')
      .option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'signal', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.l) {
      ctx.io.stdout(`${actions.signalList()}\n`);
      return 0;
    }
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    const r = await actions.signalPot(actx, { pot: o.p, signal: o.s, pid: o.P, pattern: o.m, force: o.f, check: o.C });
    for (const pid of r.pids) ctx.io.stdout(`${pid}\n`);
    return 0;
  },
};
