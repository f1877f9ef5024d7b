import { actions, isPotError } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { printJson, typedValue } from '../json-output/json-output.js';
import { GetAttributeOutput } from '../json-output/schemas.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const attributeLines = [...actions.READABLE_ATTRIBUTES].sort().map((a) => `     + ${a}\n`).join('');

const help = `pot get-attribute [-hvq] [--json] -p pot -A attribute
  -h print this help
  -v verbose
  -q quiet : print the value only (an empty line when it is not set)
  --json print the value as JSON (YES/NO as booleans, null when not set)
  -p pot : the working pot
  -A attribute : get value of attribute, one of
${attributeLines}`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  q: z.boolean().optional(),
  p: z.string().optional(),
  A: z.string().optional(),
  V: z.string().optional(),
  json: z.boolean().optional(),
});

export const getAttribute: PotCommand = {
  name: 'get-attribute',
  help,
  async run(args, ctx) {
    const cmd = potParser('get-attribute')
      .option('-q', 'quiet')
      .option('-p <pname>', 'pot name')
      .option('-A <attr>', 'attribute')
      // shell pot's getopts string has V: too; the value is ignored
      .option('-V <value>', 'ignored')
      .option('--json', 'JSON output');
    // shell pot logs get-attribute (only its get-attr alias was meant to be exempt)
    const opened = await openCommand({ name: 'get-attribute', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    ctx.mode.json = o.json ?? false;
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    if (o.A === undefined || o.A === '') throw new UsageError('Option -A is mandatory', help);
    const { p: pot, A: attr } = o;
    let value: string | undefined;
    try {
      value = await usageWithHelp(help, () => actions.getAttribute(actx, { pot, attr }));
    } catch (error) {
      // -q: an unknown pot is told by the exit code alone, as in shell pot
      if (o.q && isPotError(error) && error.code === 'not-found') ctx.mode.quiet = true;
      throw error;
    }
    if (o.json) printJson(ctx.io, GetAttributeOutput, { pot, attribute: attr, value: typedValue(value) });
    else if (o.q) ctx.io.stdout(`${value ?? ''}\n`);
    else actions.info(actx, value === undefined ? `The attribute ${attr} is not set for the pot ${pot}` : `${attr}: ${value}`);
    return 0;
  },
};
