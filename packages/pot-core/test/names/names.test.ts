import { describe, expect, it } from 'vitest';
import { checkName, MAX_POT_NAME_LENGTH, rdrAnchorOf, validateName, validatePotName, type NameKind, type NameRule } from '../../src/names/names.js';
import { PotError } from '../../src/errors/pot-error.js';

const cases: Array<[NameKind, string, NameRule]> = [
  ['pot', '', 'empty'],
  ['pot', 'a/b', 'slash'],
  ['bridge', '../x', 'slash'],
  ['base', '..', 'dot-dot'],
  ['fscomp', 'a..b', 'dot-dot'],
  ['pot', 'a b', 'whitespace'],
  ['pot', 'a\tb', 'whitespace'],
  ['pot', 'a\u0001', 'control'],
  ['pot', '-f', 'leading-dash'],
  ['bridge', '-x', 'leading-dash'],
  ['pot', 'web*', 'glob'],
  ['pot', 'we?b', 'glob'],
  ['fscomp', 'a[1]', 'glob'],
  ['pot', 'a$b', 'shell'],
  ['pot', 'a;rm', 'shell'],
  ['pot', 'a|b', 'shell'],
  ['pot', 'a`b`', 'shell'],
  ['pot', "it's", 'shell'],
  ['pot', 'a&b', 'shell'],
  ['pot', 'a>b', 'shell'],
  ['pot', 'web.example', 'dot'],
  ['bridge', 'br.0', 'dot'],
  ['base', '.hidden', 'leading-dot'],
  ['pot', 'wéb', 'character'],
  ['pot', 'a:b', 'character'],
  ['pot', '123', 'digits-only'],
  ['pot', 'a'.repeat(56), 'too-long'],
  ['bridge', 'b'.repeat(64), 'too-long'],
  ['fscomp', 'f'.repeat(64), 'too-long'],
  ['base', '1'.repeat(64), 'too-long'],
];

describe('names', () => {
  it.each(cases)('%s name %j breaks rule %s', (kind, name, rule) => {
    expect(checkName(kind, name)?.rule).toBe(rule);
    let error: unknown;
    try {
      validateName(kind, name);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PotError);
    expect((error as PotError).code).toBe('invalid-name');
    expect((error as PotError).message).toContain(`is not a valid ${kind} name: `);
    expect((error as PotError).suggestion).toBeTruthy();
  });

  it.each([
    ['pot', 'web'],
    ['pot', 'web-1_a'],
    ['pot', 'a'.repeat(55)],
    ['pot', '1web'],
    ['bridge', 'stove'],
    ['base', '13.1'],
    ['base', '14.0-RC1'],
    ['fscomp', 'data.v2'],
  ] as Array<[NameKind, string]>)('%s name %j is valid', (kind, name) => {
    expect(checkName(kind, name)).toBeUndefined();
    expect(validateName(kind, name)).toBe(name);
  });

  it('the pot name cap keeps pot-rdr/<name> within PF_ANCHOR_NAME_SIZE - 1', () => {
    expect(MAX_POT_NAME_LENGTH).toBe(55);
    expect(rdrAnchorOf('a'.repeat(MAX_POT_NAME_LENGTH)).length).toBe(63);
  });

  it('says which rule was broken', () => {
    expect(() => validatePotName('web.example')).toThrow('"web.example" is not a valid pot name: it contains "."');
    expect(() => validatePotName('a'.repeat(60))).toThrow(/60 characters, more than 55/);
  });

  it('existing names skip only the length cap', () => {
    expect(checkName('pot', 'a'.repeat(60), { purpose: 'existing' })).toBeUndefined();
    expect(checkName('pot', '../x', { purpose: 'existing' })?.rule).toBe('slash');
  });
});
