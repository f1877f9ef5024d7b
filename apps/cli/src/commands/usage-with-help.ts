/**
 * Command-line mistakes an action finds (a value of the wrong form, an unknown
 * attribute) are shown like the ones the parser finds: with the command's help,
 * as shell pot did.
 */
import { isPotError } from '@pot/core';
import { UsageError } from '../errors.js';

/** Runs `fn`; a PotError `usage` it throws becomes a UsageError carrying `help`. */
export async function usageWithHelp<T>(help: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isPotError(error) && error.code === 'usage' && !(error instanceof UsageError)) {
      throw new UsageError(error.message, help, error.suggestion);
    }
    throw error;
  }
}
