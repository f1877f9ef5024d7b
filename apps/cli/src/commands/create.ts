import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { withInterruptSignal } from '../action-context.js';
import { bool, dryRun, HELP, oneOf, option, VERBOSE } from '../flags.js';
import { addresses, addressFlag, bridgeFlag, dnsFlag, flavourFlag, networkFlag, newPotName, resolveFlavourFlags, stackFlag } from './new-pot-flags.js';

export const create = defineCommand({
  name: 'create',
  summary: 'Create a new pot (jail)',
  synopsis: `pot create [-hv] -p potname [-N network-type] [-i ipaddr]
           [-l lvl] [-f flavour] [-b base|-P basepot]
           [-d dns] [-t type] [--dry-run]`,
  root: true,
  log: 'always',
  configCheck: 'guard',
  flags: {
    h: HELP,
    v: VERBOSE,
    k: bool('k', 'keep the pot, if create fails'),
    p: option('p', 'potname', ['potname : the pot name (mandatory)'], { type: newPotName('pot name is missing') }),
    l: option('l', 'lvl', ['lvl : pot level (only for type multi)'], { complete: { values: ['0', '1', '2'] } }),
    b: option('b', 'base', ['base : the base pot'], { complete: 'base' }),
    P: option('P', 'pot', ['pot : the pot to be used as reference'], { complete: 'pot' }),
    d: dnsFlag([
      'dns : pot dns resolver configuration, one of',
      '         inherit*       - inherit from jailhost (*default)',
      '         pot            - the pot configured in POT_DNS_NAME',
      '         custom:<file>  - copy <file> into pot configuration',
      '         off            - leave resolver config unaltered',
    ]),
    f: flavourFlag,
    t: option(
      't',
      'type',
      [
        'type: pot file system layout, one of',
        '         single         - the pot is based on a unique ZFS dataset',
        '         multi*         - the pot is composed by a classical',
        '                          collection of 3 ZFS datasets (*default)',
      ],
      { type: oneOf(['multi', 'single'], (value) => `Type ${value} not supported`) },
    ),
    N: networkFlag([
      'network-type: pot network layout, one of',
      '         inherit*       - inherit the host network stack (*default)',
      '         alias          - configure a static ip alias directly on',
      "                          the host's NIC",
      '         public-bridge  - use the common internal public bridge',
      '         private-bridge - use an internal private bridge (with -B)',
    ]),
    i: addressFlag([
      'ipaddr : IP address selection, one of',
      '         auto*          - automatically assign address (*default),',
      '                          only works with (public|private)-bridge',
      '         ipaddr         - mandatory with alias,',
      '                          also works with (public|private)-bridge',
    ]),
    B: bridgeFlag,
    S: stackFlag,
    dryRun: dryRun(),
  },
  run: async (o, c) => {
    const flavours = await resolveFlavourFlags(c.actx, o.f);
    await withInterruptSignal((signal) =>
      actions.createPot(c.actx, {
        flavours,
        runCommand: c.runPot,
        pot: o.p,
        type: o.t ?? 'multi',
        network: o.N ?? 'inherit',
        ips: addresses(o.i),
        dns: o.d ?? 'inherit',
        keep: o.k,
        signal,
        ...(o.l === undefined ? {} : { level: o.l }),
        ...(o.b === undefined ? {} : { base: o.b }),
        ...(o.P === undefined ? {} : { potbase: o.P }),
        ...(o.B === undefined ? {} : { bridge: o.B }),
        ...(o.S === undefined ? {} : { stack: o.S }),
      }),
    );
  },
});
