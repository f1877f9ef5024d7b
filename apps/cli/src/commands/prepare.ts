import { actions, parsePortSpec } from '@pot/core';
import * as z from 'zod';
import { defineCommand } from '../definition.js';
import { bool, dryRun, HELP, option, POT_NAME_MANDATORY, required, repeated, VERBOSE } from '../flags.js';
import { addresses, addressFlag, bridgeFlag, DNS_HELP, dnsFlag, NETWORK_TYPES, networkFlag, stackFlag } from './new-pot-flags.js';
import { usageWithHelp } from './usage-with-help.js';

/** A port to export; prepare's message is its own. */
const portSpec = z.string().superRefine((text, ctx) => {
  try {
    parsePortSpec(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: `${text} is not a valid port number` });
  }
});

export const prepare = defineCommand({
  name: 'prepare',
  summary: 'Import and prepare a pot, used by orchestrators',
  synopsis: `pot prepare [-hvs] [--dry-run] -p pot -U URL -t tag -a aID -n potname -c cmd
            [-e [proto:]port[:pot_port]] [-N network-type]
            [-i ipaddr] [-B bridge-name] [-S network-stack] [-d dns] [-C pubkey]`,
  root: true,
  log: 'always',
  configCheck: 'guard',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: option('p', 'pot', ['pot : the pot image'], { type: required(POT_NAME_MANDATORY) }),
    U: option('U', 'URL', ['URL : the base URL where to find the image file']),
    t: option('t', 'tag', ['tag : the tag of the pot'], { type: required('A tag is mandatory') }),
    a: option('a', 'aID', ['aID : the allocation ID'], { type: required('An allocation id is mandatory') }),
    n: option('n', 'potname', ['potname : the new potname (used instead of pot_tag)']),
    c: option('c', 'cmd', ['cmd : the command line to start the container'], { complete: 'command' }),
    // `host` is prepare's word for inherit
    N: networkFlag(['network-type : new network type of the imported pot'], ['host', ...NETWORK_TYPES]),
    i: addressFlag(['ipaddr : an ip address or the keyword auto (if applicable)']),
    e: repeated(
      'e',
      '[proto:]port[:pot_port]',
      [
        '[proto:]port[:pot_port] : port(s) to export',
        '       This option can be repeated to export multiple ports.',
        '       See `pot help export-ports` for details.',
      ],
      { item: portSpec },
    ),
    B: bridgeFlag,
    S: stackFlag,
    d: dnsFlag(DNS_HELP),
    s: bool('s', ': start the newly generated pot immediately'),
    C: option('C', 'pubkey', ["pubkey : verify with public key 'pubkey' using signify(1)", '            on pot import'], { complete: 'file' }),
    dryRun: dryRun(),
  },
  check(o, usage) {
    if (o.N === 'private-bridge' && (o.B ?? '') === '') usage('A bridge name has to be provided if private-bridge is selected as network-type');
  },
  run: async (o, c) => {
    const network = o.N === 'host' ? 'inherit' : o.N;
    const options: actions.PreparePotOptions = {
      remote: o.p,
      tag: o.t,
      allocation: o.a,
      ports: o.e.map(parsePortSpec),
      start: o.s,
      ...(o.U === undefined ? {} : { url: o.U }),
      ...(o.n === undefined || o.n === '' ? {} : { name: o.n }),
      ...(o.c === undefined ? {} : { cmd: o.c }),
      ...(network === undefined ? {} : { network }),
      ...(o.i.length === 0 ? {} : { ips: addresses(o.i) }),
      ...(o.B === undefined ? {} : { bridge: o.B }),
      ...(o.S === undefined ? {} : { stack: o.S }),
      ...(o.d === undefined ? {} : { dns: o.d }),
      ...(o.C === undefined ? {} : { pubkey: o.C }),
    };
    const prepared = await usageWithHelp(c.help, () => actions.preparePot(c.actx, options));
    return prepared.exitCode;
  },
});
