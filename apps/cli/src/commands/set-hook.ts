import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, option, VERBOSE, WORKING_POT } from '../flags.js';

const hook = (short: string, which: string) => option(short, 'hook', [`hook : the ${which} hook`], { complete: 'file' });

export const setHook = defineCommand({
  name: 'set-hook',
  summary: 'Set hook scripts for a pot',
  synopsis: 'pot set-hook [-hv] [--dry-run] -p pot [-s hook] [-S hook] [-t hook] [-T hook]',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: WORKING_POT,
    s: hook('s', 'pre-start'),
    S: hook('S', 'post-start'),
    t: hook('t', 'pre-stop'),
    T: hook('T', 'post-stop'),
    dryRun: dryRun('print the copies instead of making them'),
  },
  run: async (o, c) => {
    const given: Array<[actions.HookName, string | undefined]> = [
      ['prestart', o.s],
      ['poststart', o.S],
      ['prestop', o.t],
      ['poststop', o.T],
    ];
    await actions.setHooks(c.actx, o.p, Object.fromEntries(given.filter(([, script]) => script !== undefined)));
  },
});
