import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import { printJson } from '../json-output/json-output.js';
import { ConfigOutput } from '../json-output/schemas.js';
import type { PotCommand } from './common.js';
import { parseArgs, potParser, requireFsRoot } from './common.js';

const help = `pot config [-hvq] [--json] [-g name]
  -h print this help
  -v verbose
  -q quiet
  --json print {"name", "label", "value"} as JSON
  -g name : get value of config item "name", one of:
${[...actions.CONFIG_NAMES].sort().map((n) => `     + ${n}\n`).join('')}`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  q: z.boolean().optional(),
  json: z.boolean().optional(),
  g: z.string().optional(),
});

export const config: PotCommand = {
  name: 'config',
  help,
  async run(args, ctx) {
    const cmd = potParser('config').option('-q', 'quiet').option('--json', 'JSON output').option('-g <name>', 'config item');
    const o = Options.parse(parseArgs(cmd, args, help));
    ctx.mode.quiet = o.q ?? false;
    ctx.mode.json = o.json ?? false;
    if (o.h) {
      ctx.io.stdout(help);
      return 0;
    }
    if (o.g === undefined) throw new UsageError('option -g is mandatory', help);
    if (!actions.isConfigName(o.g)) throw new UsageError(`${o.g} is not a valid name`, help);
    const settings = actions.loadSettings(ctx.io.env);
    requireFsRoot(settings);
    const value = actions.configValue(settings, o.g);
    if (o.json) printJson(ctx.io, ConfigOutput, { ...value, value: value.value === '' ? null : value.value });
    else if (o.q) ctx.io.stdout(`${value.value}\n`);
    else ctx.io.stdout(`${value.label} = ${value.value}\n`);
    return 0;
  },
};
