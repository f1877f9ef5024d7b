import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { withInterruptSignal } from '../action-context.js';
import { bool, dryRun, HELP, option, required, VERBOSE } from '../flags.js';
import {
  addresses,
  addressFlag,
  bridgeFlag,
  DNS_HELP,
  dnsFlag,
  flavourFlag,
  networkFlag,
  newPotName,
  resolveFlavourFlags,
  stackFlag,
} from './new-pot-flags.js';
import { usageWithHelp } from './usage-with-help.js';

export const clone = defineCommand({
  name: 'clone',
  summary: 'Clone a pot, creating a new one',
  synopsis: 'pot clone [-hvFk] [--dry-run] -p potname -P basepot [-i ipaddr]',
  root: true,
  log: 'always',
  configCheck: 'guard',
  checkOrder: ['p', 'P'],
  flags: {
    h: HELP,
    v: VERBOSE,
    k: bool('k', 'keep the pot, if clone fails'),
    P: option('P', 'potname', ['potname : the pot to be cloned (template)'], { type: required('reference pot name is missing (option -P)'), complete: 'pot' }),
    s: option('s', 'snapshot', ['snapshot : the snapshot to be used to clone'], { complete: 'snapshot' }),
    p: option('p', 'potname', ['potname : the name of the pot that is created'], { type: newPotName('pot name is missing (option -p)') }),
    f: flavourFlag,
    N: networkFlag(['network-type : new network type of the cloned pot']),
    i: addressFlag(['ipaddr : an ip address or the keyword auto (if applicable)']),
    B: bridgeFlag,
    S: stackFlag,
    d: dnsFlag(DNS_HELP),
    F: bool('F', ': automatically take snapshots of dataset that has none'),
    dryRun: dryRun(),
  },
  run: async (o, c) => {
    const flavours = await resolveFlavourFlags(c.actx, o.f);
    const options = (signal: AbortSignal): actions.ClonePotOptions => ({
      pot: o.p,
      template: o.P,
      flavours,
      runCommand: c.runPot,
      keep: o.k,
      autoSnapshot: o.F,
      signal,
      ...(o.i.length === 0 ? {} : { ips: addresses(o.i) }),
      ...(o.N === undefined ? {} : { network: o.N }),
      ...(o.B === undefined ? {} : { bridge: o.B }),
      ...(o.S === undefined ? {} : { stack: o.S }),
      ...(o.d === undefined ? {} : { dns: o.d }),
      ...(o.s === undefined ? {} : { snapshot: o.s }),
    });
    await usageWithHelp(c.help, () => withInterruptSignal((signal) => actions.clonePot(c.actx, options(signal))));
  },
});
