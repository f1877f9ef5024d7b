/**
 * What the completion scripts and the man page read from a definition: the
 * shown flags with a one-line description, whether each is required, and
 * where its values come from.
 */
import * as z from 'zod';
import { flagNames } from '../command-line.js';
import type { AnyCommand, Completion, Flag, Operand } from '../definition.js';

export interface FlagEntry {
  key: string;
  /** `-p`, `--dry-run` */
  names: string[];
  value: string | undefined;
  /** The first help line without its value name. */
  description: string;
  /** Every help line, trimmed (the man page). */
  lines: string[];
  repeat: boolean;
  count: boolean;
  required: boolean;
  source: Completion | undefined;
}

export interface OperandEntry {
  name: string;
  rest: boolean;
  required: boolean;
  source: Completion | undefined;
}

/** The values a zod enum accepts (through optional/default wrappers). */
export function enumValues(type: z.ZodType): readonly string[] | undefined {
  let t: unknown = type;
  while (t instanceof z.ZodOptional || t instanceof z.ZodDefault) t = t.unwrap();
  return t instanceof z.ZodEnum ? (t.options as string[]) : undefined;
}

/** `potname : the pot to be started` → `the pot to be started`. */
function describe(first: string): string {
  const colon = first.indexOf(': ');
  return colon >= 0 && colon <= 40 ? first.slice(colon + 2) : first;
}

const accepts = (type: z.ZodType, value: unknown): boolean => type.safeParse(value).success;

function sourceOf(item: Flag | Operand): Completion | undefined {
  const values = enumValues(item.type);
  return item.complete ?? (values === undefined ? undefined : { values });
}

export function flagEntries(def: AnyCommand): FlagEntry[] {
  // a flag an operand can stand for is not required as a flag
  const filled = new Set(Object.values(def.operands ?? {}).map((o) => o.fills));
  return Object.entries(def.flags)
    .filter(([, f]) => f.help !== undefined)
    .map(([key, f]) => {
      const [first = '', ...rest] = f.help ?? [];
      const description = describe(first);
      return {
        key,
        names: flagNames(f),
        value: f.value,
        description,
        lines: [description, ...rest.map((l) => l.trim())],
        repeat: f.repeat === true,
        count: f.count === true,
        required: !f.count && !filled.has(key) && !accepts(f.type, undefined),
        source: f.value === undefined ? undefined : sourceOf(f),
      };
    });
}

export function operandEntries(def: AnyCommand): OperandEntry[] {
  return Object.values(def.operands ?? {}).map((o) => ({
    name: o.name,
    rest: o.rest === true,
    required: o.fills === undefined && !accepts(o.type, undefined),
    source: sourceOf(o),
  }));
}

/** The shell command that lists the values of a source at completion time. */
export const LISTERS: Partial<Record<Exclude<Completion, { values: readonly string[] }>, string>> = {
  pot: 'pot ls -q',
  base: 'pot ls -b -q',
  fscomp: 'pot ls -f -q',
  flavour: 'pot ls -F -q',
  bridge: 'pot ls -B -q',
  signal: 'pot signal -l',
  release: "pot create-base -h | sed -n 's/^     + //p'",
};
