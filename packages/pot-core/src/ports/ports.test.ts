import { describe, expect, it } from 'vitest';
import { assignHostPorts, hostPortRange, parsePortSpec, parseStoredPortSpecs, rdrRules } from './index.js';

describe('export-ports specs', () => {
  it.each([
    ['80', { protocol: 'tcp', potPort: 80, hostPort: undefined }],
    ['80:30080', { protocol: 'tcp', potPort: 80, hostPort: 30080 }],
    ['udp:53:5353', { protocol: 'udp', potPort: 53, hostPort: 5353 }],
    ['tcp:443', { protocol: 'tcp', potPort: 443, hostPort: undefined }],
  ])('%s: the first number is the port inside the pot', (text, expected) => {
    expect(parsePortSpec(text)).toEqual({ text, ...expected });
  });

  it.each(['80:', ':80', '70000', 'http', '0', 'sctp:80', '', 'udp:'])("refuses %j with shell pot's message", (text) => {
    expect(() => parsePortSpec(text)).toThrow(`${text} is not a valid port number`);
  });

  it('reads pot.export.ports back', () => {
    expect(parseStoredPortSpecs('80:30080 udp:53').map((s) => s.text)).toEqual(['80:30080', 'udp:53']);
  });
});

describe('host ports and rdr rules', () => {
  it('chooses the lowest free ports, skipping listening and exported ones and earlier choices (golden: 1024 used, 1025 exported -> 1026, 1027)', () => {
    const specs = parseStoredPortSpecs('80 443 22:2222');
    const ports = assignHostPorts(specs, hostPortRange(1023, 10000), new Set([1024, 1025]));
    expect(ports?.map((p) => p.hostPort)).toEqual([1026, 1027, 2222]);
  });

  it('reports an exhausted range', () => {
    expect(assignHostPorts(parseStoredPortSpecs('80'), { first: 1024, last: 1024 }, new Set([1024]))).toBeUndefined();
  });

  it('writes the rules shell pot writes, with POT_EXTIF_ADDR and POT_EXTRA_EXTIF', () => {
    const ports = [{ protocol: 'tcp' as const, potPort: 80, hostPort: 30080 }];
    expect(rdrRules({ extIf: 'em0', ip: '10.192.0.3' }, ports)).toEqual(['rdr pass on em0 proto tcp from any to (em0) port 30080 -> 10.192.0.3 port 80']);
    expect(rdrRules({ extIf: 'em0', extIfAddr: '192.168.1.10', extraIfs: ['vlan20'], ip: '10.192.0.3' }, ports)).toEqual([
      'rdr pass on em0 proto tcp from any to 192.168.1.10 port 30080 -> 10.192.0.3 port 80',
      'rdr pass on vlan20 proto tcp from any to (vlan20) port 30080 -> 10.192.0.3 port 80',
    ]);
  });
});
