import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, HELP, json, optionalPot, QUIET, VERBOSE } from '../flags.js';
import { potShowOf, printJson } from '../json-output/json-output.js';
import { ShowOutput } from '../json-output/schemas.js';

export const show = defineCommand({
  name: 'show',
  summary: 'Show information on pots',
  usageAs: 'show   ',
  synopsis: 'pot show [-hvaqr] [--json] [-p pname]',
  flags: {
    h: HELP,
    v: VERBOSE,
    a: bool('a', 'all pots'),
    r: bool('r', 'running pots (default)'),
    p: optionalPot('pname', ['pname : select the pot by name']),
    q: { ...QUIET, help: [': quiet (only pot names)'] },
    json: json('print the information as JSON'),
  },
  check(o, usage) {
    if ([o.p !== undefined, o.a, o.r].filter(Boolean).length > 1) usage('-p -r -a are mutually exclusive');
  },
  run: async (o, c) => {
    const names = o.p !== undefined ? [o.p] : await actions.potsToShow(c.actx, o.a);
    if (o.q && o.p === undefined) {
      if (o.json) printJson(c.io, ShowOutput, { names });
      else c.io.stdout(names.map((n) => `${n}\n`).join(''));
      return;
    }
    // JSON has sizes in bytes (numbers); the report keeps the tools' human-readable text
    const options = { verbose: o.v > 0, exact: o.json };
    const reports = o.p !== undefined ? [await actions.showPot(c.actx, o.p, options)] : await actions.showPots(c.actx, names, options);
    if (o.json) printJson(c.io, ShowOutput, { pots: reports.map(potShowOf) });
    else for (const r of reports) c.io.stdout(actions.formatPotShow(r));
  },
});
