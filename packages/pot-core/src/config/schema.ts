/**
 * The typed configuration: every POT_* variable of pot.default.conf
 * parsed by a zod schema from the merged string values. The schema is
 * lenient where shell pot is (an invalid stack is ipv4, an unparseable number
 * its default): what is wrong is reported by checkConfig, field by field.
 */
import * as z from 'zod';

export const NETWORK_STACKS = ['ipv4', 'ipv6', 'dual'] as const;
export type NetworkStack = (typeof NETWORK_STACKS)[number];

/** Every variable pot.default.conf sets, with its default (the same as shell pot 0.16.0's). */
export const POT_DEFAULTS: Readonly<Record<string, string>> = {
  POT_ZFS_ROOT: 'zroot/pot',
  POT_FS_ROOT: '/opt/pot',
  POT_CACHE: '/var/cache/pot',
  POT_TMP: '/tmp',
  POT_GROUP: 'pot',
  POT_MKTEMP_SUFFIX: '.XXXXXXXX',
  POT_HOSTNAME_MAX_LENGTH: '64',
  POT_NETWORK: '10.192.0.0/10',
  POT_NETMASK: '255.192.0.0',
  POT_GATEWAY: '10.192.0.1',
  POT_EXTIF: 'em0',
  POT_EXTRA_EXTIF: '',
  POT_EXTIF_ADDR: '',
  POT_NETWORK_STACK: 'ipv4',
  POT_DNS_NAME: 'dns',
  POT_DNS_IP: '10.192.0.2',
  POT_ISOLATE_VNET_POTS: 'false',
  POT_EXPORT_PORTS_PF_RULES_HOOK: '',
  POT_DEFAULT_SIGNATURE_PUBKEY: '',
  POT_VPN_EXTIF: '',
  POT_VPN_NETWORKS: '',
  POT_LOG_FACILITY: 'local2',
};

export const KNOWN_VARIABLES: readonly string[] = Object.keys(POT_DEFAULTS);

/** `_normalize_true_false`: yes/true/on and no/false/off, any case. */
export function parseShellBool(value: string): boolean | undefined {
  if (/^(yes|true|on)$/i.test(value)) return true;
  if (/^(no|false|off)$/i.test(value)) return false;
  return undefined;
}

const words = (s: string): string[] => s.split(/[ \t]+/).filter((w) => w !== '');

const text = z.string().default('');

const rawSchema = z
  .object({
    POT_ZFS_ROOT: text,
    POT_FS_ROOT: text,
    POT_CACHE: text,
    POT_TMP: text,
    POT_GROUP: text,
    POT_MKTEMP_SUFFIX: text,
    POT_HOSTNAME_MAX_LENGTH: z.coerce.number().int().positive().catch(64),
    POT_NETWORK: text,
    POT_NETMASK: text,
    POT_GATEWAY: text,
    POT_EXTIF: text,
    POT_EXTRA_EXTIF: text,
    POT_EXTIF_ADDR: text,
    POT_NETWORK_STACK: z.enum(NETWORK_STACKS).catch('ipv4'),
    POT_DNS_NAME: text,
    POT_DNS_IP: text,
    POT_ISOLATE_VNET_POTS: z.string().transform((v) => parseShellBool(v) ?? false),
    POT_EXPORT_PORTS_PF_RULES_HOOK: text,
    POT_DEFAULT_SIGNATURE_PUBKEY: text,
    POT_VPN_EXTIF: text,
    POT_VPN_NETWORKS: text,
    POT_LOG_FACILITY: text,
  })
  .catchall(z.string());

export interface PotConfig {
  zfsRoot: string;
  fsRoot: string;
  cache: string;
  /** POT_TMP ('' is /tmp, as `${POT_TMP:-/tmp}`). */
  tmp: string;
  group: string;
  mktempSuffix: string;
  hostnameMaxLength: number;
  network: {
    /** POT_NETWORK, CIDR text as written. */
    network: string;
    netmask: string;
    gateway: string;
    stack: NetworkStack;
    /** POT_EXTIF */
    extIf: string;
    /** POT_EXTIF_ADDR, '' when unset */
    extIfAddr: string;
    /** POT_EXTRA_EXTIF with each POT_NETWORK_<if> ('' when missing) */
    extraExtIfs: Array<{ name: string; network: string }>;
    isolateVnetPots: boolean;
  };
  dns: { name: string; ip: string };
  /** Set when both POT_VPN_EXTIF and POT_VPN_NETWORKS are. */
  vpn: { extIf: string; networks: string[] } | undefined;
  exportPortsPfRulesHook: string;
  defaultSignaturePubkey: string;
  logFacility: string;
  /** Every variable after both files, as strings (POT_NETWORK_<if> and unknown ones included). */
  vars: Readonly<Record<string, string>>;
}

export const potConfigSchema = z.record(z.string(), z.string()).transform((raw): PotConfig => {
  const v = rawSchema.parse(raw);
  const vars: Readonly<Record<string, string>> = { ...raw };
  const vpnNetworks = words(v.POT_VPN_NETWORKS);
  return {
    zfsRoot: v.POT_ZFS_ROOT,
    fsRoot: v.POT_FS_ROOT,
    cache: v.POT_CACHE,
    tmp: v.POT_TMP === '' ? '/tmp' : v.POT_TMP,
    group: v.POT_GROUP,
    mktempSuffix: v.POT_MKTEMP_SUFFIX,
    hostnameMaxLength: v.POT_HOSTNAME_MAX_LENGTH,
    network: {
      network: v.POT_NETWORK,
      netmask: v.POT_NETMASK,
      gateway: v.POT_GATEWAY,
      stack: v.POT_NETWORK_STACK,
      extIf: v.POT_EXTIF,
      extIfAddr: v.POT_EXTIF_ADDR,
      extraExtIfs: words(v.POT_EXTRA_EXTIF).map((name) => ({ name, network: vars[`POT_NETWORK_${name}`] ?? '' })),
      isolateVnetPots: v.POT_ISOLATE_VNET_POTS,
    },
    dns: { name: v.POT_DNS_NAME, ip: v.POT_DNS_IP },
    vpn: v.POT_VPN_EXTIF !== '' && vpnNetworks.length > 0 ? { extIf: v.POT_VPN_EXTIF, networks: vpnNetworks } : undefined,
    exportPortsPfRulesHook: v.POT_EXPORT_PORTS_PF_RULES_HOOK,
    defaultSignaturePubkey: v.POT_DEFAULT_SIGNATURE_PUBKEY,
    logFacility: v.POT_LOG_FACILITY,
    vars,
  };
});

/** The typed configuration from merged variables (defaults filled in for missing ones). */
export function configFromValues(values: ReadonlyMap<string, string> | Readonly<Record<string, string>>): PotConfig {
  const merged: Record<string, string> = { ...POT_DEFAULTS };
  const entries = values instanceof Map ? [...values.entries()] : Object.entries(values);
  for (const [k, v] of entries) merged[k] = v;
  return potConfigSchema.parse(merged);
}
