/**
 * Runs a declared command: the opening shell pot's pot-cmd gave every command
 * (flags parsed, -h answered, POT_FS_ROOT checked, the syslog line), the
 * validation, then the command's own logic.
 */
import { actions } from '@pot/core';
import { actionContext, requireFsRoot } from './action-context.js';
import { helpText, parseCommandLine, validate } from './command-line.js';
import type { AnyCommand, Invocation } from './definition.js';
import type { ErrorMode } from './errors.js';
import { UsageError } from './errors.js';
import type { CliIO } from './io.js';

export interface CommandContext {
  io: CliIO;
  /** How the exit point renders errors; commands set json/quiet from their flags. */
  mode: ErrorMode;
  /** The dispatcher, for commands that run other pot commands (flavours). */
  runPot: actions.PotCommandRunner;
}

/** What the dispatcher holds for each name. */
export interface PotCommand {
  name: string;
  help: string;
  /** Runs the command; returns the exit code (errors are thrown). */
  run(args: string[], ctx: CommandContext): Promise<number>;
}

export async function runDefinition(def: AnyCommand, args: readonly string[], ctx: CommandContext): Promise<number> {
  const staticHelp = helpText(def);
  const raw = parseCommandLine(def, args, staticHelp);
  if (Object.entries(def.flags).some(([key, flag]) => flag.quietErrors && raw[key] === true)) ctx.mode.quiet = true;
  if (raw.json === true) ctx.mode.json = true;
  let built: actions.ActionContext | undefined;
  const actx = (): actions.ActionContext =>
    (built ??= actionContext(ctx, {
      verbose: typeof raw.v === 'number' ? raw.v : 0,
      dryRun: raw.dryRun === true,
      silent: raw.json === true,
      warnConfig: def.configCheck === undefined,
      tolerantConfig: def.configCheck === 'tolerant',
    }));
  const currentHelp = async (): Promise<string> => (def.runtimeHelp ? def.runtimeHelp(actx()).catch(() => staticHelp) : staticHelp);
  if (raw.h === true) {
    ctx.io.stdout(await currentHelp());
    return 0;
  }
  const standalone = def.standalone !== undefined && raw[def.standalone] === true;
  if (def.log !== undefined && !standalone) {
    requireFsRoot(actx().settings);
    if (def.configCheck === 'guard') actions.assertNetworkConfig(actx());
    const name = def.logAs?.name ?? def.name;
    const argv = def.logAs?.argv(args) ?? args;
    if (def.log === 'always') await actions.syslog(actx(), name, argv);
    else if (Number(raw.v) > 0) await actions.syslog(actx(), name, argv, 'debug');
  }
  let o: Record<string, unknown>;
  try {
    o = validate(def, raw, staticHelp);
    def.check?.(o, (message) => {
      throw new UsageError(message, staticHelp);
    });
  } catch (err) {
    if (err instanceof UsageError && def.runtimeHelp) throw new UsageError(err.message, await currentHelp(), err.suggestion);
    throw err;
  }
  if (def.log === undefined && def.fsRoot !== false && !standalone) requireFsRoot(actx().settings);
  const invocation: Invocation = {
    io: ctx.io,
    mode: ctx.mode,
    get actx() {
      return actx();
    },
    args,
    help: staticHelp,
    usage: (message, suggestion) => {
      throw new UsageError(message, staticHelp, suggestion);
    },
    runPot: ctx.runPot,
  };
  return (await def.run(o, invocation)) ?? 0;
}

/** The dispatcher's view of a definition. */
export function toPotCommand(def: AnyCommand): PotCommand {
  return { name: def.name, help: helpText(def), run: (args, ctx) => runDefinition(def, args, ctx) };
}
