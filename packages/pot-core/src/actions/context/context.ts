/**
 * What every action gets: pot-core's host seam (`Host`: datasets, interfaces,
 * pf, sysctl, rc.conf, syslog, users, host files), the configuration, the
 * verbosity and a reporter. Actions never
 * write to the terminal themselves and never exit; they return results or throw
 * PotError, the CLI prints and sets the exit code.
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import type { ByteProgress, Host, RootedFiles } from '../../host/types.js';
import type { PotSettings } from '../../config/settings.js';

export interface Reporter {
  /** A line of the command's normal output (stdout). */
  print(line: string): void;
  /** Diagnostics passed through from host tools (stderr). */
  diag(line: string): void;
  /** A progress display for one long step (download, extraction) named `label` (a terminal's bar); absent: none. */
  progress?(label: string): ProgressDisplay;
}

export interface ProgressDisplay {
  update: ByteProgress;
  /** The step ended (or failed): the display ends its line. */
  done(): void;
}

export interface ActionContext {
  host: Host;
  settings: PotSettings;
  /** 1 by default, +1 per -v (shell pot's _POT_VERBOSITY); 0 is quiet. */
  verbosity: number;
  report: Reporter;
  /** The directory the user's relative paths are taken from (the process's when unset); passed, never changed. */
  cwd?: string;
  /** The pot command's process id, for the names shell pot derived from `$$` (epairs); the process's own when unset. */
  pid?: number;
}

/** A path the user gave, made absolute from the context's working directory. */
export function userPath(ctx: ActionContext, file: string): string {
  return path.resolve(ctx.cwd ?? process.cwd(), file);
}

export function info(ctx: ActionContext, msg: string): void {
  if (ctx.verbosity >= 1) ctx.report.print(`===>  ${msg}`);
}

/** An error that does not stop the command (shell pot's `_error` without exit), on stderr. */
export function warn(ctx: ActionContext, msg: string): void {
  ctx.report.diag(`###>  ${msg}`);
}

/** A line saying what was done, or under --dry-run what would be (nothing was): the host words it. */
export function doneOrPlanned(ctx: ActionContext, done: string, planned: string): string {
  return ctx.host.plan.report(done, planned);
}

export function debug(ctx: ActionContext, msg: string): void {
  if (ctx.verbosity >= 2) ctx.report.print(`=====>  ${msg}`);
}

/** Passes a host tool's diagnostics through (pot never hid them either). */
export function passStderr(ctx: ActionContext, text: string): void {
  for (const line of text.split('\n')) if (line.trim() !== '') ctx.report.diag(line);
}

/** `logger -p FACILITY.info -t pot 'pot-CMD ARGS'`, as shell pot does for every command that changes the host. */
export async function syslog(ctx: ActionContext, command: string, argv: readonly string[], priority?: 'debug'): Promise<void> {
  try {
    await ctx.host.log.syslog(`pot-${command} ${argv.join(' ')}`, { facility: ctx.settings.logFacility, tag: 'pot', ...(priority ? { priority } : {}) });
  } catch {
    // a missing syslog never stops pot
  }
}

export async function requireRoot(ctx: ActionContext): Promise<void> {
  if ((await ctx.host.system.uid()) !== 0) {
    throw new PotError('unsupported', "This operation needs 'root' privileges", {
      suggestion: 'run pot as root (or with sudo/doas)',
    });
  }
}

/** Files by their real path (POT_FS_ROOT, POT_TMP): the file system root of this process. */
export function realFiles(ctx: ActionContext): RootedFiles {
  return ctx.host.files.under('/');
}

/**
 * Runs a long step (a download, an extraction) with the reporter's progress
 * display named `label` unless quiet: the one mechanism every such step uses.
 */
export async function withProgress<T>(ctx: ActionContext, label: string, step: (progress: { progress?: ByteProgress }) => Promise<T>): Promise<T> {
  const display = ctx.verbosity >= 1 ? ctx.report.progress?.(label) : undefined;
  try {
    return await step(display === undefined ? {} : { progress: display.update });
  } finally {
    display?.done();
  }
}

/** Downloads `url` to `file` through the host, with a progress display named `label` (default the file's name; a temporary file shows the name it gets). */
export async function download(ctx: ActionContext, url: string, file: string, label = path.basename(file)): Promise<void> {
  await withProgress(ctx, label, (progress) => ctx.host.downloads.fetch(url, file, progress));
}

/** Extracts the tar archive `archive` into `dir` through the host, with a progress display. */
export async function extractArchive(ctx: ActionContext, archive: string, dir: string): Promise<void> {
  await withProgress(ctx, `extracting ${path.basename(archive)}`, (progress) => ctx.host.archives.extract(archive, dir, progress));
}

/** POT_TMP exists (created when missing). */
export async function ensureTmp(ctx: ActionContext): Promise<void> {
  try {
    await realFiles(ctx).mkdirp(ctx.settings.tmp);
  } catch (cause) {
    throw new PotError('host-state', `The POT_TMP directory ${ctx.settings.tmp} is not available`, { cause });
  }
}
