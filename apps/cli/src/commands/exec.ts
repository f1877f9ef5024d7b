import { actions } from '@pot/core';
import * as z from 'zod';
import { defineCommand } from '../definition.js';
import { bool, HELP, option, potFlag, repeated, VERBOSE } from '../flags.js';
import { usageWithHelp } from './usage-with-help.js';

const COMMAND_MANDATORY = 'A command is mandatory';

export const exec = defineCommand({
  name: 'exec',
  summary: 'Execute a progam inside of a pot',
  synopsis: 'pot exec [-hvdt] [-e var=value] [-u username] [-U username]\n         -p pot COMMAND',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    d: bool('d', 'detach, run in background'),
    t: bool('t', 'allocate pty'),
    e: repeated('e', 'var=value', ['var=value : set environment variable, can be repeated']),
    u: option('u', 'username', ['username: The username from the host environment as whom the', '             command should run'], { complete: 'user' }),
    U: option('U', 'username', ['username: The username from the pot environment as whom the', '             command should run']),
    p: potFlag('pot', ['pot : the pot image']),
  },
  // everything after the first word that is not an option is the command, dashes included
  operands: {
    command: {
      name: 'COMMAND',
      rest: true,
      help: ['', 'COMMAND is the command to execute and will be executed in the', "username's $HOME"],
      type: z.array(z.string(), { error: COMMAND_MANDATORY }).min(1, { error: COMMAND_MANDATORY }),
      complete: 'command',
    },
  },
  run: async (o, c) =>
    usageWithHelp(c.help, () =>
      actions.execInPot(c.actx, {
        pot: o.p,
        command: o.command,
        env: o.e,
        tty: o.t,
        detach: o.d,
        ...(o.u === undefined ? {} : { hostUser: o.u }),
        ...(o.U === undefined ? {} : { jailUser: o.U }),
      }),
    ),
});
