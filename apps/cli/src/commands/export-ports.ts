import { actions, parsePortSpec } from '@pot/core';
import { defineCommand } from '../definition.js';
import { checkedBy, dryRun, HELP, repeated, VERBOSE, WORKING_POT } from '../flags.js';

export const exportPorts = defineCommand({
  name: 'export-ports',
  summary: 'Allows exposing tcp and udp ports',
  synopsis: 'pot export-ports [-hv] [--dry-run] -p pot -e [proto:]pot_port[:host_port] ...',
  root: true,
  log: 'always',
  flags: {
    h: HELP,
    v: VERBOSE,
    p: WORKING_POT,
    e: repeated(
      'e',
      '[proto:]pot_port[:host_port]',
      [
        '[proto:]pot_port[:host_port] : port(s) to export',
        '       proto can be tcp (default) or udp',
        '       pot_port is the port inside the pot',
        '       host_port : a static port on the host to redirect from',
        '                   dynamically allocated at start by default',
        '       This option can be repeated to export multiple ports.',
      ],
      { item: checkedBy(parsePortSpec) },
    ),
    dryRun: dryRun('print what would be done instead of doing it'),
  },
  notes: `
     Examples:
       -e 80            redirect a dynamic host port to tcp port 80 of the pot
       -e 80:30000      redirect host port 30000 to tcp port 80 of the pot
       -e tcp:80:30000  the same, with the protocol spelled out
       -e udp:53:30053  redirect udp host port 30053 to udp port 53 of the pot
`,
  run: async (o, c) => {
    await actions.exportPorts(c.actx, { pot: o.p, specs: o.e.map(parsePortSpec) });
  },
});
