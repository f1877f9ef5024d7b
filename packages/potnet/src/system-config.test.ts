import { describe, expect, it } from 'vitest';
import { formatIp } from './ip.js';
import { formatIpNet } from './ipnet.js';
import { parsePotnetConf, readPotnetConf, systemConfigFromTexts } from './system-config.js';
import { bridgeFromConf, potFromConf } from './inventory.js';

const defaults = [
  'POT_ZFS_ROOT=zroot/pot',
  'POT_FS_ROOT=/opt/pot',
  'POT_EXTIF=em0',
  'POT_NETWORK=10.192.0.0/10',
  'POT_NETMASK=255.192.0.0',
  'POT_GATEWAY=10.192.0.1',
  'POT_DNS_NAME=dns',
  'POT_DNS_IP=10.192.0.2',
].join('\n');

describe("the configuration reader (pot's own: what pot reads, potnet reads)", () => {
  it('reads quoted values without their quotes, and export lines', () => {
    const conf = parsePotnetConf('POT_DNS_NAME="mydns"\nPOT_NETWORK=\'10.0.0.0/24\'\nexport POT_FS_ROOT=/x\n');
    expect(conf.dnsName).toBe('mydns');
    expect(conf.network && formatIpNet(conf.network)).toBe('10.0.0.0/24');
    expect(conf.fsRoot).toBe('/x');
  });
  it('ignores comments; a value that does not parse leaves the key unset, so the defaults stay', () => {
    const conf = parsePotnetConf('  POT_EXTIF=vtnet0 # the nic\n# POT_ZFS_ROOT=x\nPOT_NETWORK=10.0.0.0\n');
    expect(conf.extIf).toBe('vtnet0');
    expect(conf.zfsRoot).toBeUndefined();
    expect(conf.network).toBeUndefined();
    expect(formatIpNet(systemConfigFromTexts(defaults, 'POT_NETWORK=10.0.0.0\n').network)).toBe('10.192.0.0/10');
  });
  it('reports an unquoted value with blanks once, with file, line and the quoted form, and sets nothing', () => {
    const read = readPotnetConf('POT_EXTIF=em0\nPOT_DNS_NAME=my dns # the resolver\n', '/etc/pot/pot.conf');
    expect(read.conf.dnsName).toBeUndefined();
    expect(read.diagnostics).toEqual([
      expect.objectContaining({ file: '/etc/pot/pot.conf', line: 2, variable: 'POT_DNS_NAME', fix: 'quote the value: POT_DNS_NAME="my dns"' }),
    ]);
  });
  it('pot.conf overrides the defaults; a default DNS outside the new network is dropped', () => {
    const config = systemConfigFromTexts(defaults, 'POT_NETWORK=192.168.0.0/24\nPOT_GATEWAY=192.168.0.1\n');
    expect(formatIpNet(config.network)).toBe('192.168.0.0/24');
    expect(config.dns).toBeUndefined();
  });
  it('keeps a DNS address set in pot.conf even outside the network', () => {
    const config = systemConfigFromTexts(defaults, 'POT_NETWORK=192.168.0.0/24\nPOT_DNS_IP=10.0.0.2\n');
    expect(config.dns && formatIp(config.dns.ip)).toBe('10.0.0.2');
  });
  it('reports an incomplete configuration the way the original does', () => {
    expect(() => systemConfigFromTexts('POT_ZFS_ROOT=zroot/pot\n')).toThrow('System configuration incomplete');
  });
});

describe('pot.conf and bridge files', () => {
  it('reads network_type and ip; skips a malformed ip with file, line and reason', () => {
    expect(potFromConf('web', 'network_type=public-bridge\nip=10.192.0.3\n', 'f')).toMatchObject({ name: 'web', networkType: 'public-bridge' });
    expect(potFromConf('web', 'network_type=public-bridge\nip=10.192.0.3 fd00::3\n', 'f')).toEqual({
      file: 'f',
      line: 2,
      message: 'pot web skipped: "10.192.0.3 fd00::3" is not an IP address',
    });
  });
  it('reads legacy ip4=/vnet= pots', () => {
    expect(potFromConf('old', 'ip4=10.192.0.9\nvnet=true\n', 'f')).toMatchObject({ networkType: 'public-bridge' });
    expect(potFromConf('old', 'ip4=10.192.0.9\nvnet=false\n', 'f')).toMatchObject({ networkType: 'alias' });
    expect(potFromConf('old', 'ip4=inherit\n', 'f')).toMatchObject({ networkType: 'inherit' });
  });
  it('accepts a bridge whose gateway is inside its network, refuses the others with a reason', () => {
    expect(bridgeFromConf('name=stove\nnet=10.192.0.16/29\ngateway=10.192.0.17\n', 'b')).toMatchObject({ name: 'stove' });
    expect(bridgeFromConf('name=x\nnet=10.192.0.16/29\ngateway=10.192.1.1\n', 'b')).toMatchObject({ message: 'bridge x skipped: gateway outside its network' });
    expect(bridgeFromConf('name=huge\nnet=fd00::/64\ngateway=fd00::1\n', 'b')).toMatchObject({ message: 'bridge huge skipped: more than 2^24 addresses' });
  });
});

describe('an incomplete configuration', () => {
  it('says what is missing, beside the original error text', () => {
    try {
      systemConfigFromTexts('POT_ZFS_ROOT=zroot/pot\nPOT_NETWORK=10.0.0.0\n');
      expect.unreachable();
    } catch (error) {
      expect((error as Error).message).toBe('System configuration incomplete');
      expect((error as { detail?: string }).detail).toContain('POT_NETWORK');
      expect((error as { detail?: string }).detail).toContain('POT_FS_ROOT');
    }
  });
});
