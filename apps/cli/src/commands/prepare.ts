import { actions, isPotError, parsePortSpec, type PortSpec } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { checkNetworkFlags, DNS_HELP, networkFlagFields } from './new-pot-flags.js';
import { collect, openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const help = `pot prepare [-hvs] [--dry-run] -p pot -U URL -t tag -a aID -n potname -c cmd
            [-e [proto:]port[:pot_port]] [-N network-type]
            [-i ipaddr] [-B bridge-name] [-S network-stack] [-d dns] [-C pubkey]
  -h print this help
  -v verbose
  -p pot : the pot image
  -U URL : the base URL where to find the image file
  -t tag : the tag of the pot
  -a aID : the allocation ID
  -n potname : the new potname (used instead of pot_tag)
  -c cmd : the command line to start the container
  -N network-type : new network type of the imported pot
  -i ipaddr : an ip address or the keyword auto (if applicable)
  -e [proto:]port[:pot_port] : port(s) to export
         This option can be repeated to export multiple ports.
         See \`pot help export-ports\` for details.
  -B bridge-name : the name of the private bridge to be used
  -S network-stack : the network stack (ipv4, ipv6 or dual)
${DNS_HELP}  -s : start the newly generated pot immediately
  -C pubkey : verify with public key 'pubkey' using signify(1)
              on pot import
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  U: z.string().optional(),
  t: z.string().optional(),
  c: z.string().optional(),
  a: z.string().optional(),
  n: z.string().optional(),
  e: z.array(z.string()).optional(),
  s: z.boolean().optional(),
  ...networkFlagFields,
  C: z.string().optional(),
  dryRun: z.boolean().optional(),
});

function specOf(text: string): PortSpec {
  try {
    return parsePortSpec(text);
  } catch (error) {
    if (isPotError(error)) throw new UsageError(`${text} is not a valid port number`, help);
    throw error;
  }
}

export const prepare: PotCommand = {
  name: 'prepare',
  help,
  async run(args, ctx) {
    const cmd = potParser('prepare')
      .option('-p <pot>', 'image pot')
      .option('-U <URL>', 'base URL')
      .option('-t <tag>', 'tag')
      .option('-c <cmd>', 'command')
      .option('-a <aID>', 'allocation id')
      .option('-n <potname>', 'new pot name')
      .option('-e <port>', 'port to export', collect)
      .option('-s', 'start')
      .option('-N <network-type>', 'network type')
      .option('-i <ipaddr>', 'address', collect)
      .option('-B <bridge>', 'bridge')
      .option('-S <stack>', 'stack')
      .option('-d <dns>', 'dns')
      .option('-C <pubkey>', 'public key')
      .option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'prepare', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    const ports = (o.e ?? []).map(specOf);
    const network = o.N === 'host' ? 'inherit' : o.N;
    checkNetworkFlags({ network, stack: o.S, dns: o.d }, help);
    if (o.p === undefined || o.p === '') throw new UsageError('A pot name is mandatory', help);
    if (o.t === undefined || o.t === '') throw new UsageError('A tag is mandatory', help);
    if (o.a === undefined || o.a === '') throw new UsageError('An allocation id is mandatory', help);
    if (network === 'private-bridge' && (o.B ?? '') === '') throw new UsageError('A bridge name has to be provided if private-bridge is selected as network-type', help);
    const options: actions.PreparePotOptions = {
      remote: o.p,
      tag: o.t,
      allocation: o.a,
      ports,
      start: o.s ?? false,
      ...(o.U === undefined ? {} : { url: o.U }),
      ...(o.n === undefined || o.n === '' ? {} : { name: o.n }),
      ...(o.c === undefined ? {} : { cmd: o.c }),
      ...(network === undefined ? {} : { network }),
      ...(o.i === undefined ? {} : { ips: o.i.flatMap((v) => v.split(' ').filter((w) => w !== '')) }),
      ...(o.B === undefined ? {} : { bridge: o.B }),
      ...(o.S === undefined ? {} : { stack: o.S as NonNullable<actions.PreparePotOptions['stack']> }),
      ...(o.d === undefined ? {} : { dns: o.d }),
      ...(o.C === undefined ? {} : { pubkey: o.C }),
    };
    const prepared = await usageWithHelp(help, () => actions.preparePot(actx, options));
    return prepared.exitCode;
  },
};
