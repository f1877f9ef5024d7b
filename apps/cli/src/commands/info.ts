import { actions, notFound } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { bridgeOf, environmentOf, potInfoOf, printJson } from '../json-output/json-output.js';
import { InfoOutput } from '../json-output/schemas.js';
import type { CommandContext, PotCommand } from './common.js';
import { actionContext, parseArgs, potParser, requireFsRoot } from './common.js';

const help = `pot info [-hvqr] [--json] [-p pname|-B bname]
  -h print this help
  -v verbose
  -q quiet
  -p pname : pot name
  -B bname : bridge name
  -r check only if the pot is running
  -E output some pot information as environment variables
  -s list the available snapshots for the pot
  --json print the information as JSON
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  q: z.boolean().optional(),
  p: z.string().optional(),
  B: z.string().optional(),
  r: z.boolean().optional(),
  E: z.boolean().optional(),
  s: z.boolean().optional(),
  json: z.boolean().optional(),
});

type Options = z.infer<typeof Options>;

async function potInfo(pot: string, o: Options, actx: actions.ActionContext, ctx: CommandContext): Promise<number> {
  await actions.existingPot(actx, pot);
  if (o.r) return (await actx.host.jails.isRunning(pot)) ? 0 : 1;
  if (o.q) return 0;
  if (o.s) {
    const names = await actions.potSnapshotNames(actx, pot);
    if (o.json) printJson(ctx.io, InfoOutput, { snapshots: names });
    else ctx.io.stdout(names.map((n) => `${n}\n`).join(''));
  } else if (o.E) {
    if (o.json) printJson(ctx.io, InfoOutput, { environment: environmentOf(await actions.potVariables(actx, pot)) });
    else ctx.io.stdout((await actions.potEnvironment(actx, pot)).map((l) => `${l}
`).join(''));
  } else {
    const report = await actions.potInfo(actx, pot, { verbose: o.v > 0 || (o.json ?? false) });
    if (o.json) printJson(ctx.io, InfoOutput, { pot: potInfoOf(report) });
    else ctx.io.stdout(actions.formatPotInfo(report, o.v > 0));
  }
  return 0;
}

export const info: PotCommand = {
  name: 'info',
  help,
  async run(args, ctx) {
    const cmd = potParser('info')
      .option('-q', 'quiet')
      .option('-p <pname>', 'pot name')
      .option('-B <bname>', 'bridge name')
      .option('-r', 'running')
      .option('-E', 'environment')
      .option('-s', 'snapshots')
      .option('--json', 'JSON output');
    const o = Options.parse(parseArgs(cmd, args, help));
    ctx.mode.json = o.json ?? false;
    if (o.h) {
      ctx.io.stdout(help);
      return 0;
    }
    if (o.p === undefined && o.B === undefined) throw new UsageError('Option -p or -B are mandatory', help);
    if (o.p !== undefined && o.B !== undefined) throw new UsageError('Option -p and -B are mutually exclusive', help);
    if (o.q && o.v > 0) throw new UsageError('Option -q and -v are mutually exclusive', help);
    if (o.E && o.p === undefined) throw new UsageError('Environment variable output available for pot only', help);
    ctx.mode.quiet = o.q ?? false;
    const actx = actionContext(ctx, { verbose: o.v });
    requireFsRoot(actx.settings);
    if (o.p !== undefined) return potInfo(o.p, o, actx, ctx);
    const bname = o.B as string;
    if (!(await actions.listBridges(actx)).some((b) => b.name === bname)) throw notFound('bridge', bname);
    const { bridge, addresses } = await actions.bridgeInfo(actx, bname);
    if (o.q) return 0;
    if (o.json) printJson(ctx.io, InfoOutput, { bridge: { ...bridgeOf(bridge), addresses } });
    else for (const a of addresses) ctx.io.stdout(`\t${a.ip}\t${a.description}\n`);
    return 0;
  },
};
