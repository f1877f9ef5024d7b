/**
 * A pot's `conf/pot.conf`: `key=value` lines, read and rewritten
 * losslessly (KeyValueFile), and written by `create` in shell pot 0.16.0's
 * exact order and quoting (only `host.hostname` and `osrelease` are quoted).
 */
import { KeyValueFile } from './key-value-file.js';

export type PotType = 'multi' | 'single';
export type PotLevel = 0 | 1 | 2;
export type NetworkType = 'inherit' | 'alias' | 'public-bridge' | 'private-bridge';
export type PotStack = 'ipv4' | 'ipv6' | 'dual';

/** Pot attributes a user may set (`_POT_RW_ATTRIBUTES`); all are booleans. */
export const POT_RW_ATTRIBUTES = [
  'start-at-boot',
  'early-start-at-boot',
  'persistent',
  'no-rc-script',
  'prunable',
  'localhost-tunnel',
  'no-tmpfs',
  'no-etc-hosts',
] as const;

/** Pot attributes pot itself sets and a user may only read (`_POT_RO_ATTRIBUTES`). */
export const POT_RO_ATTRIBUTES = ['to-be-pruned'] as const;

/** Jail attributes in the order create writes them, with their defaults. */
export const JAIL_ATTRIBUTE_DEFAULTS: ReadonlyArray<readonly [string, string]> = [
  ['enforce_statfs', '2'],
  ['mount', 'NO'],
  ['fdescfs', 'NO'],
  ['linprocfs', 'NO'],
  ['nullfs', 'NO'],
  ['procfs', 'NO'],
  ['tmpfs', 'NO'],
  ['zfs', 'NO'],
  ['raw_sockets', 'NO'],
  ['sysvshm', 'new'],
  ['sysvsem', 'new'],
  ['sysvmsg', 'new'],
  ['children', '0'],
  ['mlock', 'NO'],
  ['devfs_ruleset', '4'],
  ['exec_stop', ''],
  ['stop_timeout', '10'],
];

/** The pot attributes create writes, in its order. */
export const CREATE_POT_ATTRIBUTES: ReadonlyArray<readonly [string, string]> = [
  ['no-rc-script', 'NO'],
  ['persistent', 'YES'],
  ['start-at-boot', 'NO'],
  ['prunable', 'NO'],
  ['no-tmpfs', 'NO'],
];

export interface NewPotConf {
  level: PotLevel;
  type: PotType;
  base: string;
  /** Empty when the pot has no pot base. */
  potbase?: string;
  /** inherit | pot | off | custom:FILE (written as `custom`). */
  dns: string;
  /** The full hostname (see usableHostname). */
  hostname: string;
  /** The release as create finds it (`.osrelease` of the base, or the base name for single pots). */
  baseOsRelease: string;
  stack: PotStack;
  networkType: NetworkType;
  /** The `ip=` value (not written for inherit). */
  ip?: string;
  /** private-bridge only. */
  bridge?: string;
  /** POT_DNS_NAME: written as `pot.depend=` when dns is `pot`. */
  dnsName?: string;
}

/** `osrelease` as create writes it: `-RELEASE` appended unless the text has RC or RELEASE. */
export function osReleaseOf(baseOs: string): string {
  return baseOs.includes('RC') || baseOs.includes('RELEASE') ? baseOs : `${baseOs}-RELEASE`;
}

/**
 * `_get_usable_hostname`: the first MAX chars of NAME when NAME is longer than
 * MAX, else `NAME.HOSTNAME` when that fits, else NAME.
 */
export function usableHostname(potName: string, hostHostname: string, max = 64): string {
  if (potName.length > max) return potName.slice(0, max);
  const full = `${potName}.${hostHostname}`;
  return full.length <= max ? full : potName;
}

/** A value written between double quotes, as create does for host.hostname and osrelease. */
export function quoted(value: string): string {
  return `"${value}"`;
}

