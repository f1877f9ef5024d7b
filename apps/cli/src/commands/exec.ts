import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { collect, openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const help = `pot exec [-hvdt] [-e var=value] [-u username] [-U username]
         -p pot COMMAND
  -h print this help
  -v verbose
  -d detach, run in background
  -t allocate pty
  -e var=value : set environment variable, can be repeated
  -u username: The username from the host environment as whom the
               command should run
  -U username: The username from the pot environment as whom the
               command should run
  -p pot : the pot image

  COMMAND is the command to execute and will be executed in the
  username's $HOME
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  d: z.boolean().optional(),
  t: z.boolean().optional(),
  e: z.array(z.string()).optional(),
  u: z.string().optional(),
  U: z.string().optional(),
  p: z.string().optional(),
});

export const exec: PotCommand = {
  name: 'exec',
  help,
  async run(args, ctx) {
    // Everything after the first word that is not an option is the command, dashes included.
    const cmd = potParser('exec')
      .option('-d', 'detach')
      .option('-t', 'pty')
      .option('-e <var=value>', 'environment', collect)
      .option('-u <user>', 'host user')
      .option('-U <user>', 'pot user')
      .option('-p <pot>', 'pot')
      .argument('[command...]')
      .passThroughOptions();
    const opened = await openCommand({ name: 'exec', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    const command = cmd.args;
    if (command.length === 0) throw new UsageError('A command is mandatory');
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    const pot = o.p;
    return usageWithHelp(help, () =>
      actions.execInPot(actx, {
        pot,
        command,
        env: o.e ?? [],
        tty: o.t ?? false,
        detach: o.d ?? false,
        ...(o.u === undefined ? {} : { hostUser: o.u }),
        ...(o.U === undefined ? {} : { jailUser: o.U }),
      }),
    );
  },
};
