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

describe('pot vnet-start, other stacks and NAT variants', () => {
  it('dual: the IPv4 part, then an IPv6 bridge holding POT_EXTIF; idempotent', async () => {
    host = createFakeHost(['POT_NETWORK_STACK=dual']);
    host.setup('host_pot_root');
    expect((await host.pot('vnet-start')).code).toBe(0);
    expect((await host.pot('vnet-start')).code).toBe(0);
    const dump = host.dump();
    expect(dump).toContain('description: pot ipv6 bridge');
    expect(dump).toMatch(/bridge1:[^]*member: em0/);
    expect(host.look('ifconfig', '-g', 'bridge').split(/\s+/).filter(Boolean)).toEqual(['bridge0', 'bridge1']);
    expect(host.effects()).toBe(goldenEffects('vnet-start-dual'));
  });

  it('ipv6: only the IPv6 bridge, no pf, no forwarding', async () => {
    host = createFakeHost(['POT_NETWORK_STACK=ipv6']);
    host.setup('host_pot_root');
    const r = await host.pot('vnet-start');
    expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
    const e = host.effects();
    expect(e).toContain("E ifconfig bridge create descr 'pot ipv6 bridge' group pot");
    expect(e).toContain('E ifconfig bridge0 inet6 up');
    expect(e).toContain('E ifconfig bridge0 addm em0');
    expect(e).not.toContain('pfctl');
    expect(e).not.toContain('sysctl');
    await host.pot('vnet-start', '-B', 'ignored');
    expect(host.look('ifconfig', '-g', 'bridge').trim()).toBe('bridge0');
  });

  it('pf without rules: loads the main ruleset from pf_rules first, then enables pf', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_pf unloaded');
    const r = await host.pot('vnet-start');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('pf enabled\n');
    expect(host.dump()).toContain('enabled: 1');
    expect(host.effects()).toBe(goldenEffects('vnet-start-pf-unloaded'));
  });

  it('POT_EXTIF_ADDR present on POT_EXTIF: NAT to that address', async () => {
    host = createFakeHost(['POT_EXTIF_ADDR=192.168.1.10']);
    host.setup('host_pot_root');
    expect((await host.pot('vnet-start')).code).toBe(0);
    expect(host.effects()).toContain(
      '    | ext_if = "em0"\n    | localnet = "10.192.0.0/10"\n    | ext_addr = "192.168.1.10"\n    | nat on $ext_if from $localnet to any -> $ext_addr\n',
    );
    expect(host.dump()).toContain('  | nat on em0 inet from 10.192.0.0/10 to any -> 192.168.1.10');
  });

  it.each([
    ['not an address', '192.168.1.300', 'is not a valid IPv4 address - ignoring'],
    ['not on POT_EXTIF', '192.168.1.99', 'is not available on the network interface em0 [POT_EXTIF] - ignoring'],
  ])('POT_EXTIF_ADDR %s: ignored with a notice, NAT to the interface', async (_what, addr, notice) => {
    host = createFakeHost([`POT_EXTIF_ADDR=${addr}`]);
    host.setup('host_pot_root');
    const r = await host.pot('vnet-start');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(notice);
    expect(host.effects()).toContain('    | nat on $ext_if from $localnet to any -> ($ext_if:0)\n');
    expect(host.effects()).not.toContain('ext_addr');
  });

  it('POT_EXTRA_EXTIF with POT_NETWORK_<if>: one more NAT rule', async () => {
    host = createFakeHost(['POT_EXTRA_EXTIF=vlan20', 'POT_NETWORK_vlan20=192.168.100.0/24']);
    host.setup('host_pot_root; host_iface vlan20 192.168.100.10/24');
    expect((await host.pot('vnet-start')).code).toBe(0);
    expect(host.effects()).toContain('    | nat on vlan20 from $localnet to 192.168.100.0/24 -> (vlan20:0)\n');
    expect(host.dump()).toContain('  | nat on vlan20 inet from 10.192.0.0/10 to 192.168.100.0/24 -> (vlan20:0) round-robin');
  });

  it('VPN networks: one NAT rule per network through POT_VPN_EXTIF (golden vpn-nat)', async () => {
    host = createFakeHost(['POT_VPN_EXTIF=tun0', 'POT_VPN_NETWORKS="192.168.0.0/24 10.8.0.0/24"']);
    host.setup('host_pot_root; host_iface tun0 10.8.0.2/24');
    const r = await host.pot('vnet-start');
    expect(r.code).toBe(0);
    expect(host.effects()).toBe(goldenEffects('vpn-nat'));
    expect(host.dump()).toContain('  | nat on tun0 inet from 10.192.0.0/10 to 10.8.0.0/24 -> (tun0:0) round-robin');
  });

  it('-B for a private bridge: its own bridge with the gateway/prefix; twice', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    expect((await host.pot('create-private-bridge', '-B', 'stove', '-S', '4')).code).toBe(0);
    expect((await host.pot('vnet-start', '-B', 'stove')).code).toBe(0);
    expect((await host.pot('vnet-start', '-B', 'stove')).code).toBe(0);
    expect(host.dump()).toContain('description: pot private bridge');
    expect(host.look('ifconfig', 'bridge0')).toContain('inet 10.192.0.9 netmask 0xfffffff8');
    expect(host.effects()).toBe(goldenEffects('vnet-start-private-bridge'));
  });

  it('-B of an unknown bridge fails before changing anything', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const r = await host.pot('vnet-start', '-B', 'nope');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('###>  bridge nope not found');
    expect(host.effects()).toBe("### [1] pot vnet-start -B nope\nE logger -p local2.info -t pot 'pot-vnet-start -B nope'\n");
  });

  it('--dry-run prints the host commands and changes nothing', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const r = await host.pot('vnet-start', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ifconfig bridge create descr 'pot public bridge' group pot\n");
    expect(r.stdout).toContain('sysctl -qn net.inet.ip.forwarding=1\n');
    expect(r.stdout).toContain('pfctl -a pot-nat -f ');
    expect(r.stdout).toContain('pfctl -e\n');
    expect(host.log()).not.toMatch(/^E /m);
    expect(host.look('ifconfig', '-g', 'bridge').trim()).toBe('');
  });

  it('refuses without root', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_knob uid 1001');
    const r = await host.pot('vnet-start');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("###>  This operation needs 'root' privileges");
    expect(host.look('ifconfig', '-g', 'bridge').trim()).toBe('');
  });
});
