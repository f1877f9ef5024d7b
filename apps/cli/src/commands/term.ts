import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { bool, HELP, potFlag, potOperand, VERBOSE } from '../flags.js';

/** `term` opens a shell in a running pot; `run` is `term -f` (shell pot's dispatcher alias). */
function consoleCommand(name: 'term' | 'run', summary: string, usageAs: string) {
  return defineCommand({
    name,
    summary,
    usageAs,
    synopsis: 'pot term [-hvf] [-p] potname',
    root: true,
    log: 'always',
    // startPot checks it when run starts the pot
    configCheck: 'own',
    logAs: { name: 'term', argv: (args) => (name === 'run' ? ['-f', ...args] : args) },
    flags: {
      h: HELP,
      v: VERBOSE,
      f: bool('f', "start the pot, if it's not running"),
      p: potFlag('potname', ['potname : the pot (or the first argument)']),
    },
    operands: { pname: potOperand('potname', []) },
    run: async (o, c) => actions.openConsole(c.actx, { pot: o.p, start: name === 'run' || o.f }),
  });
}

export const term = consoleCommand('term', 'Open terminal inside of a pot', 'term');
export const run = consoleCommand('run', 'Same as term, but start pot if it is not running', 'run');
