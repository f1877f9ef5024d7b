import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseShellAssignments } from 'potnet';
import { describe, expect, it } from 'vitest';
import { assertConfig, checkConfig, type ConfigFinding } from '../../src/config/check.js';
import { bundledDefaultsPath, loadPotConfig, resolveEtcDir } from '../../src/config/load.js';
import { configFromValues, POT_DEFAULTS } from '../../src/config/schema.js';
import { PotError } from '../../src/errors/pot-error.js';

function etc(potConf?: string, defaults: string | null = readFileSync(bundledDefaultsPath()!, 'utf8')): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'pot-etc-'));
  mkdirSync(dir, { recursive: true });
  if (defaults !== null) writeFileSync(path.join(dir, 'pot.default.conf'), defaults);
  if (potConf !== undefined) writeFileSync(path.join(dir, 'pot.conf'), potConf);
  return dir;
}

describe('share/pot.default.conf', () => {
  it('sets every variable of shell pot 0.16.0 with its default, and nothing else', () => {
    const parsed = parseShellAssignments(readFileSync(bundledDefaultsPath()!, 'utf8'), 'pot.default.conf');
    expect(parsed.diagnostics).toEqual([]);
    expect(Object.fromEntries(parsed.values)).toEqual(POT_DEFAULTS);
  });

  it('the defaults pass the configuration check', () => {
    expect(checkConfig(configFromValues({}))).toEqual([]);
  });
});

describe('resolveEtcDir', () => {
  it('etcDir, POT_ETC_DIR, prefix, POT_PREFIX, /usr/local', () => {
    expect(resolveEtcDir({ etcDir: '/e', env: { POT_ETC_DIR: '/x' } })).toBe('/e');
    expect(resolveEtcDir({ env: { POT_ETC_DIR: '/x', POT_PREFIX: '/p' } })).toBe('/x');
    expect(resolveEtcDir({ prefix: '/q', env: { POT_PREFIX: '/p' } })).toBe('/q/etc/pot');
    expect(resolveEtcDir({ env: { POT_PREFIX: '/p' } })).toBe('/p/etc/pot');
    expect(resolveEtcDir({ env: {} })).toBe('/usr/local/etc/pot');
  });
});

