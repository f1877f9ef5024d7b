/**
 * CommandRunners: execa (the real one), recording (tests) and dry-run.
 */
import { constants as osConstants } from 'node:os';
import { execa, type Options as ExecaOptions, type Result as ExecaResult } from 'execa';
import type { CommandResult, CommandRunner, HostCommand } from './command.js';
import { formatPlan } from './command.js';

/** The PATH used when the environment has none. */
export const DEFAULT_PATH = '/sbin:/bin:/usr/sbin:/usr/bin:/usr/local/sbin:/usr/local/bin';

/**
 * The environment host tools run with: the caller's PATH (or DEFAULT_PATH),
 * `LC_ALL=C` and `IFCONFIG_FORMAT=addr:default` (as shell pot exports), and the
 * given variables (`FAKEBSD_*` for the fake host, HOME, TMPDIR ...).
 */
export function hostToolEnv(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) if (value !== undefined) out[key] = value;
  out.PATH = env.PATH !== undefined && env.PATH !== '' ? env.PATH : DEFAULT_PATH;
  out.LC_ALL = 'C';
  out.IFCONFIG_FORMAT = 'addr:default';
  delete out.LANG;
  delete out.LANGUAGE;
  return out;
}

export interface ExecaRunnerOptions {
  /** Environment of the tools (default: hostToolEnv(process.env)). */
  env?: NodeJS.ProcessEnv;
  /** Working directory (default: the process's). */
  cwd?: string;
  /** Kills a command that runs longer (ms; default: none). */
  timeout?: number;
  /** Aborts running commands (Ctrl-C, nomad stop). */
  cancelSignal?: AbortSignal;
}

function toResult(result: ExecaResult): CommandResult {
  let exitCode: number;
  if (typeof result.exitCode === 'number') exitCode = result.exitCode;
  else if (result.signal !== undefined) {
    const n = (osConstants.signals as Record<string, number>)[result.signal];
    exitCode = 128 + (n ?? 0);
  } else exitCode = 127;
  const stderr = typeof result.stderr === 'string' ? result.stderr : '';
  const notRun = result.failed && result.exitCode === undefined && result.signal === undefined;
  return {
    exitCode,
    stdout: typeof result.stdout === 'string' ? result.stdout : '',
    stderr: notRun && stderr === '' ? (result.shortMessage ?? '') : stderr,
  };
}

/**
 * Runs commands with execa: file plus argument array, never a shell,
 * `reject: false` (the driver decides what an exit status means), a
 * deterministic environment (`extendEnv: false`).
 */
export function createExecaRunner(options: ExecaRunnerOptions = {}): CommandRunner {
  const env = hostToolEnv(options.env ?? process.env);
  const common = {
    env,
    extendEnv: false,
    preferLocal: false,
    reject: false,
    stripFinalNewline: false,
    encoding: 'utf8',
    ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
    ...(options.timeout === undefined ? {} : { timeout: options.timeout, forceKillAfterDelay: 2000 }),
    ...(options.cancelSignal === undefined ? {} : { cancelSignal: options.cancelSignal }),
  } satisfies ExecaOptions;

  const stdinOf = (command: HostCommand): ExecaOptions => {
    if (command.input !== undefined) return { input: command.input };
    if (command.inputFile === undefined) return { stdin: 'ignore' };
    const told = command.inputRead;
    if (told === undefined) return { inputFile: command.inputFile };
    // the file reaches stdin through a transform that counts what the command has read
    let read = 0;
    const count = function* (chunk: Uint8Array): Generator<Uint8Array> {
      read += chunk.length;
      told(read);
      yield chunk;
    };
    return { stdin: [{ file: command.inputFile }, { transform: count, binary: true }] };
  };

  return {
    dryRun: false,
    async run(command) {
      const base = command.env === undefined ? common : { ...common, env: { ...env, ...command.env } };
      if (command.pipeFrom !== undefined) {
        const source = command.pipeFrom;
        const producer = execa(source.file, [...source.args], {
          env,
          extendEnv: false,
          preferLocal: false,
          reject: false,
          ...stdinOf(source),
          buffer: { stdout: false },
          ...(options.cwd === undefined ? {} : { cwd: options.cwd }),
          ...(options.cancelSignal === undefined ? {} : { cancelSignal: options.cancelSignal }),
        });
        const output = command.outputFile === undefined ? {} : { stdout: { file: command.outputFile } };
        const consumer = producer.pipe(command.file, [...command.args], { ...base, ...output });
        const [sourceResult, result] = await Promise.all([producer, consumer]);
        const sink = toResult(result as ExecaResult);
        const src = toResult(sourceResult as unknown as ExecaResult);
        if (src.exitCode !== 0) {
          return { exitCode: src.exitCode, stdout: sink.stdout, stderr: `${src.stderr}${sink.stderr}` };
        }
        return sink;
      }
      if (command.interactive === true) {
        return toResult((await execa(command.file, [...command.args], { ...base, stdio: 'inherit' })) as ExecaResult);
      }
      if (command.detached === true) {
        const child = execa(command.file, [...command.args], { ...base, detached: true, stdio: 'ignore' });
        child.catch(() => undefined);
        child.nodeChildProcess.unref();
        return { exitCode: 0, stdout: '', stderr: '' };
      }
      if (command.passOutput === true) {
        return toResult((await execa(command.file, [...command.args], { ...base, stdio: ['ignore', 'inherit', 'inherit'] })) as ExecaResult);
      }
      const result = await execa(command.file, [...command.args], { ...base, ...stdinOf(command) });
      return toResult(result as ExecaResult);
    },
  };
}

