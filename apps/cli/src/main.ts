/**
 * Dispatch: argv[0] is the command (aliases resolved as shell pot does), the
 * rest goes to that command. Every error reaches reportError, the single place
 * that prints failures and picks the exit code.
 */
import type { ErrorMode } from './errors.js';
import { reportError, UsageError } from './errors.js';
import type { CliIO } from './io.js';
import { aliasTable, usageText } from './usage.js';
import { REGISTERED } from './commands/index.js';
import type { PotCommand } from './run-command.js';
import { toPotCommand } from './run-command.js';

export const COMMANDS: ReadonlyMap<string, PotCommand> = new Map(REGISTERED.map((c) => [c.name, toPotCommand(c)]));
export const USAGE = usageText(REGISTERED);
const ALIASES = aliasTable(REGISTERED);

function resolve(name: string): string {
  return ALIASES[name] ?? name;
}

/** Runs one pot invocation; returns the exit code (never exits the process). */
export async function runPot(argv: readonly string[], io: CliIO): Promise<number> {
  const mode: ErrorMode = { json: false, quiet: false };
  try {
    const [first, ...rest] = argv;
    if (first === undefined) throw new UsageError('a command is needed', USAGE);
    // what every command-line tool answers, before any command
    if (first === '-h' || first === '--help') return await runPot(['help', ...rest], io);
    if (first === '-V' || first === '--version') return await runPot(['version', ...rest], io);
    const name = resolve(first);
    if (name === 'help') {
      if (rest[0] === undefined) {
        io.stdout(USAGE);
        return 0;
      }
      const target = resolve(rest[0]);
      const command = COMMANDS.get(target);
      if (command) {
        io.stdout(command.help);
        return 0;
      }
      throw new UsageError(`Command ${rest[0]} unknown`, USAGE);
    }
    const command = COMMANDS.get(name);
    if (command)
      return await command.run(rest, { io, mode, runPot: (words, options) => runPot(words, options?.cwd === undefined ? io : { ...io, cwd: options.cwd }) });
    throw new UsageError(`unknown command ${first}`, USAGE);
  } catch (err) {
    return reportError(err, io, mode);
  }
}
