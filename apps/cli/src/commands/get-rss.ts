import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, HELP, json, VERBOSE, WORKING_POT } from '../flags.js';
import { printJson, resourceUsageOf } from '../json-output/json-output.js';
import { GetRssOutput } from '../json-output/schemas.js';

export const getRss = defineCommand({
  name: 'get-rss',
  summary: 'Get the current resource usage',
  synopsis: 'pot get-rss [-hv] [-J|--json] -p pot',
  root: true,
  log: 'debug',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: WORKING_POT,
    J: bool('J', ": output in JSON format (nomad-pot-driver's shape)"),
    json: json(": output in pot's JSON contract (schemaVersion, camelCase)"),
  },
  check(o, usage) {
    if (o.J && o.json) usage('-J and --json are mutually exclusive');
  },
  run: async (o, c) => {
    const usage = await actions.potResourceUsage(c.actx, o.p);
    if (o.json) printJson(c.io, GetRssOutput, resourceUsageOf(usage));
    else c.io.stdout(o.J ? actions.formatResourceUsageJson(usage) : actions.formatResourceUsage(usage));
  },
});
