/**
 * The configuration the actions need, as flat settings over the values pot-core's
 * configuration loader read from pot.default.conf and pot.conf (POT_ETC_DIR,
 * else POT_PREFIX/etc/pot, else /usr/local/etc/pot).
 */
import type { ConfDiagnostic } from 'potnet';
import { PotError } from '../../errors/pot-error.js';
import { loadPotConfig, POT_DEFAULTS } from '../../config/index.js';

/** pot.default.conf's values (one table: pot-core's configuration schema owns it). */
export const DEFAULTS: Readonly<Record<string, string>> = POT_DEFAULTS;

export type NetworkStack = 'ipv4' | 'ipv6' | 'dual';

export interface PotSettings {
  /** Every variable after both files were read. */
  readonly vars: Readonly<Record<string, string>>;
  readonly etcDir: string;
  readonly zfsRoot: string;
  readonly fsRoot: string;
  readonly cache: string;
  readonly tmp: string;
  readonly group: string;
  readonly network: string;
  readonly netmask: string;
  readonly gateway: string;
  readonly extif: string;
  readonly extifAddr: string;
  readonly extraExtif: readonly string[];
  readonly stack: NetworkStack;
  readonly dnsIp: string;
  readonly logFacility: string;
  readonly vpnExtif: string;
  readonly vpnNetworks: readonly string[];
  /** POT_NETWORK_<if> for an extra interface, '' when unset. */
  networkOf(iface: string): string;
  /** What the reader refused in the files (only when loaded tolerantly, for `pot doctor`). */
  readonly diagnostics?: readonly ConfDiagnostic[];
  /** The variables pot.conf set, when loaded from the files. */
  readonly userSet?: ReadonlySet<string>;
}

export function networkStackOf(value: string | undefined): NetworkStack {
  return value === 'ipv6' || value === 'dual' ? value : 'ipv4';
}

/**
 * pot.default.conf then pot.conf, read by pot-core's configuration loader (the
 * one shell-assignment parser, potnet's); unsupported content such as `$VAR`
 * is a 'config' PotError naming file and line.
 */
export function loadSettings(env: NodeJS.ProcessEnv = process.env, options: { tolerant?: boolean } = {}): PotSettings {
  const loaded = loadPotConfig({ env, throwOnError: options.tolerant !== true });
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  return { ...settingsFrom({ ...DEFAULTS, ...Object.fromEntries(loaded.values) }, loaded.etcDir), diagnostics: errors, userSet: loaded.userSet };
}

export function settingsFrom(vars: Record<string, string>, etcDir = ''): PotSettings {
  const get = (k: string): string => vars[k] ?? '';
  const words = (k: string): string[] => get(k).split(/\s+/).filter((w) => w !== '');
  return {
    vars,
    etcDir,
    zfsRoot: get('POT_ZFS_ROOT'),
    fsRoot: get('POT_FS_ROOT'),
    cache: get('POT_CACHE'),
    tmp: get('POT_TMP') || '/tmp',
    group: get('POT_GROUP') || 'pot',
    network: get('POT_NETWORK'),
    netmask: get('POT_NETMASK'),
    gateway: get('POT_GATEWAY'),
    extif: get('POT_EXTIF'),
    extifAddr: get('POT_EXTIF_ADDR'),
    extraExtif: words('POT_EXTRA_EXTIF'),
    stack: networkStackOf(get('POT_NETWORK_STACK')),
    dnsIp: get('POT_DNS_IP'),
    logFacility: get('POT_LOG_FACILITY') || 'local2',
    vpnExtif: get('POT_VPN_EXTIF'),
    vpnNetworks: words('POT_VPN_NETWORKS'),
    networkOf: (iface: string) => get(`POT_NETWORK_${iface}`),
  };
}

export function requireSetting(value: string, name: string): string {
  if (value === '') {
    throw new PotError('config', `${name} is mandatory`, {
      suggestion: `set ${name} in pot.conf`,
    });
  }
  return value;
}
