import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { HELP, json, potFlag, VERBOSE } from '../flags.js';
import { printJson } from '../json-output/json-output.js';
import { LastRunStatsOutput } from '../json-output/schemas.js';

/** The ExitCode start recorded (null when there is none or the file is unreadable). */
function exitCodeOf(stats: string): number | null {
  try {
    const code: unknown = (JSON.parse(stats) as { ExitCode?: unknown }).ExitCode;
    return Number.isInteger(code) ? (code as number) : null;
  } catch {
    return null;
  }
}

export const lastRunStats = defineCommand({
  name: 'last-run-stats',
  summary: "Get statistics about a pot's last run",
  synopsis: 'pot last-run-stats [-hv] [--json] -p pname',
  log: 'debug',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: potFlag('pname', ['pname : pot name']),
    json: json(': print {schemaVersion, pot, exitCode} (without it: shell pot\'s {"ExitCode": N})'),
  },
  run: async (o, c) => {
    const stats = await actions.lastRunStats(c.actx, o.p);
    if (o.json) printJson(c.io, LastRunStatsOutput, { pot: o.p, exitCode: exitCodeOf(stats) });
    else c.io.stdout(stats);
  },
});
