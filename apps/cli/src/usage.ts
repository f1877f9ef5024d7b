/** Shell pot's usage text and alias table, built from the registered definitions. */
import type { AnyCommand } from './definition.js';

/** `pot help` and a mistaken command line print this (pot 0.16.0 wording, our commands added). */
export function usageText(commands: readonly AnyCommand[]): string {
  const lines = commands.map((c) => `    ${c.usageAs ?? c.name} -- ${c.summary}\n`);
  return `Usage: pot command [options]\n\nCommands:\n    help    -- Show help\n${lines.join('')}`;
}

/** Every alias to its command's name (resolved before dispatch and by `help CMD`). */
export function aliasTable(commands: readonly AnyCommand[]): Readonly<Record<string, string>> {
  return Object.fromEntries(commands.flatMap((c) => (c.aliases ?? []).map((a) => [a, c.name])));
}
