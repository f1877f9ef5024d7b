/**
 * How the FreeBSD driver's operation groups run their tools: a command line as a query (`q`,
 * run for real even in a dry run) or a change (`e`, printed instead in a dry run), and the
 * runner's answers as each group wants them.
 */
import { commandError, type CommandResult, type CommandRunner, type HostCommand } from '../command.js';
import type { ExecResult } from '../types.js';

/** A query: changes nothing on the host. */
export const q = (file: string, args: readonly string[], extra: Partial<HostCommand> = {}): HostCommand => ({ file, args, mutating: false, ...extra });
/** A change of the host. */
export const e = (file: string, args: readonly string[], extra: Partial<HostCommand> = {}): HostCommand => ({ file, args, mutating: true, ...extra });

export interface Tools {
  run(command: HostCommand): Promise<CommandResult>;
  /** Runs a command that must succeed. */
  must(command: HostCommand, what?: string): Promise<CommandResult>;
  /** Runs a probe: the exit status is the answer. */
  probe(command: HostCommand): Promise<boolean>;
  out(r: CommandResult): ExecResult;
}

export function toolsOf(runner: CommandRunner): Tools {
  const run = (command: HostCommand): Promise<CommandResult> => runner.run(command);
  return {
    run,
    async must(command, what) {
      const result = await run(command);
      if (result.exitCode !== 0) throw commandError(command, result, what);
      return result;
    },
    probe: async (command) => (await run(command)).exitCode === 0,
    out: (r) => ({ exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr }),
  };
}
