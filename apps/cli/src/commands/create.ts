import { actions } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';
import type { PotCommand } from './common.js';
import { checkNetworkFlags, networkFlagFields, resolveFlavourFlags } from './new-pot-flags.js';
import { collect, openCommand, potCommandRunner, potParser, withInterruptSignal } from './common.js';

const help = `pot create [-hv] -p potname [-N network-type] [-i ipaddr]
           [-l lvl] [-f flavour] [-b base|-P basepot]
           [-d dns] [-t type] [--dry-run]
  -h print this help
  -v verbose
  -k keep the pot, if create fails
  -p potname : the pot name (mandatory)
  -l lvl : pot level (only for type multi)
  -b base : the base pot
  -P pot : the pot to be used as reference
  -d dns : pot dns resolver configuration, one of
           inherit*       - inherit from jailhost (*default)
           pot            - the pot configured in POT_DNS_NAME
           custom:<file>  - copy <file> into pot configuration
           off            - leave resolver config unaltered
  -f flavour : flavour to be used
  -t type: pot file system layout, one of
           single         - the pot is based on a unique ZFS dataset
           multi*         - the pot is composed by a classical
                            collection of 3 ZFS datasets (*default)
  -N network-type: pot network layout, one of
           inherit*       - inherit the host network stack (*default)
           alias          - configure a static ip alias directly on
                            the host's NIC
           public-bridge  - use the common internal public bridge
           private-bridge - use an internal private bridge (with -B)
  -i ipaddr : IP address selection, one of
           auto*          - automatically assign address (*default),
                            only works with (public|private)-bridge
           ipaddr         - mandatory with alias,
                            also works with (public|private)-bridge
  -B bridge-name : the name of the private bridge to be used
  -S network-stack : the network stack (ipv4, ipv6 or dual)
  --dry-run print the host commands instead of running them
`;

const Options = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  k: z.boolean().optional(),
  p: z.string().optional(),
  t: z.string().optional(),
  l: z.string().optional(),
  b: z.string().optional(),
  P: z.string().optional(),
  f: z.array(z.string()).optional(),
  ...networkFlagFields,
  dryRun: z.boolean().optional(),
});
type Options = z.infer<typeof Options>;

/** The checks shell pot makes while parsing (getopts), with its messages. */
function checkFlags(o: Options): void {
  if (o.p !== undefined && o.p.includes('.')) throw new UsageError(`${o.p} is not a valid name for a pot ('.' is the only character not allowed)`);
  if (o.t !== undefined && o.t !== 'multi' && o.t !== 'single') throw new UsageError(`Type ${o.t} not supported`, help);
  checkNetworkFlags({ network: o.N, stack: o.S, dns: o.d }, help);
}

/** Flags become pot-core's create options. */
function createOptions(o: Options & { p: string }, signal: AbortSignal, flavours: actions.Flavour[], runCommand: actions.PotCommandRunner): actions.CreatePotOptions {
  return {
    flavours,
    runCommand,
    pot: o.p,
    type: o.t === 'single' ? 'single' : 'multi',
    network: o.N ?? 'inherit',
    ips: (o.i ?? []).flatMap((v) => v.split(' ').filter((w) => w !== '')),
    dns: o.d ?? 'inherit',
    keep: o.k ?? false,
    signal,
    ...(o.l === undefined ? {} : { level: o.l }),
    ...(o.b === undefined ? {} : { base: o.b }),
    ...(o.P === undefined ? {} : { potbase: o.P }),
    ...(o.B === undefined ? {} : { bridge: o.B }),
    ...(o.S === undefined ? {} : { stack: o.S as actions.CreatePotOptions['stack'] & string }),
  };
}

export const create: PotCommand = {
  name: 'create',
  help,
  async run(args, ctx) {
    const cmd = potParser('create')
      .option('-k', 'keep')
      .option('-p <potname>', 'pot name')
      .option('-t <type>', 'type')
      .option('-N <network-type>', 'network type')
      .option('-i <ipaddr>', 'address', collect)
      .option('-l <lvl>', 'level')
      .option('-b <base>', 'base')
      .option('-P <pot>', 'pot base')
      .option('-d <dns>', 'dns')
      .option('-f <flavour>', 'flavour', collect)
      .option('-B <bridge>', 'bridge')
      .option('-S <stack>', 'stack')
      .option('--dry-run', 'print only');
    const opened = await openCommand({ name: 'create', cmd, schema: Options, help }, args, ctx);
    if (!opened) return 0;
    const { o, actx } = opened;
    checkFlags(o);
    if (o.p === undefined || o.p === '') throw new UsageError('pot name is missing', help);
    const p = o.p;
    const flavours = await resolveFlavourFlags(actx, o.f ?? []);
    await withInterruptSignal((signal) => actions.createPot(actx, createOptions({ ...o, p }, signal, flavours, potCommandRunner(ctx))));
    return 0;
  },
};
