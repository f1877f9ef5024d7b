import { actions, isPotError } from '@pot/core';
import * as z from 'zod';
import { defineCommand } from '../definition.js';
import { HELP, json, option, QUIET, required, VERBOSE, WORKING_POT } from '../flags.js';
import { printJson, typedValue } from '../json-output/json-output.js';
import { GetAttributeOutput } from '../json-output/schemas.js';
import { usageWithHelp } from './usage-with-help.js';

const attributes = [...actions.READABLE_ATTRIBUTES].sort();

export const getAttribute = defineCommand({
  name: 'get-attribute',
  aliases: ['get-attr'],
  summary: 'Get an attribute from a pot',
  usageAs: 'get-attribute/get-attr',
  synopsis: 'pot get-attribute [-hvq] [--json] -p pot -A attribute',
  // shell pot logs get-attribute (only its get-attr alias was meant to be exempt)
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    q: { ...QUIET, help: ['quiet : print the value only (an empty line when it is not set)'] },
    json: json('print the value as JSON (YES/NO as booleans, null when not set)'),
    p: WORKING_POT,
    A: option('A', 'attribute', ['attribute : get value of attribute, one of', ...attributes.map((a) => `   + ${a}`)], {
      type: required('Option -A is mandatory'),
      complete: { values: attributes },
    }),
    V: { short: 'V', value: 'value', hidden: "shell pot's getopts string has V: too; the value is ignored", type: z.string().optional() },
  },
  run: async (o, c) => {
    let value: string | undefined;
    try {
      value = await usageWithHelp(c.help, () => actions.getAttribute(c.actx, { pot: o.p, attr: o.A }));
    } catch (error) {
      // -q: an unknown pot is told by the exit code alone, as in shell pot
      if (o.q && isPotError(error) && error.code === 'not-found') c.mode.quiet = true;
      throw error;
    }
    if (o.json) printJson(c.io, GetAttributeOutput, { pot: o.p, attribute: o.A, value: typedValue(value) });
    else if (o.q) c.io.stdout(`${value ?? ''}\n`);
    else actions.info(c.actx, value === undefined ? `The attribute ${o.A} is not set for the pot ${o.p}` : `${o.A}: ${value}`);
  },
});
