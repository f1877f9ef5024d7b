/**
 * Every failure pot reports to a user is a PotError: a message that says what
 * was wrong, an optional suggestion that says what to do, a stable code for
 * `--json` output and scripts, and the exit code shell pot used for it.
 * Only the CLI's single exit point turns these into output and an exit code.
 */
export type PotErrorCode =
  | 'usage'
  | 'config'
  | 'invalid-name'
  | 'not-found'
  | 'already-exists'
  | 'conflict'
  | 'busy'
  | 'host-command'
  | 'host-state'
  | 'unsupported'
  | 'interrupted'
  | 'internal';

export interface PotErrorOptions {
  suggestion?: string;
  exitCode?: number;
  cause?: unknown;
  /** Field-level details (config checks, zod issues) for `--json` output. */
  details?: readonly PotErrorDetail[];
}

export interface PotErrorDetail {
  path: string;
  message: string;
}

export class PotError extends Error {
  readonly code: PotErrorCode;
  readonly suggestion: string | undefined;
  readonly exitCode: number;
  readonly details: readonly PotErrorDetail[];

  constructor(code: PotErrorCode, message: string, options: PotErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'PotError';
    this.code = code;
    this.suggestion = options.suggestion;
    this.exitCode = options.exitCode ?? 1;
    this.details = options.details ?? [];
  }

  toJSON(): Record<string, unknown> {
    return {
      error: this.code,
      message: this.message,
      ...(this.suggestion === undefined ? {} : { suggestion: this.suggestion }),
      ...(this.details.length === 0 ? {} : { details: this.details }),
    };
  }
}

export function isPotError(value: unknown): value is PotError {
  return value instanceof PotError;
}
