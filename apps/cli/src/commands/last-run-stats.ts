import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { printJson } from '../json-output/json-output.js';
import { LastRunStatsOutput } from '../json-output/schemas.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot last-run-stats [-hv] [--json] -p pname
  -h print this help
  -v verbose
  -p pname : pot name
  --json : print {schemaVersion, pot, exitCode} (without it: shell pot's {"ExitCode": N})
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  json: z.boolean().optional(),
});

/** The ExitCode start recorded (null when there is none or the file is unreadable). */
function exitCodeOf(stats: string): number | null {
  try {
    const code: unknown = (JSON.parse(stats) as { ExitCode?: unknown }).ExitCode;
    return Number.isInteger(code) ? (code as number) : null;
  } catch {
    return null;
  }
}

export const lastRunStats: PotCommand = {
  name: 'last-run-stats',
  help,
  async run(args, ctx) {
    const cmd = potParser('last-run-stats').option('-p <pname>', 'pot name').option('--json', 'JSON output');
    const opened = await openCommand({ name: 'last-run-stats', cmd, schema: Options, help, readOnly: true }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    ctx.mode.json = o.json ?? false;
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    const stats = await actions.lastRunStats(actx, o.p);
    if (o.json) printJson(ctx.io, LastRunStatsOutput, { pot: o.p, exitCode: exitCodeOf(stats) });
    else ctx.io.stdout(stats);
    return 0;
  },
};
