import { describe, expect, it } from 'vitest';
import { checkName, validateName, validatePotName, type NameKind, type NameRule } from '../../src/names/names.js';
import { MAX_POT_NAME_LENGTH, maxPotNameForZfsRoot } from '../../src/names/limits.js';
import { legacyRdrAnchorOf, rdrAnchorName, rdrAnchorOf } from '../../src/names/rdr-anchor.js';
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
  ['pot', 'a'.repeat(217), 'too-long'],
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
    ['pot', 'a'.repeat(216)],
    ['pot', '1web'],
    ['bridge', 'stove'],
    ['base', '13.1'],
    ['base', '14.0-RC1'],
    ['fscomp', 'data.v2'],
  ] as Array<[NameKind, string]>)('%s name %j is valid', (kind, name) => {
    expect(checkName(kind, name)).toBeUndefined();
    expect(validateName(kind, name)).toBe(name);
  });

  it("takes nomad-pot-driver's names for a 63-character task name (task name + 46)", () => {
    const driverName = `${'t'.repeat(63)}_1a2b3c4d_0f8fad5b-d9cb-469f-a165-70867728950e`;
    expect(driverName).toHaveLength(109);
    expect(checkName('pot', driverName, { zfsRoot: 'zroot/pot' })).toBeUndefined();
  });

  it('says which limit a name breaks: file names on every host, the snapshot name below a long POT_ZFS_ROOT', () => {
    expect(MAX_POT_NAME_LENGTH).toBe(216);
    expect(() => validatePotName('a'.repeat(217))).toThrow(
      '"' +
        'a'.repeat(217) +
        '" is not a valid pot name: it has 217 characters, more than 216 (the file name "pot-lock-<name>.lock.<pid>.<random>.new" must fit NAME_MAX, 255 characters)',
    );
    const root = `tank/${'r'.repeat(60)}`;
    expect(maxPotNameForZfsRoot(root)).toBe(255 - root.length - '/jails/'.length - '/usr.local@'.length - 10);
    const max = maxPotNameForZfsRoot(root);
    expect(checkName('pot', 'a'.repeat(max), { zfsRoot: root })).toBeUndefined();
    const broken = checkName('pot', 'a'.repeat(max + 1), { zfsRoot: root });
    expect(broken?.rule).toBe('too-long');
    expect(broken?.message).toContain(`more than ${max} (its snapshot "${root}/jails/<name>/usr.local@<epoch>" must fit ZFS's 255 characters)`);
    expect(checkName('pot', 'a'.repeat(max + 1), { zfsRoot: 'zroot/pot' })).toBeUndefined();
  });

  it('an existing pot never has a name longer than a file name', () => {
    const broken = checkName('pot', 'a'.repeat(300), { purpose: 'existing' });
    expect(broken?.rule).toBe('too-long');
    expect(broken?.message).toContain('it has 300 characters, more than 255 (no directory of that name can exist)');
  });

  it('a pot of up to 55 characters has its own name as pf anchor (as in shell pot)', () => {
    expect(rdrAnchorOf('web')).toBe('pot-rdr/web');
    expect(rdrAnchorOf('a'.repeat(55))).toBe(`pot-rdr/${'a'.repeat(55)}`);
    expect(legacyRdrAnchorOf('a'.repeat(55))).toBeUndefined();
  });

  it('a longer name gets a derived anchor name: 55 characters, stable, distinct from every short name and from other long names', () => {
    const a = `webserver1_1a2b3c4d_0f8fad5b-d9cb-469f-a165-70867728950e`;
    const b = `webserver1_1a2b3c4d_0f8fad5b-d9cb-469f-a165-70867728950f`;
    expect(rdrAnchorName(a)).toHaveLength(55);
    expect(rdrAnchorName(a)).toBe(rdrAnchorName(a));
    expect(rdrAnchorName(a)).toMatch(/^webserver1_1a2b3c4d_0f8fad5b-d9cb-\.[0-9a-f]{20}$/);
    expect(rdrAnchorName(a)).not.toBe(rdrAnchorName(b));
    expect(checkName('pot', rdrAnchorName(a))?.rule).toBe('dot');
    expect(rdrAnchorOf('x'.repeat(216)).length).toBeLessThanOrEqual(63);
    const names = Array.from({ length: 2000 }, (_, i) => `TASK_${'a'.repeat(40)}_${i}`);
    expect(new Set(names.map(rdrAnchorName)).size).toBe(names.length);
  });

  it("finds the anchor shell pot made for a long name: its last 55 characters without leading '_'", () => {
    const name = `${'w'.repeat(10)}__${'u'.repeat(54)}`;
    expect(legacyRdrAnchorOf(name)).toBe(`pot-rdr/${'u'.repeat(54)}`);
    expect(legacyRdrAnchorOf(`web${'_'.repeat(60)}`)).toBeUndefined();
  });

  it('existing names skip only our length cap (up to a file name)', () => {
    expect(checkName('pot', 'a'.repeat(255), { purpose: 'existing' })).toBeUndefined();
    expect(checkName('pot', '../x', { purpose: 'existing' })?.rule).toBe('slash');
  });
});
