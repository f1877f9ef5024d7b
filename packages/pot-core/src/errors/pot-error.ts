/**
 * Every failure pot reports to a user is a PotError: a message that says what
 * was wrong, an optional suggestion that says what to do, a stable code for
 * `--json` output and scripts, and the exit code shell pot used for it.
 * Only the CLI's single exit point turns these into output and an exit code.
 */
/**
 * Every code a PotError carries, with what it means: the one list the README's
 * "Error codes" table is checked against. Scripts may rely on these codes
 * (`--json` prints them as `error`); messages may change, codes do not.
 */
export const POT_ERROR_CODES = {
  usage: 'the command line is wrong: an unknown command or option, a missing or malformed value (the help of the command follows)',
  config: 'pot.conf (or the pot.default.conf beside it) is unreadable or invalid',
  'invalid-name': 'a pot, base, bridge, fs component, path or URL name pot refuses to use',
  'not-found': 'the named pot, base, bridge, fs component, snapshot, flavour or file does not exist',
  'already-exists': 'the pot, base, bridge or fs component to create exists already',
  conflict: 'the request contradicts the state of the host or of another pot (address, port, mount in use)',
  busy: 'another pot command holds the lock, or the pot is running when it must be stopped',
  'host-command': 'a host tool failed, or the command of a pot failed under `pot start` (exit 125)',
  'host-state': 'the host is not ready: `pot init` not run, a dataset, directory or interface missing, a pot incomplete',
  unsupported: 'the request needs what this host or user lacks (root privileges, a FreeBSD feature)',
  interrupted: 'SIGINT or SIGTERM, or a stop or destroy of the pot being started, stopped the command; what it had done was undone',
  internal: 'a bug in pot: please report it with the command you ran (`POT_DEBUG=1` adds the stack)',
} as const satisfies Record<string, string>;

export type PotErrorCode = keyof typeof POT_ERROR_CODES;

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
