/**
 * checkConfig: every problem of a configuration, field by field, each with
 * what to do about it. Errors are settings pot cannot work with (or that
 * shell pot silently misread); warnings are settings that work but are most
 * likely not what was meant.
 */
import {
  type CheckInput,
  type ConfigFinding,
  type Ip,
  type IpNet,
  type SystemConfig,
  checkSystemConfig,
  contains,
  formatIp,
  netmaskOf,
  networkOf,
  parseIpNet,
  parseIpv4,
  parseIp,
  readerFinding,
} from 'potnet';
import { PotError } from '../errors/pot-error.js';
import { KNOWN_VARIABLES, NETWORK_STACKS, parseShellBool, type PotConfig } from './schema.js';

export type { ConfigFinding };

/**
 * FreeBSD interface names: IFNAMSIZ is 16, so at most 15 characters. pot
 * also builds shell variable names from them (POT_NETWORK_<if>), so only
 * letters, digits, `_` and `.` are usable, starting with a letter (a driver
 * name); `.` (vlan `em0.20`) is checked separately where a variable is needed.
 */
export const IFNAMSIZ = 16;
const IFNAME = /^[A-Za-z][A-Za-z0-9_.]*$/;

export function interfaceNameProblem(name: string): string | undefined {
  if (name === '') return 'is empty';
  if (name.length > IFNAMSIZ - 1) return `has ${name.length} characters; FreeBSD interface names have at most ${IFNAMSIZ - 1} (IFNAMSIZ ${IFNAMSIZ})`;
  if (!IFNAME.test(name)) return 'is not an interface name (letters, digits, "_" and ".", starting with a letter)';
  return undefined;
}

const SYSLOG_FACILITIES = new Set([
  'auth',
  'authpriv',
  'console',
  'cron',
  'daemon',
  'ftp',
  'kern',
  'lpr',
  'mail',
  'news',
  'ntp',
  'security',
  'syslog',
  'user',
  'uucp',
  'local0',
  'local1',
  'local2',
  'local3',
  'local4',
  'local5',
  'local6',
  'local7',
]);

function ipv4Net(text: string): IpNet | undefined {
  const net = parseIpNet(text);
  return net?.addr.family === 4 ? net : undefined;
}

function netOverlap(a: IpNet, b: IpNet): boolean {
  return a.addr.family === b.addr.family && contains(a, networkOf(b)) ? true : a.addr.family === b.addr.family && contains(b, networkOf(a));
}

export interface ConfigCheckInput extends CheckInput {
  /** The variables pot.conf set; a default POT_DNS_IP outside a user's POT_NETWORK is then not a finding (potnet drops it). */
  userSet?: ReadonlySet<string>;
}

