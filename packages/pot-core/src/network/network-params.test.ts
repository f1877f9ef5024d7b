import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { AddressBook, readInventory, systemConfigFromTexts } from 'potnet';
import { describe, expect, it } from 'vitest';
import { decideNetwork, type NetworkRequest } from './index.js';

function context(pots: Record<string, string> = {}, bridges: Record<string, string> = {}) {
  const root = mkdtempSync(path.join(tmpdir(), 'pot-netparams-'));
  for (const [name, text] of Object.entries(pots)) {
    mkdirSync(path.join(root, 'jails', name, 'conf'), { recursive: true });
    writeFileSync(path.join(root, 'jails', name, 'conf', 'pot.conf'), text);
  }
  mkdirSync(path.join(root, 'bridges'));
  for (const [name, text] of Object.entries(bridges)) writeFileSync(path.join(root, 'bridges', name), text);
  const config = systemConfigFromTexts(
    `POT_ZFS_ROOT=zroot/pot\nPOT_FS_ROOT=${root}\nPOT_EXTIF=em0\nPOT_NETWORK=10.192.0.0/10\nPOT_NETMASK=255.192.0.0\nPOT_GATEWAY=10.192.0.1\nPOT_DNS_NAME=dns\nPOT_DNS_IP=10.192.0.2\n`,
  );
  return { book: new AddressBook(config, readInventory(root)), interfaceExists: (nic: string) => nic === 'em0' };
}

const req = (type: string, ips: string[] = [], extra: Partial<NetworkRequest> = {}): NetworkRequest => ({ type, ips, stack: 'ipv4', ...extra });

describe('decideNetwork (create -N/-i/-B/-S)', () => {
  it('inherit drops the addresses', () => {
    expect(decideNetwork(req('inherit', ['10.1.1.1']), context())).toEqual({ type: 'inherit', ip: '' });
  });

  it('public-bridge: auto takes the next free address; an explicit one must be free and inside', () => {
    const ctx = context({ web: 'network_type=public-bridge\nip=10.192.0.3\n' });
    expect(decideNetwork(req('public-bridge', ['auto']), ctx)).toEqual({ type: 'public-bridge', ip: '10.192.0.4' });
    expect(decideNetwork(req('public-bridge'), ctx).ip).toBe('10.192.0.4');
    expect(decideNetwork(req('public-bridge', ['10.192.0.9']), ctx).ip).toBe('10.192.0.9');
    expect(() => decideNetwork(req('public-bridge', ['10.192.0.3']), ctx)).toThrow(
      'The 10.192.0.3 IP is not valid - run potnet validate -H 10.192.0.3 for more information',
    );
    expect(() => decideNetwork(req('public-bridge', ['192.168.0.3']), ctx)).toThrow('is not valid');
    expect(() => decideNetwork(req('public-bridge', ['10.192.0.8', '10.192.0.9']), ctx)).toThrow('The 10.192.0.8 10.192.0.9 IP is not valid');
  });

  it("private-bridge: needs -B and a bridge; auto takes the bridge's next address; not on ipv6 only", () => {
    const ctx = context({ p1: 'network_type=private-bridge\nip=10.192.0.18\n' }, { stove: 'name=stove\nnet=10.192.0.16/29\ngateway=10.192.0.17\n' });
    expect(decideNetwork(req('private-bridge', [], { bridge: 'stove' }), ctx)).toEqual({ type: 'private-bridge', ip: '10.192.0.19', bridge: 'stove' });
    expect(() => decideNetwork(req('private-bridge', ['10.192.0.18'], { bridge: 'stove' }), ctx)).toThrow('-b stove for more information');
    expect(() => decideNetwork(req('private-bridge', []), ctx)).toThrow('A bridge name is mandatory');
    expect(() => decideNetwork(req('private-bridge', [], { bridge: 'oven' }), ctx)).toThrow('bridge oven not found');
    expect(() => decideNetwork(req('private-bridge', [], { bridge: 'stove', stack: 'ipv6' }), ctx)).toThrow(
      'private-bridge network type is not supported on ipv6 stack only',
    );
  });

  it('alias: -i is mandatory, NICs must exist, the stack needs an address of its family', () => {
    const ctx = context();
    expect(decideNetwork(req('alias', ['em0|192.168.1.50', 'fd00::50'], { stack: 'dual' }), ctx)).toEqual({ type: 'alias', ip: 'em0|192.168.1.50 fd00::50' });
    expect(() => decideNetwork(req('alias'), ctx)).toThrow('option -i is mandatory with network type is alias');
    expect(() => decideNetwork(req('alias', ['vtnet9|192.168.1.50']), ctx)).toThrow('vtnet9 is not a valid network interface');
    expect(() => decideNetwork(req('alias', ['300.1.1.1']), ctx)).toThrow('300.1.1.1 is not a valid IP address');
    expect(() => decideNetwork(req('alias', ['fd00::50']), ctx)).toThrow('Stack is ipv4 but not ipv4 address has been provided');
  });

  it('an unknown type is refused with the original message', () => {
    expect(() => decideNetwork(req('bridge'), context())).toThrow('Network type bridge not recognized');
  });
});
