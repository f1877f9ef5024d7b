import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot term [-hvf] [-p] potname
  -h print this help
  -v verbose
  -f start the pot, if it's not running
  -p potname : the pot (or the first argument)
`;

const Options = z.object({ h: z.boolean().optional(), v: z.number(), f: z.boolean().optional(), p: z.string().optional() });

/** `term` opens a shell in a running pot; `run` is `term -f` (shell pot's dispatcher alias). */
function consoleCommand(name: 'term' | 'run'): PotCommand {
  return {
    name,
    help,
    async run(args, ctx) {
      const cmd = potParser(name).option('-f', 'start').option('-p <potname>', 'pot').argument('[pname]').passThroughOptions();
      const opened = await openCommand({ name: 'term', cmd, schema: Options, help, logged: name === 'run' ? ['-f', ...args] : args }, args, ctx);
      if (!opened) return 0;
      const { o, actx } = opened;
      const pot = o.p ?? cmd.args[0];
      if (pot === undefined || pot === '') throw new UsageError('A pot name is mandatory', help);
      return actions.openConsole(actx, { pot, start: name === 'run' || (o.f ?? false) });
    },
  };
}

export const term = consoleCommand('term');
export const run = consoleCommand('run');
