/**
 * The CLI-to-core adapter: flags become pot-core's action context — the
 * configuration, the FreeBSD host driver over an execa runner (wrapped by the
 * dry-run runner for --dry-run, which prints the mutating commands), the
 * verbosity and where output goes.
 */
import { actions, createDryRunRunner, createExecaRunner, createFreeBsdHost, PotError } from '@pot/core';
import { statSync } from 'node:fs';
import type { CliIO } from './io.js';
import { terminalProgress } from './progress-bar.js';

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

export function actionContext(ctx: { io: CliIO }, options: ActionOptions): actions.ActionContext {
  const { io } = ctx;
  const settings = actions.loadSettings(io.env, { tolerant: options.tolerantConfig ?? false });
  // a line of output first ends the line of a progress bar being drawn; the bar's delay is
  // measured with the host's clock (the tests' virtual one)
  const clock = io.clock;
  const bars = io.stderrIsTTY === true ? terminalProgress(io.stderr, clock === undefined ? Date.now : () => clock.now()) : undefined;
  const print = options.silent ? () => {} : (line: string) => (bars?.interrupt(), io.stdout(`${line}\n`));
  const base = io.hostRunner?.(io) ?? createExecaRunner({ env: io.env });
  const runner = options.dryRun ? createDryRunRunner(base, { print: (l) => io.stdout(`${l}\n`) }) : base;
  const actx: actions.ActionContext = {
    settings,
    verbosity: 1 + options.verbose,
    host: createFreeBsdHost({ env: io.env, runner, ...(io.clock === undefined ? {} : { clock: io.clock }) }),
    report: {
      print,
      diag: (line) => (bars?.interrupt(), io.stderr(`${line}\n`)),
      ...(bars === undefined ? {} : { progress: (label: string) => bars.start(label) }),
    },
    ...(io.cwd === undefined ? {} : { cwd: io.cwd }),
    ...(io.pid === undefined ? {} : { pid: io.pid }),
  };
  if (options.warnConfig !== false) actions.warnNetworkConfig(actx);
  return actx;
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
