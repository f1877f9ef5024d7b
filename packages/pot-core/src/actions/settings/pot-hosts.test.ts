import { describe, expect, it } from 'vitest';
import { thrown } from '../../../test/thrown-pot-error.js';
import { hostEntry, potHostsValue } from './pot-hosts.js';

describe('set-hosts -H', () => {
  it('splits at the first colon; IPv6 addresses keep theirs; the IP is kept as given', () => {
    expect(hostEntry('db:10.192.0.5')).toEqual({ hostname: 'db', ip: '10.192.0.5' });
    expect(hostEntry('v6.example.org:fd00::5')).toEqual({ hostname: 'v6.example.org', ip: 'fd00::5' });
    expect(hostEntry('x:2001:DB8::1')).toEqual({ hostname: 'x', ip: '2001:DB8::1' });
    expect(potHostsValue(hostEntry('db:10.192.0.5'))).toBe('10.192.0.5 db');
  });

  it('no colon: the form is wrong', () => {
    const e = thrown(() => hostEntry('db'));
    expect(e.code).toBe('usage');
    expect(e.message).toBe('db not in a valid form');
    expect(e.suggestion).toBe('hostname:IP is accepted');
  });

  it.each([':10.1.1.1', 'db:', ':'])('%j: an empty part', (v) => expect(thrown(() => hostEntry(v)).message).toBe('Submitted ip or hostname are empty'));

  it.each([
    ['db:10.1.1', '10.1.1'],
    ['db:10.1.1.256', '10.1.1.256'],
    ['db:host.example.org', 'host.example.org'],
    ['db:10.1.1.1/24', '10.1.1.1/24'],
    ['db: 10.1.1.1', ' 10.1.1.1'],
    ['db:fe80::1%em0', 'fe80::1%em0'],
  ])('%s: not an IP', (v, ip) => expect(thrown(() => hostEntry(v)).message).toBe(`Submitted ip ${ip} is not a valid one`));

  it('a host name on one line only', () => {
    expect(thrown(() => hostEntry('a\nb:10.1.1.1')).message).toContain('cannot span several lines');
  });
});

describe('set-hosts host names', () => {
  it.each(['a b', 'db;x', 'db$(x)', '-db', 'db.', "d'b", 'x'.repeat(254)])('%j is refused', (v) =>
    expect(thrown(() => hostEntry(`${v}:10.1.1.1`)).message).toMatch(/is not a host name$/),
  );
});
