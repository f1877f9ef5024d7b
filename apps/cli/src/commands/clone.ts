import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { checkNetworkFlags, DNS_HELP, networkFlagFields, resolveFlavourFlags } from './new-pot-flags.js';
import { collect, openCommand, potCommandRunner, potParser, withInterruptSignal } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

const help = `pot clone [-hvFk] [--dry-run] -p potname -P basepot [-i ipaddr]
  -h print this help
  -v verbose
  -k keep the pot, if clone fails
  -P potname : the pot to be cloned (template)
  -s snapshot : the snapshot to be used to clone
  -p potname : the name of the pot that is created
  -f flavour : flavour to be used
  -N network-type : new network type of the cloned pot
  -i ipaddr : an ip address or the keyword auto (if applicable)
  -B bridge-name : the name of the private bridge to be used
  -S network-stack : the network stack (ipv4, ipv6 or dual)
${DNS_HELP}  -F : automatically take snapshots of dataset that has none
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  k: z.boolean().optional(),
  p: z.string().optional(),
  P: z.string().optional(),
  s: z.string().optional(),
  ...networkFlagFields,
  f: z.array(z.string()).optional(),
  F: z.boolean().optional(),
  dryRun: z.boolean().optional(),
});
type Options = z.infer<typeof Options>;

/** The checks shell pot makes while parsing (getopts), with its messages. */
function checkFlags(o: Options): void {
  if (o.p !== undefined && o.p.includes('.')) throw new UsageError(`${o.p} is not a valid name for a pot ('.' is the only character not allowed)`);
  checkNetworkFlags({ network: o.N, stack: o.S, dns: o.d }, help);
}

export const clone: PotCommand = {
  name: 'clone',
  help,
  async run(args, ctx) {
    const cmd = potParser('clone')
      .option('-k', 'keep')
      .option('-p <potname>', 'new pot')
      .option('-P <basepot>', 'template')
      .option('-s <snapshot>', 'snapshot')
      .option('-N <network-type>', 'network type')
      .option('-i <ipaddr>', 'address', collect)
      .option('-B <bridge>', 'bridge')
      .option('-S <stack>', 'stack')
      .option('-d <dns>', 'dns')
      .option('-f <flavour>', 'flavour', collect)
      .option('-F', 'take missing snapshots')
      .option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'clone', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    checkFlags(o);
    if (o.p === undefined || o.p === '') throw new UsageError('pot name is missing (option -p)', help);
    if (o.P === undefined || o.P === '') throw new UsageError('reference pot name is missing (option -P)', help);
    const flavours = await resolveFlavourFlags(actx, o.f ?? []);
    const { p: pot, P: template } = o;
    const options = (signal: AbortSignal): actions.ClonePotOptions => ({
      pot,
      template,
      flavours,
      runCommand: potCommandRunner(ctx),
      keep: o.k ?? false,
      autoSnapshot: o.F ?? false,
      signal,
      ...(o.i === undefined ? {} : { ips: o.i.flatMap((v) => v.split(' ').filter((w) => w !== '')) }),
      ...(o.N === undefined ? {} : { network: o.N }),
      ...(o.B === undefined ? {} : { bridge: o.B }),
      ...(o.S === undefined ? {} : { stack: o.S as NonNullable<actions.ClonePotOptions['stack']> }),
      ...(o.d === undefined ? {} : { dns: o.d }),
      ...(o.s === undefined ? {} : { snapshot: o.s }),
    });
    await usageWithHelp(help, () => withInterruptSignal((signal) => actions.clonePot(actx, options(signal))));
    return 0;
  },
};
