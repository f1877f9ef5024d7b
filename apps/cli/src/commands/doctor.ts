import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { HELP, json, VERBOSE } from '../flags.js';
import type { CliIO } from '../io.js';
import { printJson } from '../json-output/json-output.js';
import { DoctorOutput } from '../json-output/schemas.js';

const MARK: Record<actions.Severity, string> = { ok: 'ok     ', warning: 'warning', error: 'error  ' };

export function printFindings(io: CliIO, findings: actions.Finding[], all = true): void {
  for (const f of findings) {
    if (f.severity === 'ok' && !all) continue;
    io.stdout(`${MARK[f.severity]} ${f.check}: ${f.message}\n`);
    if (f.fix) io.stdout(`        fix: ${f.fix}\n`);
  }
}

export const doctor = defineCommand({
  name: 'doctor',
  summary: 'Check that this host is ready for pot',
  usageAs: 'doctor ',
  synopsis: 'pot doctor [-hv] [--json]',
  fsRoot: false,
  configCheck: 'tolerant',
  flags: {
    h: HELP,
    v: { ...VERBOSE, help: ['verbose (also list the checks that passed)'] },
    json: json('print the findings as JSON'),
  },
  notes: `  Checks that this host is ready for pot: ZFS pool, VIMAGE, pf, racct,
  vtnet LRO, POT_EXTIF and the network configuration; and the installation:
  configuration files, potnet on PATH seeing the same network, Node, release
  manifests, pot init, rc.d for start-at-boot pots. Exit 1 on any error.
`,
  run: async (o, c) => {
    const findings = await actions.doctor(c.actx, c.io.env);
    if (o.json) printJson(c.io, DoctorOutput, { findings: findings.map((f) => ({ ...f, fix: f.fix ?? null })) });
    else printFindings(c.io, findings);
    return findings.some((f) => f.severity === 'error') ? 1 : 0;
  },
});
