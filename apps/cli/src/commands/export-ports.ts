import { actions, isPotError, parsePortSpec, type PortSpec } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';

const help = `pot export-ports [-hv] [--dry-run] -p pot -e [proto:]pot_port[:host_port] ...
  -h print this help
  -v verbose
  -p pot : the working pot
  -e [proto:]pot_port[:host_port] : port(s) to export
         proto can be tcp (default) or udp
         pot_port is the port inside the pot
         host_port : a static port on the host to redirect from
                     dynamically allocated at start by default
         This option can be repeated to export multiple ports.
  --dry-run print what would be done instead of doing it

     Examples:
       -e 80            redirect a dynamic host port to tcp port 80 of the pot
       -e 80:30000      redirect host port 30000 to tcp port 80 of the pot
       -e tcp:80:30000  the same, with the protocol spelled out
       -e udp:53:30053  redirect udp host port 30053 to udp port 53 of the pot
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  e: z.array(z.string()).optional(),
  dryRun: z.boolean().optional(),
});

function specOf(text: string): PortSpec {
  try {
    return parsePortSpec(text);
  } catch (error) {
    if (isPotError(error)) throw new UsageError(error.message, help);
    throw error;
  }
}

export const exportPorts: PotCommand = {
  name: 'export-ports',
  help,
  async run(args, ctx) {
    const cmd = potParser('export-ports')
      .option('-p <pname>', 'pot name')
      .option('-e <spec>', 'port to export', (value: string, previous: string[] = []) => [...previous, value])
      .option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'export-ports', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    const specs = (o.e ?? []).map(specOf);
    await actions.exportPorts(actx, { pot: o.p, specs });
    return 0;
  },
};
