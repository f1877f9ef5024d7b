import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { actionContext, parseArgs, potParser, requireFsRoot } from './common.js';

const help = `pot destroy [-hvFr] [--dry-run] [-p potname|-b basename|-f fscomp|-B bridge]
  -h print this help
  -v verbose
  -q quiet
  -F force the stop and destroy (an fscomp: even when pots mount it)
  -p potname : the pot name (mandatory)
  -b basename : the base name (mandatory)
  -f fscomp : the fscomp name (mandatory)
  -B bridge-name : the name of the bridge to be deleted (mandatory)
  -r : destroy recursively all pots based on this base/pot
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  q: z.boolean().optional(),
  F: z.boolean().optional(),
  r: z.boolean().optional(),
  p: z.string().optional(),
  b: z.string().optional(),
  f: z.string().optional(),
  B: z.string().optional(),
  dryRun: z.boolean().optional(),
});

export const destroy: PotCommand = {
  name: 'destroy',
  help,
  async run(args, ctx) {
    const cmd = potParser('destroy')
      .option('-q', 'quiet')
      .option('-F', 'force')
      .option('-r', 'recursive')
      .option('-p <potname>', 'pot')
      .option('-b <basename>', 'base')
      .option('-f <fscomp>', 'fscomp')
      .option('-B <bridge>', 'bridge')
      .option('--dry-run', 'print only');
    const o = Options.parse(parseArgs(cmd, args, help));
    if (o.h) {
      ctx.io.stdout(help);
      return 0;
    }
    const targets = (['p', 'b', 'f', 'B'] as const).filter((k) => o[k] !== undefined);
    if (targets.length === 0) throw new UsageError('-b or -p or -f or -B are missing', help);
    if (targets.length > 1) throw new UsageError('-b, -p, -f and -B cannot be used at the same time', help);
    const actx = actionContext(ctx, { verbose: o.q ? -1 : o.v, dryRun: o.dryRun ?? false });
    requireFsRoot(actx.settings);
    const force = o.F ?? false;
    if (o.B !== undefined) {
      if (o.F || o.r) actions.info(actx, '-F and -r are ignored for bridges');
      await actions.destroyBridge(actx, { name: o.B, argv: args });
      return 0;
    }
    await actions.syslog(actx, 'destroy', args);
    if (o.p !== undefined) await actions.destroyPot(actx, { pot: o.p, force, recursive: o.r ?? false });
    else if (o.b !== undefined) await actions.destroyBase(actx, { base: o.b, force, recursive: o.r ?? false });
    else if (o.f !== undefined) {
      if (o.r) actions.info(actx, '-r is ignored for fscomps');
      await actions.destroyFscomp(actx, { fscomp: o.f, force });
    }
    return 0;
  },
};