/** A command as the recording runner kept it, with the answer it got. */
export interface RecordedCommand {
  readonly command: HostCommand;
  readonly result: CommandResult;
}

/** A scripted answer: partial results default to exit 0 and empty output. */
export type ScriptedAnswer = Partial<CommandResult> | ((command: HostCommand) => Partial<CommandResult> | undefined);

export interface RecordingRunnerOptions {
  /**
   * Answers by command line prefix (`'zfs list -o name -H zroot/pot'`, matched
   * against `file args…` joined by spaces; the longest matching key wins) or
   * by a function. Unmatched commands go to `delegate`, else answer exit 0.
   */
  responses?: Record<string, ScriptedAnswer> | ((command: HostCommand) => Partial<CommandResult> | undefined);
  /** Runs what no scripted answer covers (e.g. an execa runner against a fake host). */
  delegate?: CommandRunner;
  /** Behave as a dry-run runner: mutating commands are recorded but not delegated. */
  dryRun?: boolean;
}

export interface RecordingRunner extends CommandRunner {
  /** Every command, in order. */
  readonly commands: RecordedCommand[];
  /** Notes (file effects) in order. */
  readonly notes: string[][];
  /** The mutating commands' plan lines and the notes (file effects), in order, as dry-run prints them. */
  plan(): string[];
  clear(): void;
}

export function createRecordingRunner(options: RecordingRunnerOptions = {}): RecordingRunner {
  const commands: RecordedCommand[] = [];
  const notes: string[][] = [];
  const planned: string[] = [];
  const dryRun = options.dryRun ?? false;
  const answer = (command: HostCommand): Partial<CommandResult> | undefined => {
    const responses = options.responses;
    if (responses === undefined) return undefined;
    if (typeof responses === 'function') return responses(command);
    const line = [command.file, ...command.args].join(' ');
    let best: string | undefined;
    for (const key of Object.keys(responses)) {
      if ((line === key || line.startsWith(`${key} `)) && (best === undefined || key.length > best.length)) best = key;
    }
    if (best === undefined) return undefined;
    const scripted = responses[best];
    return typeof scripted === 'function' ? scripted(command) : scripted;
  };
  const runner: RecordingRunner = {
    commands,
    notes,
    get dryRun() {
      return dryRun;
    },
    async run(command) {
      let result: CommandResult;
      const scripted = answer(command);
      if (scripted !== undefined) {
        result = { exitCode: scripted.exitCode ?? 0, stdout: scripted.stdout ?? '', stderr: scripted.stderr ?? '' };
      } else if (dryRun && command.mutating) {
        result = { exitCode: 0, stdout: command.dryRunStdout ?? '', stderr: '', planned: true };
      } else if (options.delegate !== undefined) {
        result = await options.delegate.run(command);
      } else {
        result = { exitCode: 0, stdout: command.dryRunStdout ?? '', stderr: '' };
      }
      commands.push({ command, result });
      if (command.mutating) planned.push(...formatPlan(command));
      return result;
    },
    note(lines) {
      notes.push([...lines]);
      planned.push(...lines);
      options.delegate?.note?.(lines);
    },
    plan() {
      return [...planned];
    },
    clear() {
      commands.length = 0;
      notes.length = 0;
      planned.length = 0;
    },
  };
  return runner;
}

export interface DryRunOptions {
  /** Where the plan lines go (default: stdout). */
  print?: (line: string) => void;
}

/**
 * Dry-run: mutating commands are printed (with the content they read as
 * `    | line`) and answered with exit 0 and their `dryRunStdout`; queries run
 * through `queries` so decisions are the ones a real run would make. Without
 * `queries`, queries answer exit 0 with empty output.
 * File writes and removals are printed as `# write FILE:` / `# remove FILE`.
 */
export function createDryRunRunner(queries: CommandRunner | undefined, options: DryRunOptions = {}): CommandRunner {
  const print = options.print ?? ((line: string) => void process.stdout.write(`${line}\n`));
  return {
    dryRun: true,
    async run(command) {
      if (command.mutating) {
        for (const line of formatPlan(command)) print(line);
        return { exitCode: 0, stdout: command.dryRunStdout ?? '', stderr: '', planned: true };
      }
      if (queries === undefined) return { exitCode: 0, stdout: '', stderr: '' };
      return queries.run(command);
    },
    note(lines) {
      for (const line of lines) print(line);
    },
  };
}
