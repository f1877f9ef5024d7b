import { actions } from '@pot/core';
import { z } from 'zod';
import type { CliIO } from '../io.js';
import { printJson } from '../json-output/json-output.js';
import { DoctorOutput } from '../json-output/schemas.js';
import type { PotCommand } from './common.js';
import { actionContext, parseArgs, potParser } from './common.js';

const help = `pot doctor [-hv] [--json]
  -h print this help
  -v verbose (also list the checks that passed)
  --json print the findings as JSON
  Checks that this host is ready for pot: ZFS pool, VIMAGE, pf, racct,
  vtnet LRO, POT_EXTIF and the network configuration. Exit 1 on any error.
`;

const Options = z.object({ h: z.boolean().optional(), v: z.number(), json: z.boolean().optional() });

const MARK: Record<actions.Severity, string> = { ok: 'ok     ', warning: 'warning', error: 'error  ' };

export function printFindings(io: CliIO, findings: actions.Finding[], all = true): void {
  for (const f of findings) {
    if (f.severity === 'ok' && !all) continue;
    io.stdout(`${MARK[f.severity]} ${f.check}: ${f.message}\n`);
    if (f.fix) io.stdout(`        fix: ${f.fix}\n`);
  }
}

export const doctor: PotCommand = {
  name: 'doctor',
  help,
  async run(args, ctx) {
    const o = Options.parse(parseArgs(potParser('doctor').option('--json', 'JSON output'), args, help));
    ctx.mode.json = o.json ?? false;
    if (o.h) {
      ctx.io.stdout(help);
      return 0;
    }
    const findings = await actions.doctor(actionContext(ctx, { verbose: o.v, warnConfig: false, tolerantConfig: true }));
    if (o.json) printJson(ctx.io, DoctorOutput, { findings: findings.map((f) => ({ ...f, fix: f.fix ?? null })) });
    else printFindings(ctx.io, findings);
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
};
