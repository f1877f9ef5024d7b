import { describe, expect, it } from 'vitest';
import { freebsdParse as p } from '../../src/host/index.js';

const BRIDGE = `bridge0: flags=8943<UP,BROADCAST,RUNNING,PROMISC,SIMPLEX,MULTICAST> metric 0 mtu 1500
\tdescription: pot public bridge
\tether 58:9c:fc:10:ff:01
\tinet 10.192.0.1 netmask 0xffc00000 broadcast 10.255.255.255
\tinet6 fe80::5a9c:fcff:fe10:ff01%bridge0 prefixlen 64 scopeid 0x3
\tinet6 2001:db8::1/64
\tid 00:00:00:00:00:00 priority 32768 hellotime 2 fwddelay 15
\tmember: p46b02cb5b7257 flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>
\t        ifmaxaddr 0 port 5 priority 128 path cost 2000
\tmember: epair1a flags=943<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP,PRIVATE>
\tgroups: bridge pot
\tnd6 options=9<PERFORMNUD,IFDISABLED>
`;

describe('FreeBSD output parsers', () => {
  it('parses ifconfig: flags, description, inet with hex netmask, inet6, members, groups', () => {
    const [info] = p.parseIfconfig(BRIDGE);
    expect(info).toMatchObject({
      name: 'bridge0',
      up: true,
      mtu: 1500,
      description: 'pot public bridge',
      ether: '58:9c:fc:10:ff:01',
      groups: ['bridge', 'pot'],
      members: [
        { name: 'p46b02cb5b7257', private: false },
        { name: 'epair1a', private: true },
      ],
    });
    expect(info!.addresses).toEqual([
      { family: 'inet', address: '10.192.0.1', prefixLength: 10, netmask: '255.192.0.0', broadcast: '10.255.255.255' },
      { family: 'inet6', address: 'fe80::5a9c:fcff:fe10:ff01', prefixLength: 64, scope: 'bridge0' },
      { family: 'inet6', address: '2001:db8::1', prefixLength: 64 },
    ]);
  });
  it('parses several interfaces and dotted netmasks', () => {
    const text = `lo0: flags=8049<UP,LOOPBACK,RUNNING,MULTICAST> metric 0 mtu 16384
\tinet 127.0.0.1 netmask 0xff000000
em0: flags=8802<BROADCAST,SIMPLEX,MULTICAST> metric 0 mtu 1500
\tinet 192.168.1.10 netmask 255.255.255.0 broadcast 192.168.1.255
`;
    const all = p.parseIfconfig(text);
    expect(all.map((i) => [i.name, i.up, i.addresses[0]?.prefixLength])).toEqual([
      ['lo0', true, 8],
      ['em0', false, 24],
    ]);
  });
  it('netmask helpers', () => {
    expect(p.netmaskToPrefix('0xffffff00')).toBe(24);
    expect(p.netmaskToPrefix('255.192.0.0')).toBe(10);
    expect(p.netmaskToPrefix('0x00000000')).toBe(0);
    expect(p.netmaskToPrefix('0xff00ff00')).toBeUndefined();
    expect(p.prefixToNetmask(29)).toBe('255.255.255.248');
  });
  it('parses name lists, zfs rows, anchors, jls and mount', () => {
    expect(p.parseNameList('bridge0\nbridge1\n')).toEqual(['bridge0', 'bridge1']);
    expect(p.parseNameList('lo0 em0 bridge0\n')).toEqual(['lo0', 'em0', 'bridge0']);
    expect(p.parseZfsRows('zroot/pot\t/opt/pot\nzroot/pot/jails\t/opt/pot/jails\n')).toEqual([
      ['zroot/pot', '/opt/pot'],
      ['zroot/pot/jails', '/opt/pot/jails'],
    ]);
    expect(p.parseAnchors('  pot-nat\n  pot-rdr\n')).toEqual(['pot-nat', 'pot-rdr']);
    expect(p.parseMount('devfs on /dev (devfs)\n/opt/pot/bases/13.1 on /opt/pot/jails/web/m (nullfs, local, read-only)\n')).toEqual([
      { source: 'devfs', target: '/dev', type: 'devfs', options: [] },
      { source: '/opt/pot/bases/13.1', target: '/opt/pot/jails/web/m', type: 'nullfs', options: ['local', 'read-only'] },
    ]);
    expect(p.parsePfEnabled('Status: Enabled for 0 days 00:01:02           Debug: Urgent\n')).toBe(true);
  });
});
