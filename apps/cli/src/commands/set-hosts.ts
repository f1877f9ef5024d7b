import { actions } from '@pot/core';
import { defineCommand } from '../definition.js';
import { checkedBy, dryRun, HELP, repeated, VERBOSE, WORKING_POT } from '../flags.js';
import { usageWithHelp } from './usage-with-help.js';

export const setHosts = defineCommand({
  name: 'set-hosts',
  summary: 'Set /etc/hosts entries inside a pot',
  synopsis: 'pot set-hosts [-hv] [--dry-run] -p pot -H hostname:IP',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: WORKING_POT,
    H: repeated('H', 'hostname:IP', ['hostname:IP : hostname-to-IP resolution to be added', '                 to /etc/hosts, can be used multiple times'], {
      item: checkedBy(actions.hostEntry),
    }),
    dryRun: dryRun('print the new pot.conf instead of writing it'),
  },
  run: async (o, c) => {
    await usageWithHelp(c.help, () => actions.setPotHosts(c.actx, { pot: o.p, hosts: o.H }));
  },
});
