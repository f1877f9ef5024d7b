/**
 * A pot command, declared once: its name and aliases, the synopsis, every flag
 * (letter, value name, help line, the zod type that validates it, where its
 * values come from for completion), its operands, what it needs (root,
 * POT_FS_ROOT) and what it logs. The parser, the validation, the `-h` text, the
 * usage, the shell completions and the man page are all built from this.
 */
import type { actions } from '@pot/core';
import type { z } from 'zod';
import type { ErrorMode } from './errors.js';
import type { CliIO } from './io.js';

/** Where the values of a flag or an operand come from, for shell completion. */
export type Completion =
  | 'pot'
  | 'base'
  | 'fscomp'
  | 'flavour'
  | 'bridge'
  | 'snapshot'
  | 'file'
  | 'directory'
  | 'user'
  | 'signal'
  | 'command'
  | 'release'
  /** anything: completion offers nothing */
  | 'text'
  | { readonly values: readonly string[] };

export interface Flag<T extends z.ZodType = z.ZodType> {
  /** The getopts letter (`p` for `-p`). */
  readonly short?: string;
  /** The long name (`dry-run` for `--dry-run`). */
  readonly long?: string;
  /** The value's name in the parser and the man page; absent for a switch. */
  readonly value?: string;
  /** `-v -v` / `-vv`: the value is how many times the flag was given. */
  readonly count?: boolean;
  /** Each occurrence adds a value (an array). */
  readonly repeat?: boolean;
  /**
   * The help lines, without the flag itself: `-p` + ' ' + line 1, then each
   * further line as written (indented under it). Shell pot's wording is kept.
   */
  readonly help?: readonly string[];
  /** A flag parsed but not shown (shell pot's internal or ignored flags): why. */
  readonly hidden?: string;
  /** Validates (and may transform) what the parser read; its messages are shell pot's. */
  readonly type: T;
  /** Completion source of the value (a zod enum completes with its values by itself). */
  readonly complete?: Completion;
  /** When given, errors print nothing (shell pot's -q of config and prune). */
  readonly quietErrors?: boolean;
}

export interface Operand<T extends z.ZodType = z.ZodType> {
  /** Its name in the parser, the man page and the help. */
  readonly name: string;
  /** The operand stands for this flag when the flag is not given (`pot start NAME` = `-p NAME`). */
  readonly fills?: string;
  /** Takes every remaining word, options included (exec's COMMAND). */
  readonly rest?: boolean;
  /** Help lines appended after the flags' ('' for a blank line). */
  readonly help?: readonly string[];
  readonly type: T;
  readonly complete?: Completion;
}

export type Flags = Readonly<Record<string, Flag>>;
export type Operands = Readonly<Record<string, Operand>>;

/** The validated values a command's logic receives. */
export type Values<F extends Flags, P extends Operands> = { [K in keyof F]: z.output<F[K]['type']> } & { [K in keyof P]: z.output<P[K]['type']> };

/** What a command's logic gets besides its values. */
export interface Invocation {
  io: CliIO;
  /** How the exit point renders errors (a command may set json/quiet). */
  mode: ErrorMode;
  /** pot-core's context for this invocation (built on first use). */
  readonly actx: actions.ActionContext;
  /** The command's words as given. */
  args: readonly string[];
  /** The command's help text. */
  help: string;
  /** Throws a usage error that shows this command's help. */
  usage(message: string, suggestion?: string): never;
  /** Runs another pot command in-process (flavours); injected by the dispatcher. */
  runPot: actions.PotCommandRunner;
}

export interface CommandDefinition<F extends Flags = Flags, P extends Operands = Operands> {
  readonly name: string;
  /** Other names dispatched to this command (`ls` for list). */
  readonly aliases?: readonly string[];
  /** One line for the usage and the man page. */
  readonly summary: string;
  /** The usage's left column, when shell pot wrote it otherwise than the name (`ls/list`, padding). */
  readonly usageAs?: string;
  /** The first line(s) of the help text, as shell pot wrote them. */
  readonly synopsis: string;
  /** In help order. */
  readonly flags: F;
  readonly operands?: P;
  /** Help text after the flags' and operands' lines, as written. */
  readonly notes?: string;
  /** Flags whose missing value shell pot told before the others' (help order otherwise). */
  readonly checkOrder?: readonly string[];
  /** Needs root (pot-core's actions refuse otherwise); the man page says it. */
  readonly root?: boolean;
  /**
   * How the network configuration is checked: by default an invalid one is a
   * warning on stderr and the command goes on; `guard`: refused before
   * anything changes (no syslog line either), for the commands that act on the
   * network; `own`: the command or its action checks it; `tolerant`: `own`,
   * and lines the reader refuses are read anyway (doctor reports them).
   */
  readonly configCheck?: 'guard' | 'own' | 'tolerant';
  /** Refuses to run before `pot init` (POT_FS_ROOT must exist); default true. */
  readonly fsRoot?: boolean;
  /** A flag whose answer needs no installed pot, as -h (`signal -l`): no fs-root check, no syslog line. */
  readonly standalone?: keyof F & string;
  /**
   * Shell pot logs most commands to syslog before any check of their own
   * (`always`), read-only ones only with -v (`debug`); the others log in their
   * action or not at all.
   */
  readonly log?: 'always' | 'debug';
  /** Logged under another name and words (run is logged as `term -f`). */
  readonly logAs?: { readonly name: string; readonly argv: (args: readonly string[]) => readonly string[] };
  /** Rules between flags (mutually exclusive, one of), checked after validation. */
  check?(o: Values<F, P>, usage: (message: string) => never): void;
  /** The help when it needs the host (create-base lists the releases it can fetch). */
  runtimeHelp?(actx: actions.ActionContext): Promise<string>;
  /** The command's own logic; returns the exit code (0 when nothing is returned). */
  run(o: Values<F, P>, c: Invocation): Promise<number | void>;
}

/** Declares a command; the identity keeps the flags' and operands' types for `run`. */
export function defineCommand<F extends Flags, P extends Operands = Record<never, Operand>>(definition: CommandDefinition<F, P>): CommandDefinition<F, P> {
  return definition;
}

/** A definition with its value types erased, as the registry and the generators hold it. */
export type AnyCommand = CommandDefinition<Flags, Operands>;
