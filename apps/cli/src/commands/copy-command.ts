/**
 * What copy-in and copy-out share: the flags (-p, -s, -d, -F, --dry-run) and
 * the run, so that each command module holds only its help, its own flags and
 * the action it calls.
 */
import type { actions } from '@pot/core';
import type { Command } from 'commander';
import { z } from 'zod';
import type { CommandContext, CommonFlags, PotCommand } from './common.js';
import { openCommand, potParser } from './common.js';
import { usageWithHelp } from './usage-with-help.js';

export const CopyFlags = z.object({
  h: z.boolean().optional(),
  v: z.number(),
  p: z.string().optional(),
  s: z.string().optional(),
  d: z.string().optional(),
  F: z.boolean().optional(),
  dryRun: z.boolean().optional(),
});

export interface CopyFlagValues extends CommonFlags {
  p?: string | undefined;
  s?: string | undefined;
  d?: string | undefined;
  F?: boolean | undefined;
}

/** The shared flags as the copy actions take them; a missing one is '' so the action reports it. */
export interface CopyRequest {
  pot: string;
  source: string;
  destination: string;
  force: boolean;
}

export interface CopyCommandSpec<S extends z.ZodType<CopyFlagValues>> {
  name: string;
  help: string;
  /** CopyFlags, extended with the command's own flags. */
  schema: S;
  /** Registers the command's own flags; they go before --dry-run, where the parser always had them. */
  options?: (cmd: Command) => Command;
  copy(actx: actions.ActionContext, request: CopyRequest, o: z.infer<S>): Promise<void>;
}

export function copyCommand<S extends z.ZodType<CopyFlagValues>>(spec: CopyCommandSpec<S>): PotCommand {
  const { name, help } = spec;
  return {
    name,
    help,
    async run(args, ctx: CommandContext) {
      // A fresh parser per run: commander keeps the parsed values on the Command.
      const shared = potParser(name).option('-p <pname>', 'pot name').option('-s <source>', 'source').option('-d <dest>', 'destination').option('-F', 'force');
      const cmd = (spec.options ? spec.options(shared) : shared).option('--dry-run', 'print only');
      const opened = await openCommand({ name, cmd, schema: spec.schema, help }, args, ctx);
      if (!opened) return 0;
      const { o, actx } = opened;
      await usageWithHelp(help, () => spec.copy(actx, { pot: o.p ?? '', source: o.s ?? '', destination: o.d ?? '', force: o.F === true }, o));
      return 0;
    },
  };
}
