/**
 * The configuration as actions read it: a flat view of the typed PotConfig
 * (schema.ts), with shell pot's fallbacks where a value is set to ''.
 */
import type { ConfDiagnostic } from 'potnet';
import { loadPotConfig } from './load.js';
import { configFromValues, type NetworkStack, type PotConfig } from './schema.js';

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

/** A pot's `network_stack` (or the host's POT_NETWORK_STACK): anything unknown is ipv4, as in shell pot. */
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
  return { ...settingsOf(loaded.config, loaded.etcDir), diagnostics: errors, userSet: loaded.userSet };
}

/** Settings from variables (pot.default.conf's values fill the missing ones). */
export function settingsFrom(vars: Readonly<Record<string, string>>, etcDir = ''): PotSettings {
  return settingsOf(configFromValues(vars), etcDir);
}

function settingsOf(c: PotConfig, etcDir: string): PotSettings {
  const n = c.network;
  return {
    vars: c.vars,
    etcDir,
    zfsRoot: c.zfsRoot,
    fsRoot: c.fsRoot,
    cache: c.cache,
    tmp: c.tmp,
    group: c.group || 'pot',
    network: n.network,
    netmask: n.netmask,
    gateway: n.gateway,
    extif: n.extIf,
    extifAddr: n.extIfAddr,
    extraExtif: n.extraExtIfs.map((e) => e.name),
    stack: n.stack,
    dnsIp: c.dns.ip,
    logFacility: c.logFacility || 'local2',
    vpnExtif: c.vpn?.extIf ?? '',
    vpnNetworks: c.vpn?.networks ?? [],
    networkOf: (iface: string) => c.vars[`POT_NETWORK_${iface}`] ?? '',
  };
}
