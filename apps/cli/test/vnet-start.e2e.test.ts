import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, goldenEffects, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

describe('pot vnet-start', () => {
  it('ipv4: public bridge, forwarding, NAT anchor, pf enabled; second (verbose) call finds the bridge', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const first = await host.pot('vnet-start');
    expect(first).toEqual({ code: 0, stdout: '', stderr: '' });
    const dump = host.dump();
    expect(dump).toContain('description: pot public bridge');
    expect(dump).toContain('inet 10.192.0.1 netmask 0xffc00000');
    expect(dump).toContain('net.inet.ip.forwarding=1');
    expect(dump).toContain('enabled: 1');
    expect(dump).toContain('anchor pot-nat rules:\n  | nat on em0 inet from 10.192.0.0/10 to any -> (em0:0) round-robin');
    const second = await host.pot('vnet-start', '-v');
    expect(second.code).toBe(0);
    expect(second.stdout).toBe(
      'net.inet.ip.forwarding: 1 -> 1\n=====>  Bridge bridge0 already present\nnat on em0 inet from 10.192.0.0/10 to any -> (em0:0) round-robin\n',
    );
    expect(host.look('ifconfig', '-g', 'bridge').trim()).toBe('bridge0');
    expect(host.effects()).toBe(goldenEffects('vnet-start'));
  });
});