/** The pot.conf create writes, byte for byte (shell pot 0.16.0, `_cj_conf`). */
export function newPotConfText(conf: NewPotConf): string {
  const lines: string[] = [
    `pot.level=${conf.level}`,
    `pot.type=${conf.type}`,
    `pot.base=${conf.base}`,
    `pot.potbase=${conf.potbase ?? ''}`,
    `pot.dns=${conf.dns.startsWith('custom:') ? 'custom' : conf.dns}`,
    'pot.cmd=sh /etc/rc',
    `host.hostname=${quoted(conf.hostname)}`,
    `osrelease=${quoted(osReleaseOf(conf.baseOsRelease))}`,
    ...CREATE_POT_ATTRIBUTES.map(([k, v]) => `pot.attr.${k}=${v}`),
    ...JAIL_ATTRIBUTE_DEFAULTS.map(([k, v]) => `pot.attr.${k}=${v}`),
    `pot.stack=${conf.stack}`,
    `network_type=${conf.networkType}`,
  ];
  switch (conf.networkType) {
    case 'inherit':
      lines.push('vnet=false');
      break;
    case 'alias':
      lines.push('vnet=false', `ip=${conf.ip ?? ''}`);
      break;
    case 'public-bridge':
      lines.push('vnet=true', `ip=${conf.ip ?? ''}`);
      break;
    case 'private-bridge':
      lines.push('vnet=true', `ip=${conf.ip ?? ''}`, `bridge=${conf.bridge ?? ''}`);
      break;
  }
  if (conf.dns === 'pot') lines.push(`pot.depend=${conf.dnsName ?? 'dns'}`);
  return lines.join('\n') + '\n';
}

export function newPotConf(conf: NewPotConf): PotConf {
  return PotConf.parse(newPotConfText(conf));
}

/** pot.conf: a lossless key=value file with typed accessors for the keys pot uses. */
export class PotConf extends KeyValueFile {
  static override parse(text: string): PotConf {
    const kv = KeyValueFile.parse(text);
    return new PotConf(kv.lines, kv.finalNewline);
  }

  override clone(): PotConf {
    return new PotConf(
      this.lines.map((l) => ({ ...l })),
      this.finalNewline,
    );
  }

  /** `ip=`: raw text (`_get_ip_var`), e.g. `192.168.1.50 em0|fd00::5`. */
  get ip(): string | undefined {
    return this.get('ip');
  }

  get networkType(): string | undefined {
    return this.getShell('network_type');
  }

  get vnet(): boolean {
    return this.getShell('vnet') === 'true';
  }

  get type(): PotType {
    return this.getShell('pot.type') === 'single' ? 'single' : 'multi';
  }

  get level(): number | undefined {
    const v = this.getShell('pot.level');
    return v === undefined || v === '' ? undefined : Number(v);
  }

  /** `pot.cmd`, raw (`sed s/^pot.cmd=//`), default `sh /etc/rc`. */
  get cmd(): string {
    return this.get('pot.cmd') ?? 'sh /etc/rc';
  }

  get hostname(): string | undefined {
    return this.getShell('host.hostname');
  }

  get depends(): string[] {
    return this.getAll('pot.depend').map((v) => v.replace(/[ \t"]/g, ''));
  }

  /** `pot.export.ports` specs (`80`, `80:30080`, `udp:53:5353`). */
  get exportPorts(): string[] {
    return (this.get('pot.export.ports') ?? '').split(/\s+/).filter((w) => w !== '');
  }

  /** A pot or jail attribute (`pot.attr.NAME`), blanks and quotes removed; exec_stop raw. */
  attr(name: string): string | undefined {
    return name === 'exec_stop' ? this.get(`pot.attr.${name}`) : this.getShell(`pot.attr.${name}`);
  }

  setAttr(name: string, value: string): this {
    return this.set(`pot.attr.${name}`, value);
  }

  /** Legacy keys that make shell pot's start refuse (`pot update-config` converts them). */
  obsoleteKeys(): string[] {
    return ['ip4', 'pot.export.static.ports'].filter((k) => this.has(k));
  }
}