/** Every finding: the lines the reader refused, then each setting; the network part is potnet's checkSystemConfig. */
export function checkConfig(config: PotConfig, input: ConfigCheckInput = {}): ConfigFinding[] {
  const out: ConfigFinding[] = (input.diagnostics ?? []).map(readerFinding);
  const add = (field: string, severity: ConfigFinding['severity'], message: string, suggestion: string): void => {
    out.push({ field, severity, message, suggestion });
  };
  const vars = config.vars;

  // paths and names
  if (config.zfsRoot === '') add('POT_ZFS_ROOT', 'error', 'POT_ZFS_ROOT is empty', 'set POT_ZFS_ROOT to the dataset pot uses, e.g. POT_ZFS_ROOT=zroot/pot');
  else if (config.zfsRoot.startsWith('/') || config.zfsRoot.endsWith('/') || /\s/.test(config.zfsRoot) || config.zfsRoot.includes('//'))
    add('POT_ZFS_ROOT', 'error', `POT_ZFS_ROOT (${config.zfsRoot}) is not a ZFS dataset name`, 'use POOL/PATH without leading or trailing "/", e.g. zroot/pot');
  for (const [field, value] of [
    ['POT_FS_ROOT', config.fsRoot],
    ['POT_CACHE', config.cache],
  ] as const) {
    if (value === '') add(field, 'error', `${field} is empty`, `set ${field} to an absolute directory`);
    else if (!value.startsWith('/')) add(field, 'error', `${field} (${value}) is not an absolute path`, `set ${field} to a path starting with "/"`);
  }
  if ((vars.POT_TMP ?? '') !== '' && !config.tmp.startsWith('/'))
    add('POT_TMP', 'error', `POT_TMP (${config.tmp}) is not an absolute path`, 'set POT_TMP to an absolute directory, e.g. /tmp');
  if (config.group === '') add('POT_GROUP', 'error', 'POT_GROUP is empty', 'set POT_GROUP to the group owning POT_FS_ROOT, e.g. pot');
  if (!/X{3,}$/.test(config.mktempSuffix))
    add(
      'POT_MKTEMP_SUFFIX',
      'warning',
      `POT_MKTEMP_SUFFIX (${config.mktempSuffix}) does not end with at least 3 X`,
      'use the default .XXXXXXXX: mktemp(1) replaces trailing X with random characters',
    );
  const maxLen = vars.POT_HOSTNAME_MAX_LENGTH ?? '';
  if (!/^[0-9]+$/.test(maxLen) || Number(maxLen) < 1 || Number(maxLen) > 255)
    add(
      'POT_HOSTNAME_MAX_LENGTH',
      'error',
      `POT_HOSTNAME_MAX_LENGTH (${maxLen}) is not a number from 1 to 255`,
      'use a hostname length such as the default 64 (MAXHOSTNAMELEN is 256)',
    );

  // internal network: what pot needs to parse, then potnet's rule set (the one
  // `potnet config-check` applies) over the parsed values
  const network = ipv4Net(config.network.network);
  if (network === undefined)
    add(
      'POT_NETWORK',
      'error',
      `POT_NETWORK (${config.network.network}) is not an IPv4 network in CIDR notation`,
      'write it as ADDRESS/PREFIX, e.g. 10.192.0.0/10',
    );
  const netmask = parseIpv4(config.network.netmask);
  if (netmask === undefined)
    add(
      'POT_NETMASK',
      'error',
      `POT_NETMASK (${config.network.netmask}) is not an IPv4 netmask`,
      network ? `set POT_NETMASK=${formatIp(netmaskOf(network))}` : 'write it as four numbers, e.g. 255.192.0.0',
    );
  const gateway = parseIpv4(config.network.gateway);
  if (gateway === undefined)
    add(
      'POT_GATEWAY',
      'error',
      `POT_GATEWAY (${config.network.gateway}) is not an IPv4 address`,
      network
        ? `use an address of POT_NETWORK, e.g. ${formatIp({ family: 4, value: networkOf(network).value + 1n })}`
        : 'write it as four numbers, e.g. 10.192.0.1',
    );
  if (!(NETWORK_STACKS as readonly string[]).includes(vars.POT_NETWORK_STACK ?? ''))
    add(
      'POT_NETWORK_STACK',
      'error',
      `POT_NETWORK_STACK (${vars.POT_NETWORK_STACK ?? ''}) is not ipv4, ipv6 or dual; it is treated as ipv4`,
      'set POT_NETWORK_STACK to ipv4, ipv6 or dual',
    );
  let dnsIp: Ip | undefined;
  if (config.dns.ip !== '') {
    dnsIp = parseIp(config.dns.ip);
    if (dnsIp === undefined || dnsIp.family !== 4)
      add('POT_DNS_IP', 'error', `POT_DNS_IP (${config.dns.ip}) is not an IPv4 address`, 'use an address of POT_NETWORK, e.g. 10.192.0.2');
  }
  if (network && netmask && gateway) {
    // As potnet reads it: a DNS address only the defaults set is dropped when outside the user's network.
    const dnsFromDefaults = input.userSet !== undefined && !input.userSet.has('POT_DNS_IP');
    const dns = dnsIp?.family === 4 && !(dnsFromDefaults && !contains(network, dnsIp)) ? { potName: config.dns.name, ip: dnsIp } : undefined;
    const system: SystemConfig = {
      zfsRoot: config.zfsRoot,
      fsRoot: config.fsRoot,
      network,
      netmask,
      gateway,
      extIf: config.network.extIf,
      ...(dns ? { dns } : {}),
    };
    // pot refuses a network with no address left (potnet only warns, as the original accepts it)
    out.push(...checkSystemConfig(system, { bridges: input.bridges ?? [], fullNetwork: 'error' }));
  }
  if (config.dns.name === '') add('POT_DNS_NAME', 'warning', 'POT_DNS_NAME is empty', 'set the name of the DNS pot used by `-d pot`, e.g. dns');

  // interfaces
  const extProblem = interfaceNameProblem(config.network.extIf);
  if (extProblem)
    add(
      'POT_EXTIF',
      'error',
      `POT_EXTIF (${config.network.extIf}) ${extProblem}`,
      'set POT_EXTIF to the host interface towards the outside, e.g. em0 (see ifconfig -l)',
    );
  if (config.network.extIfAddr !== '' && parseIpv4(config.network.extIfAddr) === undefined)
    add(
      'POT_EXTIF_ADDR',
      'error',
      `POT_EXTIF_ADDR (${config.network.extIfAddr}) is not an IPv4 address`,
      `set it to an IPv4 address of POT_EXTIF (${config.network.extIf}), or leave it empty`,
    );
  const extras = config.network.extraExtIfs;
  const seen = new Set<string>();
  for (const { name, network: extraNet } of extras) {
    const field = `POT_NETWORK_${name}`;
    if (seen.has(name)) add('POT_EXTRA_EXTIF', 'warning', `POT_EXTRA_EXTIF lists ${name} twice`, 'list each interface once');
    seen.add(name);
    const p = interfaceNameProblem(name);
    if (p) {
      add('POT_EXTRA_EXTIF', 'error', `POT_EXTRA_EXTIF: ${name} ${p}`, 'list host interface names separated by spaces');
      continue;
    }
    if (name === config.network.extIf) add('POT_EXTRA_EXTIF', 'warning', `POT_EXTRA_EXTIF lists POT_EXTIF (${name})`, 'remove it from POT_EXTRA_EXTIF');
    if (name.includes('.')) {
      add(
        'POT_EXTRA_EXTIF',
        'error',
        `POT_EXTRA_EXTIF: ${name} contains ".", so no variable ${field} can be written for it`,
        `rename the interface (ifconfig ${name} name ${name.replace(/\./g, '_')}) and use the new name`,
      );
      continue;
    }
    if (extraNet === '')
      add(
        field,
        'error',
        `${field} is missing: every interface of POT_EXTRA_EXTIF needs the network NAT'ed through it`,
        `add ${field}=CIDR to pot.conf, e.g. ${field}=192.168.2.0/24`,
      );
    else {
      const n = parseIpNet(extraNet);
      if (n === undefined) add(field, 'error', `${field} (${extraNet}) is not a network in CIDR notation`, 'write it as ADDRESS/PREFIX, e.g. 192.168.2.0/24');
      else if (network && netOverlap(n, network))
        add(
          field,
          'warning',
          `${field} (${extraNet}) overlaps POT_NETWORK (${config.network.network})`,
          'use the outside network reached through this interface',
        );
    }
  }
  const extraNames = new Set(extras.map((e) => e.name));
  for (const key of Object.keys(vars)) {
    if (key.startsWith('POT_NETWORK_') && key !== 'POT_NETWORK_STACK' && !extraNames.has(key.slice('POT_NETWORK_'.length)))
      add(
        key,
        'warning',
        `${key} is set but ${key.slice('POT_NETWORK_'.length)} is not in POT_EXTRA_EXTIF`,
        `add ${key.slice('POT_NETWORK_'.length)} to POT_EXTRA_EXTIF, or remove ${key}`,
      );
  }

  // VPN
  const vpnIf = vars.POT_VPN_EXTIF ?? '';
  const vpnNets = (vars.POT_VPN_NETWORKS ?? '').split(/[ \t]+/).filter((w) => w !== '');
  if (vpnIf !== '' && vpnNets.length === 0)
    add(
      'POT_VPN_NETWORKS',
      'error',
      'POT_VPN_EXTIF is set but POT_VPN_NETWORKS is empty, so no VPN NAT is done',
      'set POT_VPN_NETWORKS to the networks reached through the VPN, or unset POT_VPN_EXTIF',
    );
  if (vpnIf === '' && vpnNets.length > 0)
    add(
      'POT_VPN_EXTIF',
      'error',
      'POT_VPN_NETWORKS is set but POT_VPN_EXTIF is empty, so no VPN NAT is done',
      'set POT_VPN_EXTIF to the VPN interface (e.g. tun0), or unset POT_VPN_NETWORKS',
    );
  if (vpnIf !== '') {
    const p = interfaceNameProblem(vpnIf);
    if (p) add('POT_VPN_EXTIF', 'error', `POT_VPN_EXTIF (${vpnIf}) ${p}`, 'set it to the VPN interface, e.g. tun0');
  }
  for (const text of vpnNets) {
    const n = parseIpNet(text);
    if (n === undefined)
      add('POT_VPN_NETWORKS', 'error', `POT_VPN_NETWORKS: ${text} is not a network in CIDR notation`, 'list networks as ADDRESS/PREFIX separated by spaces');
    else if (network && netOverlap(n, network))
      add(
        'POT_VPN_NETWORKS',
        'warning',
        `POT_VPN_NETWORKS: ${text} overlaps POT_NETWORK (${config.network.network})`,
        'list only networks reached through the VPN',
      );
  }

  // flags and the rest
  const iso = vars.POT_ISOLATE_VNET_POTS ?? '';
  if (iso !== '' && parseShellBool(iso) === undefined)
    add(
      'POT_ISOLATE_VNET_POTS',
      'error',
      `POT_ISOLATE_VNET_POTS (${iso}) is not a boolean; it is treated as false`,
      'set it to true or false (yes/no and on/off work too)',
    );
  if (!SYSLOG_FACILITIES.has(config.logFacility))
    add(
      'POT_LOG_FACILITY',
      'error',
      `POT_LOG_FACILITY (${config.logFacility}) is not a syslog facility`,
      'use one of local0..local7, daemon, user (see syslog.conf(5)); the default is local2',
    );
  const hook = config.exportPortsPfRulesHook;
  if (hook !== '' && !hook.startsWith('/'))
    add(
      'POT_EXPORT_PORTS_PF_RULES_HOOK',
      'warning',
      `POT_EXPORT_PORTS_PF_RULES_HOOK (${hook}) is not an absolute path`,
      'give the absolute path of the executable',
    );

  for (const key of Object.keys(vars)) {
    if (KNOWN_VARIABLES.includes(key) || key.startsWith('POT_NETWORK_')) continue;
    if (key.startsWith('POT_'))
      add(key, 'warning', `${key} is not a pot setting; it is ignored`, `check the spelling (known settings: ${KNOWN_VARIABLES.join(', ')})`);
    else add(key, 'warning', `${key} is not a pot setting; it is ignored`, 'remove it: pot.conf holds POT_* settings only');
  }
  return out;
}

/** Throws PotError('config') listing every error finding; returns the warnings. */
export function assertConfig(findings: readonly ConfigFinding[]): ConfigFinding[] {
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const first = errors[0]!;
    throw new PotError('config', errors.length === 1 ? first.message : `${first.message} (and ${errors.length - 1} more configuration errors)`, {
      suggestion: first.suggestion,
      details: errors.map((f) => ({ path: f.field, message: `${f.message}; ${f.suggestion}` })),
    });
  }
  return findings.filter((f) => f.severity === 'warning');
}

export type { Ip };
