/**
 * `pot signal -p POT [-s SIGNAL] [-P PID | -m PATTERN] [-C] [-f]` (shell pot
 * 0.16.0): sends a signal to processes of a running pot — those whose name
 * matches a pattern, one pid, or the main process of a non-persistent pot —
 * or, with `-C`, only lists the ones it would reach. `-f` makes a failure a
 * notice (exit 0).
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import type { JailProcessSelector } from '../../host/types.js';
import { validatePotName } from '../../names/index.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { info, realFiles, requireRoot, warn } from '../context/context.js';
import { existingPot } from '../context/pot-lookup.js';
import { potRoot } from '../network/pot-root-files.js';
import { freebsdCounterpart, signalList, signalName, type SignalName } from './signal-names.js';

export interface SignalPotOptions {
  pot: string;
  /** `-s`: a signal name with or without `SIG` (default SIGINFO). */
  signal?: string | undefined;
  /** `-P`: a pid inside the pot. */
  pid?: string | undefined;
  /** `-m`: a pattern on process names. */
  pattern?: string | undefined;
  /** `-f`: failures are notices. */
  force?: boolean | undefined;
  /** `-C`: list the processes that would get the signal, send nothing. */
  check?: boolean | undefined;
}

export interface SignalPotResult {
  /** The signal reached (with `check`: would reach) a process. */
  matched: boolean;
  /** `check`: the pids of the processes found. */
  pids: number[];
}

/** The signal of `-s`, checked (PotError `usage` listing the valid names otherwise). */
export function checkedSignal(text: string): SignalName {
  const name = signalName(text);
  if (name !== undefined) return name;
  const near = freebsdCounterpart(text);
  const suggestion =
    near !== undefined
      ? `FreeBSD has no SIG${text.replace(/^sig/i, '').toUpperCase()}; its nearest signal is SIG${near}`
      : 'give a name of the list, with or without SIG (pot signal -l lists them)';
  throw new PotError('usage', `Invalid signal, valid signals: ${signalList()}`, { suggestion });
}

/** A pid of a file's first line (digits only); undefined when there is none. */
export function pidOf(text: string | undefined): number | undefined {
  const line = (text ?? '').split('\n')[0]!.trim();
  if (!/^[0-9]+$/.test(line)) return undefined;
  const pid = Number(line);
  return pid > 0 && Number.isSafeInteger(pid) ? pid : undefined;
}

const ERE_SPECIAL = /[\\^$.|?*+()[\]{}]/g;

/** The pattern of a whole command line `start` ran (pot.cmd's words, jexec'd without a shell). */
export function commandLinePattern(cmd: string): string {
  const words = cmd.split(/\s+/).filter((w) => w !== '');
  return `^${words.join(' ').replace(ERE_SPECIAL, (c) => `\\${c}`)}$`;
}

/**
 * The main process of a non-persistent pot: the pid in `POT_TMP/pot_main_pid_NAME`
 * (shell pot's start wrote it; this start does not), else the pid `/tmp/tinirc`
 * records inside the pot before it execs the command (pots without rc scripts,
 * as nomad makes them), else every process running the pot's command line.
 */
export async function mainProcess(ctx: ActionContext, pot: string, conf: PotConf): Promise<JailProcessSelector> {
  const fromStart = pidOf(await realFiles(ctx).read(path.join(ctx.settings.tmp, `pot_main_pid_${pot}`)));
  if (fromStart !== undefined) return { pid: fromStart };
  if (conf.attr('no-rc-script') === 'YES') {
    const fromTinirc = pidOf(await potRoot(ctx, pot).read('/tmp/tinirc.pid'));
    if (fromTinirc !== undefined) return { pid: fromTinirc };
  }
  return { pattern: commandLinePattern(conf.cmd), commandLine: true };
}

/** What a failure becomes: a notice with `force`, an error otherwise. */
function failed(ctx: ActionContext, options: SignalPotOptions, message: string, suggestion: string): SignalPotResult {
  if (options.force === true) {
    info(ctx, message);
    return { matched: false, pids: [] };
  }
  throw new PotError('host-state', message, { suggestion });
}

export async function signalPot(ctx: ActionContext, options: SignalPotOptions): Promise<SignalPotResult> {
  const { pot } = options;
  const given = options.signal ?? 'SIGINFO';
  const signal = checkedSignal(given);
  const pattern = options.pattern === '' ? undefined : options.pattern;
  const pidText = options.pid === '' ? undefined : options.pid;
  if (pidText !== undefined && pattern !== undefined) {
    throw new PotError('usage', 'Process ID and pattern match are mutually exclusive', { suggestion: 'give either -P PID or -m PATTERN' });
  }
  if (pidText !== undefined && pidOf(pidText) === undefined) throw new PotError('usage', 'Invalid pid', { suggestion: 'give the process id as digits' });
  validatePotName(pot, { purpose: 'existing' });
  if (!(await ctx.host.jails.isRunning(pot))) return failed(ctx, options, 'The pot is not running', `start it with 'pot start ${pot}'`);
  await requireRoot(ctx);

  let selector: JailProcessSelector;
  if (pattern !== undefined) {
    info(ctx, `Sending ${given} by pattern to pot ${pot}`);
    selector = { pattern };
  } else if (pidText !== undefined) {
    info(ctx, `Sending ${given} to pid ${pidText} in pot ${pot}`);
    selector = { pid: pidOf(pidText)! };
  } else {
    info(ctx, `Sending ${given} to main process of pot ${pot}`);
    const conf = await existingPot(ctx, pot);
    if (conf.attr('persistent') !== 'NO') return failed(ctx, options, 'Persistent pots have no main process', 'give the process with -P PID or -m PATTERN');
    selector = await mainProcess(ctx, pot, conf);
  }

  let pids: number[] = [];
  let matched: boolean;
  try {
    if (options.check === true) {
      pids = await ctx.host.jails.findProcesses(pot, selector);
      matched = pids.length > 0;
    } else {
      matched = await ctx.host.jails.signal(pot, signal, selector);
    }
  } catch (error) {
    if (!(error instanceof PotError) || error.code !== 'host-command') throw error;
    warn(ctx, error.message);
    matched = false;
  }
  if (!matched) return failed(ctx, options, 'Sending signal failed', `no process of pot ${pot} matched: 'pot signal -C …' lists the ones a signal would reach`);
  return { matched, pids };
}
