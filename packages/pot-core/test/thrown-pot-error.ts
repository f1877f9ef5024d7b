import { isPotError, type PotError } from '../src/errors/pot-error.js';

/**
 * The PotError a call throws, so a test can assert on its code, message and suggestion.
 * Fails the test when the call throws nothing or something that is not a PotError,
 * rather than letting a wrong error pass as the expected one.
 */
export function thrown(fn: () => unknown): PotError {
  try {
    fn();
  } catch (error) {
    if (isPotError(error)) return error;
    throw error;
  }
  throw new Error('nothing thrown');
}

/** The same for a promise: the PotError it rejects with. */
export async function rejected(p: Promise<unknown>): Promise<PotError> {
  try {
    await p;
  } catch (error) {
    if (isPotError(error)) return error;
    throw error;
  }
  throw new Error('nothing thrown');
}
