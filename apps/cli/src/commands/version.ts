import { defineCommand } from '../definition.js';
import { HELP, QUIET, VERBOSE } from '../flags.js';
import { PRODUCT_VERSION } from '../product-version.js';

export const version = defineCommand({
  name: 'version',
  summary: 'Show version of the pot command',
  synopsis: 'pot version [-hvq]',
  fsRoot: false,
  flags: { h: HELP, v: VERBOSE, q: QUIET },
  run: async (o, { io }) => {
    io.stdout(o.q ? `${PRODUCT_VERSION}\n` : `pot version: ${PRODUCT_VERSION}\n`);
  },
});
