import { actions } from '@pot/core';
import * as z from 'zod';
import { defineCommand } from '../definition.js';
import { HELP, json, option, QUIET, VERBOSE } from '../flags.js';
import { printJson } from '../json-output/json-output.js';
import { ConfigOutput } from '../json-output/schemas.js';

const names = [...actions.CONFIG_NAMES].sort();

export const config = defineCommand({
  name: 'config',
  summary: 'Show pot framework configuration',
  usageAs: 'config ',
  synopsis: 'pot config [-hvq] [--json] [-g name]',
  flags: {
    h: HELP,
    v: VERBOSE,
    // -q: errors too are told by the exit code alone
    q: { ...QUIET, quietErrors: true },
    json: json('print {"name", "label", "value"} as JSON'),
    g: option('g', 'name', ['name : get value of config item "name", one of:', ...names.map((n) => `   + ${n}`)], {
      type: z.string({ error: 'option -g is mandatory' }).refine(actions.isConfigName, { error: (issue) => `${String(issue.input)} is not a valid name` }),
      complete: { values: names },
    }),
  },
  run: async (o, c) => {
    const value = actions.configValue(c.actx.settings, o.g as Parameters<typeof actions.configValue>[1]);
    if (o.json) printJson(c.io, ConfigOutput, { ...value, value: value.value === '' ? null : value.value });
    else if (o.q) c.io.stdout(`${value.value}\n`);
    else c.io.stdout(`${value.label} = ${value.value}\n`);
  },
});
