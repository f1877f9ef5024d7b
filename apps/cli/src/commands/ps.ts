import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { HELP, json, QUIET, VERBOSE } from '../flags.js';
import { printJson } from '../json-output/json-output.js';
import { PsOutput } from '../json-output/schemas.js';

export const ps = defineCommand({
  name: 'ps',
  summary: 'Show running pots',
  usageAs: 'ps     ',
  synopsis: 'pot ps [-hvq] [--json]',
  flags: {
    h: HELP,
    v: VERBOSE,
    q: { ...QUIET, help: ['quiet : only print pot names'] },
    json: json('print the running pots and the network state as JSON'),
  },
  run: async (o, c) => {
    const state = await actions.potPs(c.actx);
    if (o.json) {
      printJson(c.io, PsOutput, { networkUp: state.networkUp ?? null, running: state.running });
      return;
    }
    if (!o.q) {
      if (state.networkUp === undefined) actions.info(c.actx, 'Need privileges to read internal network status');
      else actions.info(c.actx, state.networkUp ? 'Internal network up' : 'Internal network down');
    }
    for (const name of state.running) c.io.stdout(`${name}\n`);
  },
});
