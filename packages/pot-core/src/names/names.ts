/**
 * Strict validation of the names pot turns into paths, datasets, jail names,
 * interface descriptions and pf anchors. Shell pot only rejected a `.` in pot
 * names: `../x`, `a b`, `-f`, `*` all went through to `rm`, `zfs`
 * and `pfctl`. Every rule here has its own message, so a user knows which
 * one the name broke.
 *
 * How long a pot name may be, and why, is in limits.ts (one place); its pf
 * anchor name, shorter for long names, in rdr-anchor.ts. Bridge, fscomp and
 * base names are file names and dataset components: 63 characters keeps
 * them short and portable.
 */
import { PotError } from '../errors/pot-error.js';
import { MAX_POT_NAME_LENGTH, NAME_MAX, potNameLimit } from './limits.js';

export type NameKind = 'pot' | 'bridge' | 'fscomp' | 'base';

/** Bridge, fscomp and base names: file names and dataset components; 63 keeps them short and portable. */
export const MAX_OTHER_NAME_LENGTH = 63;

export const MAX_NAME_LENGTH: Readonly<Record<NameKind, number>> = {
  pot: MAX_POT_NAME_LENGTH,
  bridge: MAX_OTHER_NAME_LENGTH,
  fscomp: MAX_OTHER_NAME_LENGTH,
  base: MAX_OTHER_NAME_LENGTH,
};

export type NameRule =
  | 'empty'
  | 'too-long'
  | 'leading-dash'
  | 'slash'
  | 'dot-dot'
  | 'whitespace'
  | 'control'
  | 'glob'
  | 'shell'
  | 'dot'
  | 'leading-dot'
  | 'digits-only'
  | 'character';

export interface NameProblem {
  kind: NameKind;
  name: string;
  rule: NameRule;
  message: string;
  suggestion: string;
}

export interface NameCheckOptions {
  /**
   * 'new' (default): every rule, for names about to be created.
   * 'existing': a name to look up (stop, destroy, info of a pot shell pot may
   * have created): the safety rules only, without the length cap, so pots
   * with long names stay manageable.
   */
  purpose?: 'new' | 'existing';
  /** POT_ZFS_ROOT, when known: a new pot's snapshots must fit ZFS's name length below it. */
  zfsRoot?: string;
}

const GLOB = /[*?[\]]/;
const SHELL = /[$`'"\\;&|<>(){}!#~]/;
const WHITESPACE = /\s/u;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
/** Pots and bridges: letters, digits, `_`, `-`. Bases and fscomps may also use `.` (`13.1`). */
const ALLOWED: Readonly<Record<NameKind, RegExp>> = {
  pot: /^[A-Za-z0-9_-]+$/,
  bridge: /^[A-Za-z0-9_-]+$/,
  fscomp: /^[A-Za-z0-9_.-]+$/,
  base: /^[A-Za-z0-9_.-]+$/,
};

const ALLOWED_TEXT: Readonly<Record<NameKind, string>> = {
  pot: 'letters, digits, "_" and "-"',
  bridge: 'letters, digits, "_" and "-"',
  fscomp: 'letters, digits, ".", "_" and "-"',
  base: 'letters, digits, ".", "_" and "-"',
};

function problem(kind: NameKind, name: string, rule: NameRule, what: string, suggestion?: string): NameProblem {
  return {
    kind,
    name,
    rule,
    message: `${JSON.stringify(name)} is not a valid ${kind} name: ${what}`,
    suggestion: suggestion ?? `use ${ALLOWED_TEXT[kind]}, not starting with "-", at most ${MAX_NAME_LENGTH[kind]} characters`,
  };
}

/** The first rule `name` breaks, or undefined when it is a valid `kind` name. */
export function checkName(kind: NameKind, name: string, options: NameCheckOptions = {}): NameProblem | undefined {
  if (name === '') return problem(kind, name, 'empty', 'it is empty');
  if (name.includes('/')) return problem(kind, name, 'slash', 'it contains "/" (names become paths and datasets)');
  if (name === '..' || name === '.' || name.includes('..')) return problem(kind, name, 'dot-dot', 'it contains ".." (names become paths)');
  if (WHITESPACE.test(name)) return problem(kind, name, 'whitespace', 'it contains whitespace');
  if (CONTROL.test(name)) return problem(kind, name, 'control', 'it contains a control character');
  if (name.startsWith('-')) return problem(kind, name, 'leading-dash', 'it starts with "-" (commands would take it for an option)');
  if (GLOB.test(name)) return problem(kind, name, 'glob', 'it contains a glob character (*, ?, [ or ])');
  if (SHELL.test(name)) return problem(kind, name, 'shell', `it contains the shell metacharacter "${SHELL.exec(name)?.[0]}"`);
  if ((kind === 'pot' || kind === 'bridge') && name.includes('.')) {
    return problem(kind, name, 'dot', kind === 'pot' ? 'it contains "." (jail(8) reads "a.b" as jail b inside jail a)' : 'it contains "."');
  }
  if (name.startsWith('.')) return problem(kind, name, 'leading-dot', 'it starts with "." (hidden file)');
  if (!ALLOWED[kind].test(name)) return problem(kind, name, 'character', 'it contains a character other than ' + ALLOWED_TEXT[kind]);
  if (kind === 'pot' && /^[0-9]+$/.test(name)) {
    return problem(
      kind,
      name,
      'digits-only',
      'it is made of digits only (jail(8), jls and jexec take it for a jail id)',
      'add a letter, e.g. "pot' + name + '"',
    );
  }
  if (options.purpose === 'existing') {
    // shell pot made names longer than ours, but none longer than a file name: such a name is no pot's
    if (name.length <= NAME_MAX) return undefined;
    return problem(
      kind,
      name,
      'too-long',
      `it has ${name.length} characters, more than ${NAME_MAX} (no directory of that name can exist)`,
      `use a name of at most ${MAX_NAME_LENGTH[kind]} characters`,
    );
  }
  const limit = kind === 'pot' ? potNameLimit(options.zfsRoot) : { max: MAX_NAME_LENGTH[kind], why: '' };
  if (name.length > limit.max) {
    const why = `it has ${name.length} characters, more than ${limit.max}${limit.why === '' ? '' : ` (${limit.why})`}`;
    return problem(kind, name, 'too-long', why, `use a name of at most ${limit.max} characters`);
  }
  return undefined;
}

export function isValidName(kind: NameKind, name: string, options: NameCheckOptions = {}): boolean {
  return checkName(kind, name, options) === undefined;
}

/** Returns `name` when valid; throws PotError('invalid-name') saying which rule it broke. */
export function validateName(kind: NameKind, name: string, options: NameCheckOptions = {}): string {
  const found = checkName(kind, name, options);
  if (found !== undefined) {
    throw new PotError('invalid-name', found.message, { suggestion: found.suggestion });
  }
  return name;
}

export const validatePotName = (name: string, options?: NameCheckOptions): string => validateName('pot', name, options);
export const validateBridgeName = (name: string, options?: NameCheckOptions): string => validateName('bridge', name, options);
export const validateFscompName = (name: string, options?: NameCheckOptions): string => validateName('fscomp', name, options);
export const validateBaseName = (name: string, options?: NameCheckOptions): string => validateName('base', name, options);
