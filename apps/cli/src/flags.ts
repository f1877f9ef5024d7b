/**
 * Flags many commands share, and the builders every definition uses, so that a
 * rule such as "A pot name is mandatory" is written once.
 */
import { isPotError } from '@pot/core';
import * as z from 'zod';
import type { Completion, Flag, Operand } from './definition.js';

export const HELP = { short: 'h', help: ['print this help'], type: z.boolean().default(false) } as const satisfies Flag;

export const VERBOSE = { short: 'v', count: true, help: ['verbose'], type: z.number().int().nonnegative() } as const satisfies Flag;

export const QUIET = { short: 'q', help: ['quiet'], type: z.boolean().default(false) } as const satisfies Flag;

/** A switch (`-r`). */
export function bool(short: string, ...help: string[]): Flag<z.ZodDefault<z.ZodBoolean>> {
  return { short, help, type: z.boolean().default(false) };
}

/** `--dry-run`, with the command's own sentence. */
export function dryRun(what = 'print the host commands instead of running them'): Flag<z.ZodDefault<z.ZodBoolean>> {
  return { long: 'dry-run', help: [what], type: z.boolean().default(false) };
}

/** `--json`, with the command's own sentence. */
export function json(what: string): Flag<z.ZodDefault<z.ZodBoolean>> {
  return { long: 'json', help: [what], type: z.boolean().default(false) };
}

/** A flag with a value; optional unless `type` says otherwise. */
export function option(short: string, value: string, help: readonly string[], extra?: { complete?: Completion }): Flag<z.ZodOptional<z.ZodString>>;
export function option<T extends z.ZodType>(short: string, value: string, help: readonly string[], extra: { type: T; complete?: Completion }): Flag<T>;
export function option(short: string, value: string, help: readonly string[], extra: { type?: z.ZodType; complete?: Completion } = {}): Flag {
  return { short, value, help, type: extra.type ?? z.string().optional(), ...(extra.complete === undefined ? {} : { complete: extra.complete }) };
}

/** A repeatable flag (`-e a -e b`): the values in order; [] when absent, unless `mandatory` says why not. */
export function repeated(
  short: string,
  value: string,
  help: readonly string[],
  extra: { item?: z.ZodType<string>; complete?: Completion; mandatory?: { message: string; suggestion: string } } = {},
): Flag<z.ZodType<string[]>> {
  const { mandatory } = extra;
  const values = z.array(extra.item ?? z.string()).default([]);
  const type = mandatory
    ? values.superRefine((given, ctx) => {
        if (given.length === 0) ctx.addIssue({ code: 'custom', message: mandatory.message, params: { suggestion: mandatory.suggestion } });
      })
    : values;
  return { short, value, help, repeat: true, complete: extra.complete ?? 'text', type };
}

/** A value pot-core checks: a PotError `usage` thrown by `check` becomes the flag's message. */
export function checkedBy(check: (value: string) => unknown): z.ZodType<string> {
  return z.string().superRefine((value, ctx) => {
    try {
      check(value);
    } catch (error) {
      if (!isPotError(error) || error.code !== 'usage') throw error;
      ctx.addIssue({ code: 'custom', message: error.message, params: { suggestion: error.suggestion } });
    }
  });
}

/** A value that must be given and not be empty, with shell pot's message for both. */
export function required(message: string): z.ZodString {
  return z.string({ error: message }).min(1, { error: message });
}

export const POT_NAME_MANDATORY = 'A pot name is mandatory';

/** `-p pot`, mandatory (shell pot's message unless the command had its own). */
export function potFlag(value: string, help: readonly string[], message = POT_NAME_MANDATORY): Flag<z.ZodString> {
  return { short: 'p', value, help, type: required(message), complete: 'pot' };
}

/** `-p pot`, optional (an operand may stand for it, or the command has other targets). */
export function optionalPot(value: string, help: readonly string[]): Flag<z.ZodOptional<z.ZodString>> {
  return { short: 'p', value, help, type: z.string().optional(), complete: 'pot' };
}

/** An enumerated value: completion offers the values, anything else gets `message(value)`. */
export function oneOf<const V extends readonly [string, ...string[]]>(
  values: V,
  message: (value: string) => string,
): z.ZodOptional<z.ZodEnum<{ [K in V[number]]: K }>> {
  return z.enum(values, { error: (issue) => message(String(issue.input)) }).optional();
}

/** The pot name as an operand, standing for `-p` (start, stop, term). */
export function potOperand(name: string, help: readonly string[]): Operand<z.ZodOptional<z.ZodString>> {
  return { name, fills: 'p', help, type: z.string().optional(), complete: 'pot' };
}

/** `-p pot : the working pot`, mandatory: most commands that change one pot. */
export const WORKING_POT = potFlag('pot', ['pot : the working pot']);
