import { actions } from '@pot/core';
import * as z from 'zod';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, potFlag, potOperand, VERBOSE } from '../flags.js';

export const stop = defineCommand({
  name: 'stop',
  summary: 'Stop a pot (jail)',
  synopsis: 'pot stop [-hv] [--dry-run] [-p] potname',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: potFlag('potname', ['potname : the pot to be stopped']),
    // shell pot's internal flags (start's cleanup); kept for scripts that call them
    i: { short: 'i', value: 'ifaces', hidden: "start's cleanup: the interfaces to remove", type: z.string().optional() },
    s: { short: 's', hidden: "start's cleanup: called from start", type: z.boolean().default(false) },
    dryRun: dryRun(),
  },
  operands: { pname: potOperand('potname', ['potname : the pot to be stopped if "-p potname" not given']) },
  run: async (o, c) => {
    await actions.stopPot(c.actx, { pot: o.p, fromStart: o.s, ...(o.i === undefined ? {} : { interfaces: o.i }) });
  },
});
