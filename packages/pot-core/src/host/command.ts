/**
 * The command runner seam beneath a host driver. A driver turns host
 * operations into `HostCommand`s (a file and an argument array, never a shell
 * line) and hands them to a `CommandRunner`: execa for real, a recording runner
 * in tests, or the dry-run runner that prints what would change the host.
 */
import { PotError } from '../errors/pot-error.js';

export interface HostCommand {
  /** The tool, resolved through PATH (`ifconfig`, `zfs`, ...). */
  readonly file: string;
  readonly args: readonly string[];
  /**
   * Variables added to the tool's environment. Values from a pot's settings
   * reach a host program this way (as data), never as text of a shell script.
   */
  readonly env?: Readonly<Record<string, string>>;
  /** Text given on stdin. */
  readonly input?: string;
  /** stdin is read from this file. */
  readonly inputFile?: string;
  /**
   * With `inputFile`: told the bytes of it the command has read so far, now
   * and then while it runs (a progress display); runners that cannot tell
   * call it once, when it was read. Never called by dry-run.
   */
  readonly inputRead?: (bytes: number) => void;
  /**
   * The command changes host state (class `E` of the golden logs). Dry-run
   * prints these instead of running them; queries (`Q`) still run.
   */
  readonly mutating: boolean;
  /** Text the command reads from a file named in its arguments (`pfctl -f FILE`): shown by dry-run. */
  readonly reads?: string;
  /**
   * stdout of a `zfs send`-like producer piped into this command's stdin
   * (`zfs send SNAP | zfs receive DS`).
   */
  readonly pipeFrom?: HostCommand;
  /** stdout of a piped command is written to this file (`zfs send … | xz > FILE`). */
  readonly outputFile?: string;
  /** Runs on pot's own terminal (stdin, stdout and stderr inherited; nothing captured). */
  readonly interactive?: boolean;
  /** Writes straight to pot's stdout and stderr (nothing captured); stdin is closed. */
  readonly passOutput?: boolean;
  /** Started in the background, in its own session, output discarded; not waited for (answers exit 0). */
  readonly detached?: boolean;
  /** What dry-run answers in place of running a mutating command (e.g. the name `ifconfig epair create` would print). */
  readonly dryRunStdout?: string;
}

export interface CommandResult {
  /** Exit status; 127 when the tool could not be run, 128+N when killed by signal N. */
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
  /** True when the command was only printed (dry-run). */
  readonly planned?: boolean;
}

export interface CommandRunner {
  run(command: HostCommand): Promise<CommandResult>;
  /** True when mutating commands and file writes are only printed. */
  readonly dryRun: boolean;
  /**
   * An effect that is not a command (a host file written or removed) in the
   * same line format as commands. Dry-run prints it; other runners may record it.
   */
  note?(lines: readonly string[]): void;
}

const BARE = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * Quotes one argument exactly as the golden command logs do: bare when it only
 * holds `[A-Za-z0-9_@%+=:,./-]`, `$'…'` when it holds a newline or a tab,
 * otherwise `'…'` with `'\''` for a quote.
 */
export function shellQuote(arg: string): string {
  if (arg !== '' && BARE.test(arg)) return arg;
  if (arg.includes('\n') || arg.includes('\t')) {
    const body = arg.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t');
    return `$'${body}'`;
  }
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** One command as a shell-quoted line (`ifconfig bridge create descr 'pot public bridge' group pot`). */
export function formatArgv(file: string, args: readonly string[]): string {
  return [file, ...args].map(shellQuote).join(' ');
}

/** A command as one line; a piped command as `SRC | DST`; stdin from a file as `CMD < FILE`. */
export function formatCommand(command: HostCommand): string {
  const env = Object.entries(command.env ?? {}).map(([k, v]) => `${shellQuote(`${k}=${v}`)} `);
  const input = command.inputFile === undefined ? '' : ` < ${shellQuote(command.inputFile)}`;
  const own = `${env.length === 0 ? '' : `env ${env.join('')}`}${formatArgv(command.file, command.args)}${input}`;
  const out = command.outputFile === undefined ? '' : ` > ${shellQuote(command.outputFile)}`;
  return command.pipeFrom === undefined ? own + out : `${formatCommand(command.pipeFrom)} | ${own}${out}`;
}

/** The text a command reads (stdin or a file named in its arguments), if any. */
export function commandContent(command: HostCommand): string | undefined {
  return command.input ?? command.reads;
}

/**
 * The lines dry-run prints for a mutating command: the command, then the
 * content it reads as `    | line` (as the golden logs show it).
 */
export function formatPlan(command: HostCommand): string[] {
  const lines = [formatCommand(command)];
  const content = commandContent(command);
  if (content !== undefined) {
    const body = content.replace(/\n$/, '');
    if (body === '') lines.push('    (empty)');
    else for (const line of body.split('\n')) lines.push(`    | ${line}`);
  }
  return lines;
}

/** Golden log lines (`E cmd …`, `Q cmd …  #rc=N`) of one executed command; a pipeline gives one line per command. */
export function formatLogLines(command: HostCommand, result?: Pick<CommandResult, 'exitCode'>): string[] {
  const lines: string[] = [];
  if (command.pipeFrom !== undefined) lines.push(...formatLogLines(command.pipeFrom));
  const rc = result !== undefined && result.exitCode !== 0 ? `  #rc=${result.exitCode}` : '';
  lines.push(`${command.mutating ? 'E' : 'Q'} ${formatArgv(command.file, command.args)}${rc}`);
  const content = commandContent(command);
  if (content !== undefined) {
    const body = content.replace(/\n$/, '');
    if (body === '') lines.push('    (empty)');
    else for (const line of body.split('\n')) lines.push(`    | ${line}`);
  }
  return lines;
}

/** The PotError of a failed host command: code `host-command`, exit status, stderr and the command line. */
export function commandError(command: HostCommand, result: CommandResult, what?: string): PotError {
  const line = formatCommand(command);
  const stderr = result.stderr.trim();
  const message = `${what === undefined ? '' : `${what}: `}${line} failed (exit ${result.exitCode})${stderr === '' ? '' : `: ${stderr.split('\n')[0]}`}`;
  return new PotError('host-command', message, {
    details: [
      { path: 'command', message: line },
      { path: 'exitCode', message: String(result.exitCode) },
      ...(stderr === '' ? [] : [{ path: 'stderr', message: stderr }]),
    ],
  });
}
