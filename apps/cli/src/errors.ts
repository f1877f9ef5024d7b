/**
 * The CLI's single exit point: every failure ends here as a PotError (or is
 * wrapped into one) and is turned into output and an exit code. Nothing else in
 * the CLI writes errors or decides exit codes.
 */
import { isPotError, PotError } from '@pot/core';
import { ZodError } from 'zod';
import type { CliIO } from './io.js';
import { errorJson } from './json-output/json-output.js';

/** A user mistake on the command line: shown with the command's help. */
export class UsageError extends PotError {
  readonly help: string | undefined;
  constructor(message: string, help?: string, suggestion?: string) {
    super('usage', message, suggestion === undefined ? {} : { suggestion });
    this.help = help;
  }
}

export interface ErrorMode {
  json: boolean;
  /** `-q`: errors print nothing, only the exit code tells. */
  quiet: boolean;
}

export function toPotError(err: unknown): PotError {
  if (isPotError(err)) return err;
  if (err instanceof ZodError) {
    return new UsageError(err.issues.map((i) => `${i.path.join('.') || 'option'}: ${i.message}`).join('; '));
  }
  const message = err instanceof Error ? err.message : String(err);
  return new PotError('internal', `internal error: ${message}`, {
    cause: err,
    suggestion: 'this is a bug in pot; please report it with the command you ran',
  });
}

/** Prints the error (stderr, or a JSON object on stdout with --json) and returns the exit code. */
export function reportError(err: unknown, io: CliIO, mode: ErrorMode): number {
  const e = toPotError(err);
  if (mode.json) {
    io.stdout(`${errorJson(e)}\n`);
    return e.exitCode;
  }
  if (mode.quiet) return e.exitCode;
  // "not found" is one line: what is missing and how to list what exists
  if (e.code === 'not-found' && e.suggestion) {
    io.stderr(`###>  ${e.message} (${e.suggestion})\n`);
    return e.exitCode;
  }
  let text = `###>  ${e.message}\n`;
  for (const d of e.details) if (d.message !== e.message) text += `      ${d.path}: ${d.message}\n`;
  if (e.suggestion) text += `      fix: ${e.suggestion}\n`;
  if (e instanceof UsageError && e.help) text += e.help;
  if (e.code === 'internal' && e.cause instanceof Error && e.cause.stack && io.env.POT_DEBUG) text += `${e.cause.stack}\n`;
  io.stderr(text);
  return e.exitCode;
}
