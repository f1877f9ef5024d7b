/**
 * From a definition: the commander parser (shell pot's getopts grammar —
 * combined flags, attached values, counted -v — with options accepted after
 * the operands too), the validation by the flags' zod types, and the -h text.
 */
import { Command, CommanderError, Option } from 'commander';
import * as z from 'zod';
import type { AnyCommand, Flag } from './definition.js';
import { UsageError } from './errors.js';

const increment = (_: string, previous: number): number => previous + 1;
const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

/** `-p`, `--dry-run`, `-h, --help` as the flag is written on the command line. */
export function flagNames(flag: Flag): string[] {
  return [flag.short === undefined ? undefined : `-${flag.short}`, flag.long === undefined ? undefined : `--${flag.long}`].filter(
    (n): n is string => n !== undefined,
  );
}

/** A commander Command for one parse (commander keeps the values on it). */
export function buildParser(def: AnyCommand): Command {
  const cmd = new Command(def.name)
    .helpOption(false)
    .exitOverride()
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} })
    .allowExcessArguments(false);
  for (const [key, flag] of Object.entries(def.flags)) {
    const names = flagNames(flag).join(', ');
    const option = new Option(flag.value === undefined ? names : `${names} <${flag.value}>`, (flag.help ?? [flag.hidden ?? ''])[0]);
    if (flag.count) option.argParser(increment).default(0);
    if (flag.repeat) option.argParser(collect);
    if (option.attributeName() !== key) throw new Error(`${def.name}: flag ${names} must be declared as '${option.attributeName()}', not '${key}'`);
    cmd.addOption(option);
  }
  const operands = Object.values(def.operands ?? {});
  for (const operand of operands) cmd.argument(operand.rest ? `[${operand.name}...]` : `[${operand.name}]`);
  // exec: everything from the command on is the command's, its dashes included
  if (operands.some((o) => o.rest)) cmd.passThroughOptions();
  return cmd;
}

/** The parser's values by flag and operand key (an operand fills its flag when that is not given). */
export function parseCommandLine(def: AnyCommand, args: readonly string[], help: string): Record<string, unknown> {
  const cmd = buildParser(def);
  try {
    cmd.parse([...args], { from: 'user' });
  } catch (err) {
    if (!(err instanceof CommanderError)) throw err;
    if (err.code === 'commander.excessArguments') {
      const extra = cmd.args.slice(Object.keys(def.operands ?? {}).length);
      throw new UsageError(`unexpected argument '${extra[0] ?? ''}': pot ${def.name} takes ${def.operands ? 'fewer operands' : 'options only'}`, help);
    }
    throw new UsageError(err.message.replace(/^error: /, ''), help);
  }
  const raw: Record<string, unknown> = { ...cmd.opts() };
  Object.entries(def.operands ?? {}).forEach(([key, operand], i) => {
    const value: unknown = cmd.processedArgs[i];
    if (operand.fills === undefined) raw[key] = value;
    else raw[operand.fills] ??= value;
  });
  return raw;
}

/** The values the command's zod types accept. */
export function commandSchema(def: AnyCommand): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, operand] of Object.entries(def.operands ?? {})) if (operand.fills === undefined) shape[key] = operand.type;
  for (const [key, flag] of Object.entries(def.flags)) shape[key] = flag.type;
  return z.object(shape);
}

/**
 * Validates the parsed values. As shell pot's getopts loop did, a wrong value
 * that was given is reported before a missing (or empty) one, which shell pot
 * checked after the loop; the message is the type's.
 */
export function validate(def: AnyCommand, raw: Record<string, unknown>, help: string): Record<string, unknown> {
  const result = commandSchema(def).safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues;
  const given = (key: PropertyKey | undefined): boolean => raw[String(key)] !== undefined && raw[String(key)] !== '';
  const order = def.checkOrder ?? [];
  const rank = (key: PropertyKey | undefined): number => (order.includes(String(key)) ? order.indexOf(String(key)) : order.length);
  const first = issues.find((i) => given(i.path[0])) ?? [...issues].sort((a, b) => rank(a.path[0]) - rank(b.path[0]))[0];
  const suggestion: unknown = first?.code === 'custom' ? first.params?.suggestion : undefined;
  throw new UsageError(first?.message ?? 'invalid options', help, typeof suggestion === 'string' ? suggestion : undefined);
}

function indented(lines: readonly string[]): string {
  return lines.map((l) => (l === '' ? '\n' : `  ${l}\n`)).join('');
}

/** The -h text: the synopsis, each shown flag's lines, the operands' lines, the notes. */
export function helpText(def: AnyCommand): string {
  let text = `${def.synopsis}\n`;
  for (const flag of Object.values(def.flags)) {
    if (flag.help === undefined) continue;
    const [first = '', ...rest] = flag.help;
    text += indented([`${flagNames(flag).join(', ')} ${first}`, ...rest]);
  }
  for (const operand of Object.values(def.operands ?? {})) text += indented(operand.help ?? []);
  return text + (def.notes ?? '');
}
