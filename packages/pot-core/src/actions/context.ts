/**
 * What every action gets: the host, the configuration, the verbosity and a
 * reporter. Actions never write to the terminal themselves and never exit; they
 * return results or throw PotError, the CLI prints and sets the exit code.
 */
import { PotError } from '../errors/pot-error.js';
import type { ActionHost, RunResult } from './host.js';
import { formatCommand } from './host.js';
import type { PotSettings } from './settings.js';

export interface Reporter {
  /** A line of the command's normal output (stdout). */
  print(line: string): void;
  /** Diagnostics passed through from host commands (stderr). */
  diag(line: string): void;
}

export interface ActionContext {
  host: ActionHost;
  settings: PotSettings;
  /** 1 by default, +1 per -v (shell pot's _POT_VERBOSITY). */
  verbosity: number;
  report: Reporter;
}

export function info(ctx: ActionContext, msg: string): void {
  if (ctx.verbosity >= 1) ctx.report.print(`===>  ${msg}`);
}

export function debug(ctx: ActionContext, msg: string): void {
  if (ctx.verbosity >= 2) ctx.report.print(`=====>  ${msg}`);
}

/** Passes a host command's stderr through (pot never hides it either). */
export function passStderr(ctx: ActionContext, result: RunResult): void {
  for (const line of result.stderr.split('\n')) if (line !== '') ctx.report.diag(line);
}

/** Runs a host command and fails with a PotError when it fails. */
export async function mustRun(
  ctx: ActionContext,
  command: string,
  args: readonly string[],
  options: { input?: string; mutating?: boolean } = {},
): Promise<RunResult> {
  const result = await ctx.host.run(command, args, options);
  if (result.exitCode !== 0) {
    throw new PotError('host-command', `${formatCommand(command, args)} failed (exit ${result.exitCode})`, {
      details: result.stderr.trim() === '' ? [] : [{ path: command, message: result.stderr.trim() }],
    });
  }
  return result;
}

/** `logger -p FACILITY.info -t pot 'pot-CMD ARGS'` as shell pot does for every mutating command. */
export async function syslog(ctx: ActionContext, command: string, argv: readonly string[]): Promise<void> {
  await ctx.host.run('logger', ['-p', `${ctx.settings.logFacility}.info`, '-t', 'pot', `pot-${command} ${argv.join(' ')}`], {
    mutating: true,
  });
}

export async function requireRoot(ctx: ActionContext): Promise<void> {
  const result = await ctx.host.run('id', ['-u']);
  if (result.stdout.trim() !== '0') {
    throw new PotError('unsupported', "This operation needs 'root' privileges", {
      suggestion: 'run pot as root (or with sudo/doas)',
    });
  }
}

/** POT_TMP exists (created when missing). */
export async function ensureTmp(ctx: ActionContext): Promise<void> {
  try {
    await ctx.host.mkdirp(ctx.settings.tmp);
  } catch (cause) {
    throw new PotError('host-state', `The POT_TMP directory ${ctx.settings.tmp} is not available`, { cause });
  }
}
