import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, option, optionalPot, POT_NAME_MANDATORY, VERBOSE } from '../flags.js';

export const potSignal = defineCommand({
  name: 'signal',
  summary: 'Send signal to pot',
  synopsis: 'pot signal [-hvflC] [--dry-run] [-s signal] [-P pid] [-m pattern] -p pot',
  root: true,
  log: 'always',
  standalone: 'l',
  flags: {
    h: HELP,
    v: VERBOSE,
    C: bool('C', ': check/dry-run: show processes that would match'),
    f: bool('f', ': force - always returns success, even if signalling failed'),
    l: bool('l', ': list supported signals'),
    s: option('s', 'signal', ['signal : the symbolic name of the signal to send to the process,', '            defaults to SIGINFO'], { complete: 'signal' }),
    P: option('P', 'pid', ['pid : the pid inside the pot to send the signal to']),
    m: option('m', 'pattern', ['pattern : A pattern to match']),
    // -l needs no pot: the run says when it is missing
    p: optionalPot('pot', ['pot : the pot image']),
    dryRun: dryRun('print the command that would send the signal instead of running it'),
  },
  notes: `
  Parameters -P and -m are mutually exclusive. If neither of them is
  specified and the pot is non-persistent, the signal is delivered
  to the main process of the pot.

  For persistent pots, specifying one of -P and -m is mandatory.
`,
  run: async (o, c) => {
    if (o.l) {
      c.io.stdout(`${actions.signalList()}\n`);
      return 0;
    }
    if (o.p === undefined || o.p === '') return c.usage(POT_NAME_MANDATORY);
    const r = await actions.signalPot(c.actx, { pot: o.p, signal: o.s, pid: o.P, pattern: o.m, force: o.f, check: o.C });
    for (const pid of r.pids) c.io.stdout(`${pid}\n`);
    return 0;
  },
});
