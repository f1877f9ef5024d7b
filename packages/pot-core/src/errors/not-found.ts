/**
 * The one way pot says that something named does not exist: `<kind> <name> not
 * found`, with the command that lists what does exist as the suggestion, code
 * `not-found`, exit 1. Shell pot said it a dozen ways ("is not a pot",
 * "is not valid", "Invalid pot name", "not found or corrupted"); a script
 * needs the code, a person needs the name and where to look.
 */
import { PotError } from './pot-error.js';

export type MissingKind = 'pot' | 'base' | 'bridge' | 'fscomp' | 'snapshot' | 'flavour';

const LABEL: Readonly<Record<MissingKind, string>> = {
  pot: 'pot',
  base: 'base',
  bridge: 'bridge',
  fscomp: 'fs component',
  snapshot: 'snapshot',
  flavour: 'flavour',
};

const LISTING: Readonly<Record<Exclude<MissingKind, 'snapshot'>, string>> = {
  pot: "'pot ls' lists the pots",
  base: "'pot ls -b' lists the bases",
  bridge: "'pot ls -B' lists the bridges",
  fscomp: "'pot ls -f' lists the fs components",
  flavour: "'pot ls -F' lists the flavours",
};

export interface NotFoundOptions {
  /** The pot a snapshot was looked for in (its listing names it). */
  of?: string;
  /** The role the name had, when it is not the command's main operand (`dependency pot`, `-P pot`). */
  role?: string;
  /** The directories looked in, for what is found by searching (flavours). */
  searched?: readonly string[];
}

/** How to list what exists of `kind`. */
export function listingHint(kind: MissingKind, of?: string): string {
  if (kind === 'snapshot') return of === undefined ? "'pot info -s -p POT' lists a pot's snapshots" : `'pot info -s -p ${of}' lists its snapshots`;
  return LISTING[kind];
}

/** PotError `not-found` for a `kind` named `name`. */
export function notFound(kind: MissingKind, name: string, options: NotFoundOptions = {}): PotError {
  const what = options.role ?? LABEL[kind];
  const where = kind === 'snapshot' && options.of !== undefined ? ` in pot ${options.of}` : '';
  const searched = options.searched?.length ? ` (looked in ${options.searched.join(' and ')})` : '';
  return new PotError('not-found', `${what} ${name} not found${where}${searched}`, { suggestion: listingHint(kind, options.of) });
}
