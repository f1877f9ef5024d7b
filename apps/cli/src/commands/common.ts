/**
 * What every command module shares: a commander Command configured for pot's
 * getopts grammar (short flags, combined flags, attached values, `-h`, counted
 * `-v`), the translation of commander's errors into UsageError, and the adapter
 * from parsed flags to pot-core's action context.
 */
import { actions, createDryRunRunner, createExecaRunner, createFreeBsdHost, PotError } from '@pot/core';
import { Command, CommanderError } from 'commander';
import type { z } from 'zod';
import { statSync } from 'node:fs';
import type { ErrorMode } from '../errors.js';
import { UsageError } from '../errors.js';
import type { CliIO } from '../io.js';

export interface CommandContext {
  io: CliIO;
  /** How the exit point renders errors; commands set json/quiet from their flags. */
  mode: ErrorMode;
}

export interface PotCommand {
  name: string;
  help: string;
  /** Runs the command; returns the exit code (errors are thrown). */
  run(args: string[], ctx: CommandContext): Promise<number>;
}

export const increment = (_: string, previous: number): number => previous + 1;

/** A repeatable option's values, in order. */
export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** Runs pot commands in-process through this CLI's dispatcher (flavour command files). */
export function potCommandRunner(ctx: CommandContext): actions.PotCommandRunner {
  return async (argv) => (await import('../main.js')).runPot(argv, ctx.io);
}

/**
 * Runs `fn` with an AbortSignal that SIGINT/SIGTERM trigger, so that a long
 * action stops between steps and undoes its work instead of dying halfway.
 */
export async function withInterruptSignal<T>(fn: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  process.on('SIGINT', abort);
  process.on('SIGTERM', abort);
  try {
    return await fn(controller.signal);
  } finally {
    process.off('SIGINT', abort);
    process.off('SIGTERM', abort);
  }
}

/** A commander Command that parses like shell pot's getopts, with `-h` and `-v` built in. */
export function potParser(name: string): Command {
  return new Command(name)
    .helpOption(false)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} })
    .allowExcessArguments(false)
    .option('-h', 'print this help')
    .option('-v', 'verbose', increment, 0);
}

/** Parses argv with commander; returns the raw options (validated by each command's zod schema). */
export function parseArgs(cmd: Command, args: string[], help: string): Record<string, unknown> {
  try {
    cmd.parse(args, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) {
      throw new UsageError(err.message.replace(/^error: /, ''), help);
    }
    throw err;
  }
  return cmd.opts();
}

/** shell pot: every command but init, de-init, version, help (and doctor) needs POT_FS_ROOT. */
export function requireFsRoot(settings: actions.PotSettings): void {
  let ok = false;
  try {
    ok = statSync(settings.fsRoot).isDirectory();
  } catch {
    ok = false;
  }
  if (!ok) {
    throw new PotError('host-state', `${settings.fsRoot} does not exist, please run 'pot init'`, {
      suggestion: "run 'pot init' (as root) to create pot's datasets, or check POT_FS_ROOT in pot.conf",
    });
  }
}

export interface ActionOptions {
  verbose: number;
  dryRun?: boolean;
  /** Send info messages to nowhere (JSON output). */
  silent?: boolean;
  /**
   * false: the command checks the configuration itself (doctor, init, and
   * the network commands pot-core guards); default: an invalid network
   * configuration is a warning on stderr, once, and the command goes on.
   */
  warnConfig?: boolean;
  /** Read the configuration files even with lines the reader refuses (doctor reports them). */
  tolerantConfig?: boolean;
}

/**
 * The CLI-to-core adapter: flags become pot-core's action context — the
 * configuration, the FreeBSD host driver over an execa runner (wrapped by the
 * dry-run runner for --dry-run, which prints the mutating commands), the
 * verbosity and where output goes.
 */
export function actionContext(ctx: CommandContext, options: ActionOptions): actions.ActionContext {
  const { io } = ctx;
  const settings = actions.loadSettings(io.env, { tolerant: options.tolerantConfig ?? false });
  const print = options.silent ? () => {} : (line: string) => io.stdout(`${line}\n`);
  const base = createExecaRunner({ env: io.env });
  const runner = options.dryRun ? createDryRunRunner(base, { print: (l) => io.stdout(`${l}\n`) }) : base;
  const actx: actions.ActionContext = {
    settings,
    verbosity: 1 + options.verbose,
    host: createFreeBsdHost({ env: io.env, runner }),
    report: { print, diag: (line) => io.stderr(`${line}\n`) },
  };
  if (options.warnConfig !== false) actions.warnNetworkConfig(actx);
  return actx;
}

/**
 * Commands that act on the network refuse an invalid network configuration
 * before anything changes (no syslog line either); pot-core's actions guard
 * the same way for library callers. `term` (run) is left to startPot.
 */
const GUARDED = new Set(['create', 'clone', 'import', 'prepare', 'start']);
const CHECKED_BY_ACTION = new Set(['term']);

/** The flags every pot command parses. */
export interface CommonFlags {
  h?: boolean | undefined;
  v: number;
  dryRun?: boolean | undefined;
}

export interface OpenCommand<S extends z.ZodType<CommonFlags>> {
  name: string;
  cmd: Command;
  schema: S;
  help: string;
  /** The argv as logged (default: as given). */
  logged?: readonly string[];
  /** Shell pot logs a read-only command only with -v, at debug level. */
  readOnly?: boolean;
}

/**
 * The opening shell pot's pot-cmd gave every command: flags parsed (-h prints
 * the help: undefined is answered), the action context, POT_FS_ROOT checked,
 * and the syslog line, before any of the command's own checks.
 */
export async function openCommand<S extends z.ZodType<CommonFlags>>(spec: OpenCommand<S>, args: string[], ctx: CommandContext): Promise<{ o: z.infer<S>; actx: actions.ActionContext } | undefined> {
  const o = spec.schema.parse(parseArgs(spec.cmd, args, spec.help));
  if (o.h) {
    ctx.io.stdout(spec.help);
    return undefined;
  }
  const guarded = GUARDED.has(spec.name);
  const actx = actionContext(ctx, { verbose: o.v, dryRun: o.dryRun ?? false, warnConfig: !guarded && !CHECKED_BY_ACTION.has(spec.name) });
  requireFsRoot(actx.settings);
  if (guarded) actions.assertNetworkConfig(actx);
  if (!spec.readOnly) await actions.syslog(actx, spec.name, spec.logged ?? args);
  else if (o.v > 0) await actions.syslog(actx, spec.name, spec.logged ?? args, 'debug');
  return { o, actx };
}
