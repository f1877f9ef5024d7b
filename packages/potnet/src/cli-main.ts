/**
 * The `potnet` command: a drop-in for the Rust potnet 0.5.0. Same subcommands,
 * flags, stdout bytes and exit codes; logs and diagnostics go to stderr; bad
 * input gets a one-line error instead of a panic. `runPotnetCli` runs it on
 * any PotnetIO: the binary (cli.ts) gives it the process's, a test or a host
 * program its own.
 */
import { BrokenPipe, type PotnetIO } from './stdio.js';
import { Command, CommanderError, InvalidArgumentError } from 'commander';
import { runPotnet, type PotnetRequest } from './commands.js';
import { type Ip, parseIp } from './ip.js';
import { PotnetError } from './potnet-error.js';

export const POTNET_CLI_VERSION = '0.5.0';

function count(_value: string, previous: number): number {
  return previous + 1;
}

function ipArgument(value: string): Ip {
  const ip = parseIp(value);
  if (!ip) throw new InvalidArgumentError(`"${value}" is not an IP address (IPv4 dotted quad or IPv6, no prefix, no zone)`);
  return ip;
}

function hostCount(value: string): number {
  // Rust's u16 parser: decimal digits, one optional leading '+'.
  if (!/^\+?[0-9]+$/.test(value) || Number(value) > 65535) {
    throw new InvalidArgumentError(`"${value}" is not a number of hosts between 0 and 65535`);
  }
  return Number(value);
}

function once(value: string, previous: string | undefined): string {
  if (previous !== undefined) throw new InvalidArgumentError('the bridge name was given more than once');
  return value;
}

interface Parsed {
  request?: PotnetRequest;
  verbose: number;
  quiet: number;
}

/** -v and -q are accepted before and after the subcommand, as clap's global flags were. */
function common(cmd: Command): Command {
  return cmd
    .option('-v, --verbose', 'more log output (repeatable)', count, 0)
    .option('-q, --quiet', 'less log output (repeatable)', count, 0)
    .version(POTNET_CLI_VERSION, '-V, --version', 'print version information')
    .helpOption('-h, --help', 'print help information');
}

function buildProgram(parsed: Parsed, io: PotnetIO): Command {
  const program = common(new Command('potnet'))
    .description('Command line utilities needed by the pot framework')
    .exitOverride()
    .showSuggestionAfterError(true)
    .configureOutput({ writeOut: io.out, writeErr: io.err });
  const sub = (name: string, description: string): Command => {
    const cmd = common(program.command(name).description(description)).exitOverride();
    return cmd;
  };
  const finish = (cmd: Command, request: (opts: Record<string, unknown>) => PotnetRequest): void => {
    cmd.action((opts: Record<string, unknown>) => {
      parsed.request = request(opts);
      parsed.verbose = (program.opts().verbose as number) + (opts.verbose as number);
      parsed.quiet = (program.opts().quiet as number) + (opts.quiet as number);
    });
  };
  const bridgeOption = (cmd: Command, text: string): Command => cmd.option('-b, --bridge-name <name>', text, once);
  // --json: one object on stdout, described by schemas/NAME.schema.json (src/json-schemas.ts)
  const json = (cmd: Command): Command => cmd.option('--json', 'print the answer as one JSON object (schemas/ of the potnet package)');
  const asJson = (o: Record<string, unknown>): { json?: boolean } => (o.json === true ? { json: true } : {});
  finish(json(bridgeOption(sub('show', 'Show the pot virtual network status'), 'The name of a private bridge')), (o) => ({
    command: 'show',
    bridge: o.bridgeName as string | undefined,
    ...asJson(o),
  }));
  finish(json(bridgeOption(sub('next', 'Provides the next available IP address'), 'The name of a private bridge')), (o) => ({
    command: 'next',
    bridge: o.bridgeName as string | undefined,
    ...asJson(o),
  }));
  finish(json(sub('config-check', 'Check the POT config')), (o) => ({ command: 'config-check', ...asJson(o) }));
  finish(
    json(
      bridgeOption(
        sub('validate', 'Validate the IP address provided as parameter').requiredOption('-H, --host <ip>', 'The IP address', ipArgument),
        'The name of the private bridge, if the IP belongs to it',
      ),
    ),
    (o) => ({ command: 'validate', ip: o.host as Ip, bridge: o.bridgeName as string | undefined, ...asJson(o) }),
  );
  for (const [name, family, text] of [
    ['ip4check', 4, 'ipv4'],
    ['ip6check', 6, 'ipv6'],
    ['ipcheck', undefined, 'ip'],
  ] as const) {
    finish(sub(name, `Check if the argument is a valid ${text} address`).requiredOption('-H, --host <ip>', 'The IP address', ipArgument), (o) => ({
      command: 'ipcheck',
      ip: o.host as Ip,
      family,
    }));
  }
  finish(
    sub('new-net', 'Provide the next available network').requiredOption(
      '-s <hosts>',
      'The number of host to be included in the network (gateway excluded)',
      hostCount,
    ),
    (o) => ({ command: 'new-net', hosts: o.s as number }),
  );
  finish(
    json(bridgeOption(sub('etc-hosts', 'Generate the etc/hosts file with all know hosts in the specific bridge'), 'The name of a private bridge')),
    (o) => ({ command: 'etc-hosts', bridge: o.bridgeName as string | undefined, ...asJson(o) }),
  );
  return program;
}

function main(argv: readonly string[], io: PotnetIO): number {
  const parsed: Parsed = { verbose: 0, quiet: 0 };
  const program = buildProgram(parsed, io);
  try {
    program.parse([...argv], { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode;
    throw error;
  }
  if (!parsed.request) {
    program.outputHelp({ error: true });
    return 1;
  }
  if (parsed.verbose > 0 && parsed.quiet > 0) {
    io.err('error: the argument --verbose cannot be used with --quiet\n');
    return 1;
  }
  // clap counted -v and -q in a byte: 256 of them are none.
  return runPotnet(parsed.request, { verbosity: (parsed.verbose % 256) - Math.min(parsed.quiet % 256, 2), io });
}

/** Runs the potnet command with ARGV (no program name) on IO; answers its exit status. */
export function runPotnetCli(argv: readonly string[], io: PotnetIO): number {
  try {
    return main(argv, io);
  } catch (error) {
    // A reader that stopped early (`potnet show | head`): end quietly, as a C program killed by SIGPIPE would.
    if (error instanceof BrokenPipe) return 141;
    if (error instanceof PotnetError) {
      io.err(`Error: ${error.message}\n`);
      return error.exitCode;
    }
    io.err(`potnet: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 70;
  }
}
