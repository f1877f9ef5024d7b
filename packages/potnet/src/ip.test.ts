import { describe, expect, it } from 'vitest';
import { compareIp, formatIp, parseIp, parseIpv4, parseIpv6 } from './ip.js';
import { broadcastOf, contains, hostRange, netmaskOf, networkOf, parseIpNet, sizeOf } from './ipnet.js';

const ip = (text: string) => {
  const parsed = parseIp(text);
  if (!parsed) throw new Error(`bad test address ${text}`);
  return parsed;
};
const net = (text: string) => {
  const parsed = parseIpNet(text);
  if (!parsed) throw new Error(`bad test network ${text}`);
  return parsed;
};
const range = (text: string) => {
  const { first, last } = hostRange(net(text));
  const family = net(text).addr.family;
  return [formatIp({ family, value: first }), formatIp({ family, value: last })];
};

describe('IPv4 parsing, as Rust std parses', () => {
  it.each(['10.1.2.3', '0.0.0.0', '255.255.255.255'])('accepts %s', (t) => expect(formatIp(ip(t))).toBe(t));
  it.each(['010.1.2.3', '10.1.2', '10.1.2.3.4', '256.1.1.1', '1.2.3.4/24', ' 1.2.3.4', '1.2.3.4 ', '0x1.2.3.4', ''])('rejects %j', (t) => {
    expect(parseIpv4(t)).toBeUndefined();
  });
});

describe('IPv6 parsing and printing', () => {
  it.each([
    ['fd00:1::', 'fd00:1::'],
    ['FD00:0001:0000:0000:0000:0000:0000:0001', 'fd00:1::1'],
    ['::', '::'],
    ['::1', '::1'],
    ['1:0:0:1:0:0:0:1', '1:0:0:1::1'],
    ['1:0:1:0:1:0:1:0', '1:0:1:0:1:0:1:0'],
    ['::ffff:10.1.2.3', '::ffff:10.1.2.3'],
    ['::ffff:a01:203', '::ffff:10.1.2.3'],
    ['64:ff9b::10.1.2.3', '64:ff9b::a01:203'],
  ])('%s prints as %s', (input, output) => expect(formatIp(ip(input))).toBe(output));
  it.each(['fe80::1%em0', '1::2::3', '12345::', ':1', '1:2:3:4:5:6:7:8:9', '[::1]', 'g::1'])('rejects %j', (t) => {
    expect(parseIpv6(t)).toBeUndefined();
  });
  it('sorts every IPv4 address before every IPv6 address', () => {
    expect(compareIp(ip('255.255.255.255'), ip('::'))).toBeLessThan(0);
  });
});

describe('network math', () => {
  it('keeps host bits but masks network and broadcast', () => {
    const n = net('10.192.0.5/10');
    expect(formatIp(networkOf(n))).toBe('10.192.0.0');
    expect(formatIp(broadcastOf(n))).toBe('10.255.255.255');
    expect(formatIp(netmaskOf(n))).toBe('255.192.0.0');
  });
  it('/30 has two hosts, /31 and /32 keep every address (ipnet hosts())', () => {
    expect(range('10.0.0.0/30')).toEqual(['10.0.0.1', '10.0.0.2']);
    expect(range('10.0.0.0/31')).toEqual(['10.0.0.0', '10.0.0.1']);
    expect(range('10.0.0.7/32')).toEqual(['10.0.0.7', '10.0.0.7']);
  });
  it('IPv6 hosts include the subnet-router address; /127 and /128 too', () => {
    expect(range('fd00::/64')).toEqual(['fd00::', 'fd00::ffff:ffff:ffff:ffff']);
    expect(range('fd00::/127')).toEqual(['fd00::', 'fd00::1']);
    expect(range('fd00::5/128')).toEqual(['fd00::5', 'fd00::5']);
  });
  it('sizes a /64 without enumerating it', () => {
    expect(sizeOf(net('fd00::/64'))).toBe(1n << 64n);
  });
  it('IPv4-mapped IPv6 addresses are IPv6: not inside an IPv4 network', () => {
    expect(contains(net('10.0.0.0/8'), ip('::ffff:10.1.2.3'))).toBe(false);
    expect(contains(net('::ffff:0:0/96'), ip('::ffff:10.1.2.3'))).toBe(true);
  });
  it.each(['10.0.0.0/33', 'fd00::/129', '10.0.0.0', '10.0.0.0/', '10.0.0.0/-1', '10.0.0.0/ 8'])('rejects the network %j', (t) => {
    expect(parseIpNet(t)).toBeUndefined();
  });
});
