import { z } from 'zod';
import type { PotCommand } from './common.js';
import { parseArgs, potParser } from './common.js';
import { PRODUCT_VERSION } from '../product-version.js';

const help = `pot version [-hvq]
  -h print this help
  -v verbose
  -q quiet
`;

const Options = z.object({ h: z.boolean().optional(), v: z.number(), q: z.boolean().optional() });

export const version: PotCommand = {
  name: 'version',
  help,
  async run(args, { io }) {
    const o = Options.parse(parseArgs(potParser('version').option('-q', 'quiet'), args, help));
    if (o.h) {
      io.stdout(help);
      return 0;
    }
    io.stdout(o.q ? `${PRODUCT_VERSION}\n` : `pot version: ${PRODUCT_VERSION}\n`);
    return 0;
  },
};
