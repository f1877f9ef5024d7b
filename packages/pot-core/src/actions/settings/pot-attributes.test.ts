import { describe, expect, it } from 'vitest';
import { thrown } from '../../../test/thrown-pot-error.js';
import { JAIL_ATTRIBUTE_DEFAULTS, POT_RO_ATTRIBUTES, POT_RW_ATTRIBUTES } from '../../store/index.js';
import { attributeType, attributeValue, isSysvOption, isUint, normalizeBool, READABLE_ATTRIBUTES, SETTABLE_ATTRIBUTES } from './pot-attributes.js';
import { potCmdValue } from './pot-cmd.js';
import { envAssignment, potEnvValue } from './pot-env.js';
import { POT_ATTRIBUTES } from '../queries/pot-info.js';

describe('normalizeBool', () => {
  it.each(['yes', 'YES', 'Yes', 'yEs', 'true', 'TRUE', 'True', 'on', 'ON', 'oN'])('%s is YES', (v) => expect(normalizeBool(v)).toBe('YES'));
  it.each(['no', 'NO', 'No', 'false', 'FALSE', 'fAlSe', 'off', 'OFF', 'Off'])('%s is NO', (v) => expect(normalizeBool(v)).toBe('NO'));
  it.each(['', 'y', 'n', '1', '0', 'enable', 'yes ', ' no', 'nope', 'ja'])('%j is not a boolean', (v) => expect(normalizeBool(v)).toBeUndefined());
});

describe('isUint and isSysvOption', () => {
  it.each(['0', '7', '10', '0042', '4294967296'])('%s is a uint', (v) => expect(isUint(v)).toBe(true));
  it.each(['', '-1', '+1', '1.5', '10s', ' 1', '0x10', '١'])('%j is not a uint', (v) => expect(isUint(v)).toBe(false));
  it.each(['new', 'inherit', 'disable'])('%s is a sysvopt', (v) => expect(isSysvOption(v)).toBe(true));
  it.each(['', 'NEW', 'Inherit', 'disabled', 'none'])('%j is not a sysvopt', (v) => expect(isSysvOption(v)).toBe(false));
});

describe('attribute lists', () => {
  it('settable: the pot RW attributes and the jail attributes pot create writes', () => {
    expect(SETTABLE_ATTRIBUTES).toEqual([...POT_RW_ATTRIBUTES, ...JAIL_ATTRIBUTE_DEFAULTS.map(([a]) => a)]);
    expect(SETTABLE_ATTRIBUTES).not.toContain('to-be-pruned');
  });

  it('readable: settable and to-be-pruned; the same set pot info reports', () => {
    expect(READABLE_ATTRIBUTES).toEqual([...POT_RW_ATTRIBUTES, ...POT_RO_ATTRIBUTES, ...JAIL_ATTRIBUTE_DEFAULTS.map(([a]) => a)]);
    // shell pot's info order: the read-write ones, then the read-only
    const infoOrder = [
      'start-at-boot',
      'early-start-at-boot',
      'persistent',
      'no-rc-script',
      'prunable',
      'localhost-tunnel',
      'no-tmpfs',
      'no-etc-hosts',
      'to-be-pruned',
    ];
    expect(POT_ATTRIBUTES).toEqual(infoOrder);
  });

  it('types', () => {
    for (const a of POT_RW_ATTRIBUTES) expect(attributeType(a)).toBe('bool');
    for (const a of ['mount', 'fdescfs', 'linprocfs', 'nullfs', 'procfs', 'tmpfs', 'zfs', 'raw_sockets', 'mlock']) expect(attributeType(a)).toBe('bool');
    for (const a of ['enforce_statfs', 'children', 'devfs_ruleset', 'stop_timeout']) expect(attributeType(a)).toBe('uint');
    for (const a of ['sysvshm', 'sysvsem', 'sysvmsg']) expect(attributeType(a)).toBe('sysvopt');
    expect(attributeType('exec_stop')).toBe('string');
    for (const a of ['to-be-pruned', 'colour', '', 'constructor', 'toString', 'pot.attr.persistent']) expect(attributeType(a)).toBeUndefined();
  });
});

describe('attributeValue', () => {
  it('normalises booleans, keeps the other types as given', () => {
    expect(attributeValue('persistent', 'off')).toBe('NO');
    expect(attributeValue('no-etc-hosts', 'True')).toBe('YES');
    expect(attributeValue('raw_sockets', 'on')).toBe('YES');
    expect(attributeValue('children', '12')).toBe('12');
    expect(attributeValue('sysvsem', 'disable')).toBe('disable');
    expect(attributeValue('exec_stop', '/bin/sh /etc/rc.shutdown')).toBe('/bin/sh /etc/rc.shutdown');
  });

  it('names the value and the attribute when the value is wrong (shell pot lost the value)', () => {
    const bool = thrown(() => attributeValue('persistent', 'maybe'));
    expect(bool.code).toBe('usage');
    expect(bool.message).toBe('maybe is not a valid value for attribute persistent');
    expect(bool.suggestion).toContain('YES or NO');
    expect(thrown(() => attributeValue('stop_timeout', '10s')).message).toBe('10s is not a valid value for attribute stop_timeout');
    expect(thrown(() => attributeValue('sysvshm', 'NEW')).suggestion).toContain('new, inherit, disable');
  });

  it('refuses unknown attributes and values spanning lines', () => {
    expect(thrown(() => attributeValue('to-be-pruned', 'YES')).message).toBe('to-be-pruned is not a valid attribute');
    expect(thrown(() => attributeValue('exec_stop', 'a\nb')).code).toBe('usage');
  });
});

describe('set-cmd and set-env values', () => {
  it.each([
    ['sh /etc/rc', 'sh /etc/rc'],
    ['"sh /etc/rc"', 'sh /etc/rc'],
    ['"sh /etc/rc', 'sh /etc/rc'],
    ['sh /etc/rc"', 'sh /etc/rc"'],
    ['"', ''],
    ['""', ''],
    ['"a "b""', 'a "b"'],
  ])('potCmdValue(%j) = %j', (cmd, value) => expect(potCmdValue(cmd)).toBe(value));

  it('env assignments need =; values are quoted with inner quotes escaped', () => {
    expect(envAssignment('A=1')).toBe('A=1');
    expect(envAssignment('A=')).toBe('A=');
    expect(thrown(() => envAssignment('A')).message).toBe('A is not in a valid form');
    expect(potEnvValue('A=1')).toBe('"A=1"');
    expect(potEnvValue('MSG=say "hi"')).toBe('"MSG=say \\"hi\\""');
    expect(potEnvValue('P=a\\b')).toBe('"P=a\\b"');
  });
});
