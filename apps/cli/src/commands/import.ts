import { actions } from '@pot/core';
import * as z from 'zod';
import { defineCommand } from '../definition.js';
import { dryRun, HELP, option, required, VERBOSE } from '../flags.js';

export const importPot = defineCommand({
  name: 'import',
  summary: 'Import a pot from a file or a URL',
  synopsis: 'pot import [-hv] [--dry-run] -p pot -t tag -U URL [-C pubkey]',
  root: true,
  log: 'always',
  checkOrder: ['U', 'p', 't'],
  configCheck: 'guard',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: option('p', 'pot', ['pot : the remote pot name'], { type: required('A remote pot name is mandatory') }),
    t: option('t', 'tag', ['tag : the tag of the pot'], { type: required('A tag name is mandatory') }),
    U: option('U', 'URL', ['URL : the base URL where to find the image file'], {
      type: z.string().min(1, { error: 'Argument of -U cannot be empty' }).optional(),
    }),
    C: option('C', 'pubkey', ["pubkey : verify with public key 'pubkey' using signify(1)"], { complete: 'file' }),
    dryRun: dryRun(),
  },
  run: async (o, c) => {
    await actions.importPot(c.actx, { remote: o.p, tag: o.t, ...(o.U === undefined ? {} : { url: o.U }), ...(o.C === undefined ? {} : { pubkey: o.C }) });
  },
});
