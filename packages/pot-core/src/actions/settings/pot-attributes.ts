/**
 * `pot set-attribute` and `pot get-attribute` (shell pot 0.16.0): the pot
 * attributes (`pot.attr.NAME` lines of pot.conf), which of them can be set or
 * read, their types, and how a value is checked and normalised before it is
 * written.
 */
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import { POT_RO_ATTRIBUTES, POT_RW_ATTRIBUTES, type PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { requireRoot } from '../context/context.js';
import { editPotConf, singleLineValue } from './pot-conf-edit.js';
import { existingPot } from '../context/pot-lookup.js';

export type AttributeType = 'bool' | 'uint' | 'sysvopt' | 'string';

/** Jail attributes a user may set (`_POT_JAIL_RW_ATTRIBUTES`), with their types (`_POT_DEFAULT_*_T`). */
const JAIL_RW_ATTRIBUTES: Readonly<Record<string, AttributeType>> = {
  enforce_statfs: 'uint',
  mount: 'bool',
  fdescfs: 'bool',
  linprocfs: 'bool',
  nullfs: 'bool',
  procfs: 'bool',
  tmpfs: 'bool',
  zfs: 'bool',
  raw_sockets: 'bool',
  sysvshm: 'sysvopt',
  sysvsem: 'sysvopt',
  sysvmsg: 'sysvopt',
  children: 'uint',
  mlock: 'bool',
  devfs_ruleset: 'uint',
  exec_stop: 'string',
  stop_timeout: 'uint',
};

/** The values of a sysvopt attribute (jail(8)'s sysvshm, sysvsem, sysvmsg). */
const SYSV_OPTIONS = ['new', 'inherit', 'disable'] as const;

/** Attributes `set-attribute` accepts, in shell pot's order. */
export const SETTABLE_ATTRIBUTES: readonly string[] = [...POT_RW_ATTRIBUTES, ...Object.keys(JAIL_RW_ATTRIBUTES)];

/** Attributes `get-attribute` accepts, in shell pot's order. */
export const READABLE_ATTRIBUTES: readonly string[] = [...POT_RW_ATTRIBUTES, ...POT_RO_ATTRIBUTES, ...Object.keys(JAIL_RW_ATTRIBUTES)];

/** The type of a settable attribute; undefined for any other name. */
export function attributeType(attr: string): AttributeType | undefined {
  if ((POT_RW_ATTRIBUTES as readonly string[]).includes(attr)) return 'bool';
  return Object.hasOwn(JAIL_RW_ATTRIBUTES, attr) ? JAIL_RW_ATTRIBUTES[attr] : undefined;
}

/** `_normalize_true_false`: yes/true/on → YES, no/false/off → NO (any case); undefined for anything else. */
export function normalizeBool(value: string): 'YES' | 'NO' | undefined {
  const v = value.toLowerCase();
  if (v === 'yes' || v === 'true' || v === 'on') return 'YES';
  if (v === 'no' || v === 'false' || v === 'off') return 'NO';
  return undefined;
}

/** An unsigned integer as shell pot accepts it: digits only. */
export function isUint(value: string): boolean {
  return /^[0-9]+$/.test(value);
}

export function isSysvOption(value: string): boolean {
  return (SYSV_OPTIONS as readonly string[]).includes(value);
}

function invalidValue(attr: string, value: string, expected: string): PotError {
  return new PotError('usage', `${value} is not a valid value for attribute ${attr}`, { suggestion: `${attr} takes ${expected}` });
}

/**
 * The value written for `attr`: checked against its type, booleans normalised
 * to YES/NO. PotError `usage` for an unknown attribute or a value of the wrong
 * type (shell pot's boolean message lost the value; this one names it).
 */
export function attributeValue(attr: string, value: string): string {
  const type = attributeType(attr);
  if (type === undefined) throw unknownAttribute(attr, 'set');
  singleLineValue(`attribute ${attr}`, value);
  switch (type) {
    case 'bool': {
      const b = normalizeBool(value);
      if (b === undefined) throw invalidValue(attr, value, 'a boolean: YES or NO (yes/no, true/false, on/off in any case)');
      return b;
    }
    case 'uint':
      if (!isUint(value)) throw invalidValue(attr, value, 'an unsigned integer (digits only)');
      return value;
    case 'sysvopt':
      if (!isSysvOption(value)) throw invalidValue(attr, value, `one of ${SYSV_OPTIONS.join(', ')}`);
      return value;
    case 'string':
      return value;
  }
}

function unknownAttribute(attr: string, verb: 'set' | 'get'): PotError {
  return new PotError('usage', `${attr} is not a valid attribute`, { suggestion: `'pot ${verb}-attribute -h' lists the attributes` });
}

export interface SetAttributeOptions {
  pot: string;
  attr: string;
  value: string;
}

/**
 * `pot set-attribute -p POT -A ATTR -V VALUE`: replaces the `pot.attr.ATTR=`
 * line of pot.conf (written last, as shell pot's delete-and-append does).
 * `no-tmpfs` only for single pots that are not running.
 */
export async function setAttribute(ctx: ActionContext, options: SetAttributeOptions): Promise<PotConf> {
  const { pot, attr, value } = options;
  if (value === '') throw new PotError('usage', 'Option -V is mandatory', { suggestion: 'give the new value with -V VALUE' });
  validatePotName(pot, { purpose: 'existing' });
  const conf = await existingPot(ctx, pot);
  if (attributeType(attr) === undefined) throw unknownAttribute(attr, 'set');
  await requireRoot(ctx);
  if (attr === 'no-tmpfs') {
    if (conf.getShell('pot.type') !== 'single') {
      throw new PotError('unsupported', 'Attribute no-tmpfs is only usable with single type pot', { suggestion: `pot ${pot} is a multi type pot` });
    }
    if (await ctx.host.jails.isRunning(pot)) {
      throw new PotError('busy', `pot ${pot} is still running`, { suggestion: `stop it first: pot stop -p ${pot}` });
    }
  }
  const written = attributeValue(attr, value);
  return editPotConf(ctx, pot, (c) => void c.set(`pot.attr.${attr}`, written, { position: 'end' }));
}

export interface GetAttributeOptions {
  pot: string;
  attr: string;
}

/**
 * `pot get-attribute -p POT -A ATTR`: the value of `pot.attr.ATTR` as shell
 * pot reads it (blanks and quotes removed; exec_stop kept as written), or
 * undefined when the attribute is not set (missing or empty).
 */
export async function getAttribute(ctx: ActionContext, options: GetAttributeOptions): Promise<string | undefined> {
  const { pot, attr } = options;
  validatePotName(pot, { purpose: 'existing' });
  const conf = await existingPot(ctx, pot);
  if (!READABLE_ATTRIBUTES.includes(attr)) throw unknownAttribute(attr, 'get');
  const value = conf.attr(attr);
  return value === undefined || value === '' ? undefined : value;
}