describe('loadPotConfig', () => {
  it('pot.conf overrides the defaults; every form a shell assignment takes', () => {
    const dir = etc(
      [
        '# comment',
        '',
        'POT_ZFS_ROOT=tank/pot',
        'export POT_FS_ROOT=/pot',
        "POT_EXTRA_EXTIF='vlan20 vlan30'",
        'POT_NETWORK_vlan20="192.168.20.0/24"   # trailing comment',
        'POT_NETWORK_vlan30=192.168.30.0/24;',
        '  POT_TMP=/var/tmp/pot',
        'POT_DNS_NAME=my\\ dns',
        'POT_NETWORK_STACK=dual',
        'POT_ISOLATE_VNET_POTS=YES',
        'POT_VPN_EXTIF=tun0',
        'POT_VPN_NETWORKS="192.168.0.0/16 172.16.0.0/12"',
        'POT_GATEWAY=10.192.0.9',
        'POT_GATEWAY=10.192.0.1',
      ].join('\n') + '\n',
    );
    const loaded = loadPotConfig({ etcDir: dir });
    // pot reads all of it, and potnet reads it with the same reader
    expect(loaded.diagnostics).toEqual([]);
    const c = loaded.config;
    expect(c.zfsRoot).toBe('tank/pot');
    expect(c.fsRoot).toBe('/pot');
    expect(c.tmp).toBe('/var/tmp/pot');
    expect(c.cache).toBe('/var/cache/pot');
    expect(c.dns).toEqual({ name: 'my dns', ip: '10.192.0.2' });
    expect(c.network).toMatchObject({ stack: 'dual', isolateVnetPots: true, gateway: '10.192.0.1', extIf: 'em0' });
    expect(c.network.extraExtIfs).toEqual([
      { name: 'vlan20', network: '192.168.20.0/24' },
      { name: 'vlan30', network: '192.168.30.0/24' },
    ]);
    expect(c.vpn).toEqual({ extIf: 'tun0', networks: ['192.168.0.0/16', '172.16.0.0/12'] });
    expect(loaded.sources.map((s) => [path.basename(s.file), s.role, s.found])).toEqual([
      ['pot.default.conf', 'defaults', true],
      ['pot.conf', 'user', true],
    ]);
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(loaded.findings).toEqual([]);
  });

  it('without pot.conf: the defaults; without pot.default.conf: the shipped copy, with a warning', () => {
    expect(loadPotConfig({ etcDir: etc() }).config.zfsRoot).toBe('zroot/pot');
    const loaded = loadPotConfig({ etcDir: etc('POT_EXTIF=igb0\n', null) });
    expect(loaded.config.network.extIf).toBe('igb0');
    expect(loaded.config.fsRoot).toBe('/opt/pot');
    expect(loaded.sources[1]).toMatchObject({ role: 'bundled-defaults', found: true });
    expect(loaded.diagnostics).toEqual([expect.objectContaining({ severity: 'warning', line: 0 })]);
  });

  it('finds the files through POT_ETC_DIR and POT_PREFIX', () => {
    const dir = etc('POT_EXTIF=vtnet0\n');
    expect(loadPotConfig({ env: { POT_ETC_DIR: dir } }).config.network.extIf).toBe('vtnet0');
    const prefix = mkdtempSync(path.join(os.tmpdir(), 'pot-prefix-'));
    mkdirSync(path.join(prefix, 'etc/pot'), { recursive: true });
    writeFileSync(path.join(prefix, 'etc/pot/pot.conf'), 'POT_EXTIF=igb1\n');
    expect(loadPotConfig({ env: { POT_PREFIX: prefix } }).config.network.extIf).toBe('igb1');
  });

  it.each([
    ['POT_FS_ROOT=$HOME/pot', 3, /unsupported expansion "\$H/, /is not expanded|are not expanded/],
    ['POT_FS_ROOT=${PREFIX}/pot', 3, /unsupported expansion "\$\{/, /are not expanded/],
    ['POT_FS_ROOT="$(hostname)"', 3, /unsupported expansion "\$\(/, /are not expanded/],
    ['POT_FS_ROOT=`hostname`', 3, /unsupported expansion "`h/, /are not expanded/],
    ['POT_EXTRA_EXTIF=vlan20 vlan30', 3, /the value of POT_EXTRA_EXTIF has blanks and is not quoted/, /^quote the value: POT_EXTRA_EXTIF="vlan20 vlan30"$/],
    ['POT_FS_ROOT="/opt/pot', 3, /unterminated double quote/, /close the quote/],
    ["POT_FS_ROOT='/opt/pot", 3, /unterminated single quote/, /close the quote/],
    ['echo hello', 3, /not an assignment/, /VARIABLE=value/],
    ['POT-X=1', 3, /invalid variable name/, /VARIABLE=value/],
    ['POT_FS_ROOT=/a|b', 3, /unsupported shell syntax/, /quote the value/],
  ])('rejects %j with file and line, once, with its own fix', (line, lineNo, message, fix) => {
    const dir = etc(`# a comment\nPOT_EXTIF=em0\n${line}\n`);
    let error: unknown;
    try {
      loadPotConfig({ etcDir: dir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PotError);
    const e = error as PotError;
    expect(e.code).toBe('config');
    expect(e.message).toContain(`${path.join(dir, 'pot.conf')}:${lineNo}: `);
    expect(e.message).toMatch(message);
    expect(e.suggestion).toMatch(fix);
    expect(e.details).toEqual([]);
  });

  it('throwOnError: false returns the diagnostics instead', () => {
    const loaded = loadPotConfig({ etcDir: etc('POT_FS_ROOT=$X\nPOT_TMP=`y`\n'), throwOnError: false });
    expect(loaded.diagnostics.map((d) => [d.line, d.severity])).toEqual([
      [1, 'error'],
      [2, 'error'],
    ]);
    expect(loaded.config.fsRoot).toBe('/opt/pot');
  });
});

function findings(values: Record<string, string>): ConfigFinding[] {
  return checkConfig(configFromValues(values));
}
const fields = (values: Record<string, string>): string[] => findings(values).map((f) => `${f.severity} ${f.field}`);

describe('checkConfig', () => {
  it('network, netmask and gateway must agree', () => {
    expect(findings({ POT_NETMASK: '255.255.0.0' })).toEqual([
      {
        field: 'POT_NETMASK',
        severity: 'error',
        message: 'POT_NETMASK (255.255.0.0) is not the netmask of POT_NETWORK (10.192.0.0/10)',
        suggestion: "set POT_NETMASK=255.192.0.0, or change POT_NETWORK's prefix",
      },
    ]);
    expect(fields({ POT_GATEWAY: '10.0.0.1' })).toEqual(['error POT_GATEWAY']);
    expect(findings({ POT_GATEWAY: '10.0.0.1' })[0]!.message).toBe('POT_GATEWAY (10.0.0.1) is outside POT_NETWORK (10.192.0.0/10)');
    expect(fields({ POT_GATEWAY: '10.192.0.0' })).toEqual(['error POT_GATEWAY']);
    expect(fields({ POT_GATEWAY: 'gw' })).toEqual(['error POT_GATEWAY']);
    expect(fields({ POT_NETWORK: '10.192.0.0', POT_DNS_IP: '' })).toEqual(['error POT_NETWORK']);
    expect(fields({ POT_NETWORK: 'fd00::/64' })).toContain('error POT_NETWORK');
    expect(fields({ POT_NETWORK: '10.192.0.1/10' })).toEqual(['warning POT_NETWORK']);
    expect(fields({ POT_NETMASK: '255.192.0' })).toEqual(['error POT_NETMASK']);
  });

  it('stack values', () => {
    const f = findings({ POT_NETWORK_STACK: 'ipv5' });
    expect(f).toEqual([expect.objectContaining({ field: 'POT_NETWORK_STACK', severity: 'error' })]);
    expect(f[0]!.message).toMatch(/treated as ipv4/);
    expect(configFromValues({ POT_NETWORK_STACK: 'ipv5' }).network.stack).toBe('ipv4');
  });

  it('POT_EXTIF_ADDR must be IPv4', () => {
    expect(fields({ POT_EXTIF_ADDR: 'fd00::1' })).toEqual(['error POT_EXTIF_ADDR']);
    expect(fields({ POT_EXTIF_ADDR: '192.168.1.10' })).toEqual([]);
  });

  it('every POT_EXTRA_EXTIF needs its POT_NETWORK_<if>', () => {
    const f = findings({ POT_EXTRA_EXTIF: 'vlan20 vlan30', POT_NETWORK_vlan20: '192.168.20.0/24' });
    expect(f).toEqual([expect.objectContaining({ field: 'POT_NETWORK_vlan30', severity: 'error' })]);
    expect(f[0]!.suggestion).toBe('add POT_NETWORK_vlan30=CIDR to pot.conf, e.g. POT_NETWORK_vlan30=192.168.2.0/24');
    expect(fields({ POT_EXTRA_EXTIF: 'vlan20', POT_NETWORK_vlan20: 'x' })).toEqual(['error POT_NETWORK_vlan20']);
    expect(fields({ POT_EXTRA_EXTIF: 'em0.20' })).toEqual(['error POT_EXTRA_EXTIF']);
    expect(findings({ POT_EXTRA_EXTIF: 'em0.20' })[0]!.suggestion).toContain('ifconfig em0.20 name em0_20');
    expect(fields({ POT_NETWORK_vlan9: '192.168.9.0/24' })).toEqual(['warning POT_NETWORK_vlan9']);
    expect(fields({ POT_EXTRA_EXTIF: 'vlan20 vlan20', POT_NETWORK_vlan20: '192.168.20.0/24' })).toEqual(['warning POT_EXTRA_EXTIF']);
  });

  it('interface names that cannot work', () => {
    expect(findings({ POT_EXTIF: 'averyveryverylongif0' })[0]!.message).toMatch(/at most 15 \(IFNAMSIZ 16\)/);
    expect(fields({ POT_EXTIF: '' })).toEqual(['error POT_EXTIF']);
    expect(fields({ POT_EXTIF: 'em-0' })).toEqual(['error POT_EXTIF']);
    expect(fields({ POT_EXTIF: '0em' })).toEqual(['error POT_EXTIF']);
    expect(fields({ POT_EXTIF: 'vtnet0.100' })).toEqual([]);
    expect(fields({ POT_EXTRA_EXTIF: 'x/y' })).toEqual(['error POT_EXTRA_EXTIF']);
  });

  it('VPN variables come in pairs', () => {
    expect(fields({ POT_VPN_EXTIF: 'tun0' })).toEqual(['error POT_VPN_NETWORKS']);
    expect(fields({ POT_VPN_NETWORKS: '192.168.0.0/16' })).toEqual(['error POT_VPN_EXTIF']);
    expect(fields({ POT_VPN_EXTIF: 'tun0', POT_VPN_NETWORKS: '192.168.0.0/16 nonsense' })).toEqual(['error POT_VPN_NETWORKS']);
    expect(fields({ POT_VPN_EXTIF: 'tun0', POT_VPN_NETWORKS: '10.0.0.0/8' })).toEqual(['warning POT_VPN_NETWORKS']);
    expect(configFromValues({ POT_VPN_EXTIF: 'tun0' }).vpn).toBeUndefined();
  });

  it('the DNS IP belongs to the network and is not the gateway', () => {
    expect(findings({ POT_DNS_IP: '192.168.1.1' })[0]).toMatchObject({
      field: 'POT_DNS_IP',
      severity: 'error',
      message: 'POT_DNS_IP (192.168.1.1) is outside POT_NETWORK (10.192.0.0/10)',
    });
    expect(fields({ POT_DNS_IP: '10.192.0.1' })).toEqual(['error POT_DNS_IP']);
    expect(fields({ POT_DNS_IP: 'dns' })).toEqual(['error POT_DNS_IP']);
  });

  it('paths, flags, facility, unknown variables', () => {
    expect(fields({ POT_ZFS_ROOT: '' })).toEqual(['error POT_ZFS_ROOT']);
    expect(fields({ POT_ZFS_ROOT: '/zroot/pot' })).toEqual(['error POT_ZFS_ROOT']);
    expect(fields({ POT_FS_ROOT: 'opt/pot' })).toEqual(['error POT_FS_ROOT']);
    expect(fields({ POT_TMP: 'tmp' })).toEqual(['error POT_TMP']);
    expect(fields({ POT_GROUP: '' })).toEqual(['error POT_GROUP']);
    expect(fields({ POT_ISOLATE_VNET_POTS: 'maybe' })).toEqual(['error POT_ISOLATE_VNET_POTS']);
    expect(fields({ POT_HOSTNAME_MAX_LENGTH: 'sixty' })).toEqual(['error POT_HOSTNAME_MAX_LENGTH']);
    expect(configFromValues({ POT_HOSTNAME_MAX_LENGTH: 'sixty' }).hostnameMaxLength).toBe(64);
    expect(fields({ POT_LOG_FACILITY: 'local9' })).toEqual(['error POT_LOG_FACILITY']);
    expect(fields({ POT_MKTEMP_SUFFIX: '.tmp' })).toEqual(['warning POT_MKTEMP_SUFFIX']);
    expect(fields({ POT_EXTIF_ADRR: '1.2.3.4' })).toEqual(['warning POT_EXTIF_ADRR']);
    expect(fields({ PATH: '/bin' })).toEqual(['warning PATH']);
    expect(fields({ POT_EXPORT_PORTS_PF_RULES_HOOK: 'hook.sh' })).toEqual(['warning POT_EXPORT_PORTS_PF_RULES_HOOK']);
  });

  it('reports every problem at once; assertConfig throws a config PotError listing them', () => {
    const f = findings({ POT_NETMASK: '255.0.0.0', POT_GATEWAY: '1.1.1.1', POT_VPN_EXTIF: 'tun0', POT_MKTEMP_SUFFIX: '.t' });
    expect(f.map((x) => x.field)).toEqual(['POT_MKTEMP_SUFFIX', 'POT_GATEWAY', 'POT_NETMASK', 'POT_VPN_NETWORKS']);
    let error: PotError | undefined;
    try {
      assertConfig(f);
    } catch (e) {
      error = e as PotError;
    }
    expect(error?.code).toBe('config');
    expect(error?.message).toMatch(/\(and 2 more configuration errors\)/);
    expect(error?.details.map((d) => d.path)).toEqual(['POT_GATEWAY', 'POT_NETMASK', 'POT_VPN_NETWORKS']);
    expect(assertConfig(findings({ POT_MKTEMP_SUFFIX: '.t' }))).toHaveLength(1);
  });
});

describe('one reader for pot and potnet', () => {
  it('quotes, export and comments: what pot reads is what potnet reads, no warning', async () => {
    const { systemConfigFromTexts, formatIpNet } = await import('potnet');
    const text = 'POT_NETWORK="10.200.0.0/16"\nexport POT_EXTIF=em0\nPOT_GATEWAY=10.200.0.1 # gw\nPOT_NETMASK=\'255.255.0.0\'\n';
    const loaded = loadPotConfig({ etcDir: etc(text) });
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.config.network).toMatchObject({ network: '10.200.0.0/16', gateway: '10.200.0.1', extIf: 'em0' });
    const defaults = readFileSync(bundledDefaultsPath(), 'utf8');
    expect(formatIpNet(systemConfigFromTexts(defaults, text).network)).toBe('10.200.0.0/16');
    // the default POT_DNS_IP (10.192.0.2) is outside the new network: potnet drops it, so it is no finding
    expect(loaded.findings).toEqual([]);
  });
  it("gateway, DNS, netmask and bridges come from potnet's rule set, words and fix included", async () => {
    const { checkSystemConfig, systemConfigFromTexts } = await import('potnet');
    const values = { POT_GATEWAY: '10.100.0.1', POT_DNS_IP: '10.100.0.2' };
    const fromPot = findings(values);
    const defaults = readFileSync(bundledDefaultsPath(), 'utf8');
    const fromPotnet = checkSystemConfig(systemConfigFromTexts(defaults, 'POT_GATEWAY=10.100.0.1\nPOT_DNS_IP=10.100.0.2\n'));
    expect(fromPot).toEqual(fromPotnet);
  });
});
