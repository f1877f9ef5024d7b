import { accessSync, constants, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Ip, parseIp } from './ip.js';
import { contains, type IpNet, parseIpNet } from './ipnet.js';
import { PotnetError } from './potnet-error.js';
import { type ConfDiagnostic, parseShellAssignments } from './shell-assignments.js';

/** The part of pot's configuration potnet works with. */
export interface SystemConfig {
  zfsRoot: string;
  fsRoot: string;
  network: IpNet;
  netmask: Ip;
  gateway: Ip;
  extIf: string;
  dns?: { potName: string; ip: Ip };
}

interface PartialConfig {
  zfsRoot?: string;
  fsRoot?: string;
  network?: IpNet;
  netmask?: Ip;
  gateway?: Ip;
  extIf?: string;
  dnsName?: string;
  dnsIp?: Ip;
}

/**
 * Rust's str::lines: split at \n, drop one \r before it, no empty last line.
 * A last line without \n keeps its \r, as in Rust.
 */
export function rustLines(text: string): string[] {
  const lines = text.split('\n');
  const last = lines.pop() as string;
  const out = lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  if (last !== '') out.push(last);
  return out;
}

/** The original's value rule: between the first and second `=`, up to the first space. */
export function firstValueToken(line: string): string | undefined {
  const parts = line.split('=');
  if (parts.length < 2) return undefined;
  return (parts[1] as string).split(' ')[0];
}

type Setter = (conf: PartialConfig, value: string) => void;

const KEYS: ReadonlyArray<[string, Setter]> = [
  ['POT_ZFS_ROOT', (c, v) => (c.zfsRoot = v)],
  ['POT_FS_ROOT', (c, v) => (c.fsRoot = v)],
  ['POT_EXTIF', (c, v) => (c.extIf = v)],
  ['POT_DNS_NAME', (c, v) => (c.dnsName = v)],
  ['POT_NETWORK', (c, v) => (c.network = parseIpNet(v))],
  ['POT_NETMASK', (c, v) => (c.netmask = parseIp(v))],
  ['POT_GATEWAY', (c, v) => (c.gateway = parseIp(v))],
  ['POT_DNS_IP', (c, v) => (c.dnsIp = parseIp(v))],
];

/** One configuration file as potnet reads it, and what its reader reported (file, line, fix). */
export interface ConfFileRead {
  conf: PartialConfig;
  diagnostics: ConfDiagnostic[];
}

/**
 * Reads one configuration file with pot's own reader (`parseShellAssignments`:
 * quotes, `export`, comments, as `sh` reads it), so pot and potnet agree. A
 * value that does not parse as what the key needs unsets the key, so the
 * defaults stay in force, as in the original. A line the reader refuses (an
 * unquoted value with blanks, `$VAR`) sets nothing and is reported.
 */
export function readPotnetConf(text: string, file = 'pot.conf'): ConfFileRead {
  const { values, diagnostics } = parseShellAssignments(text, file);
  const conf: PartialConfig = {};
  for (const [key, set] of KEYS) {
    const value = values.get(key);
    if (value !== undefined) set(conf, value);
  }
  return { conf, diagnostics };
}

export function parsePotnetConf(text: string, file = 'pot.conf'): PartialConfig {
  return readPotnetConf(text, file).conf;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function readUtf8(file: string): string | undefined {
  try {
    return utf8.decode(readFileSync(file));
  } catch {
    return undefined;
  }
}

/** Where `which pot` finds pot: the first executable regular file named pot on PATH. */
export function findPotExecutable(pathVariable = process.env.PATH ?? ''): string | undefined {
  for (const dir of pathVariable.split(':')) {
    if (dir === '') continue;
    const candidate = path.join(dir, 'pot');
    try {
      if (!statSync(candidate).isFile()) continue;
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here: keep looking, as which(1) does
    }
  }
  return undefined;
}

/** PREFIX as the original finds it: two directories above the `pot` on PATH. */
export function locatePotPrefix(pathVariable?: string): string | undefined {
  const pot = findPotExecutable(pathVariable);
  return pot === undefined ? undefined : path.dirname(path.dirname(pot));
}

function merge(base: PartialConfig, over: PartialConfig): PartialConfig {
  const merged: PartialConfig = { ...base };
  for (const key of Object.keys(over) as (keyof PartialConfig)[]) {
    if (over[key] !== undefined) (merged as Record<string, unknown>)[key] = over[key];
  }
  return merged;
}

export interface LoadOptions {
  /** The install prefix (the directory holding etc/pot); default: found through `pot` on PATH. */
  prefix?: string;
  /** The etc/pot directory itself; wins over `prefix`. */
  etcDir?: string;
  /** PATH used to find `pot`; default process.env.PATH. */
  path?: string;
}

function etcDirectory(options: LoadOptions): string | undefined {
  if (options.etcDir !== undefined) return options.etcDir;
  const prefix = options.prefix ?? locatePotPrefix(options.path);
  return prefix === undefined ? undefined : path.join(prefix, 'etc', 'pot');
}

function combine(defaults: PartialConfig, user: PartialConfig | undefined): PartialConfig {
  if (user === undefined) return defaults;
  const merged = merge(defaults, user);
  // A DNS address that only the defaults set is dropped when it is outside the
  // user's network, as the original does.
  if (user.dnsIp === undefined && merged.dnsIp !== undefined) {
    if (merged.network === undefined) return {};
    if (!contains(merged.network, merged.dnsIp)) delete merged.dnsIp;
  }
  return merged;
}

const REQUIRED: ReadonlyArray<[keyof PartialConfig, string]> = [
  ['zfsRoot', 'POT_ZFS_ROOT'],
  ['fsRoot', 'POT_FS_ROOT'],
  ['network', 'POT_NETWORK'],
  ['netmask', 'POT_NETMASK'],
  ['gateway', 'POT_GATEWAY'],
  ['extIf', 'POT_EXTIF'],
  ['dnsName', 'POT_DNS_NAME'],
];

/** Where the configuration came from, for the message when it is incomplete. */
type Origin = { etcDir: string | undefined } | 'texts';

/** What to tell a person when the configuration is incomplete: where we looked, what is missing. */
function incompleteDetail(conf: PartialConfig, origin: Origin): string {
  if (origin !== 'texts' && origin.etcDir === undefined) {
    return 'no executable `pot` on PATH: potnet reads PREFIX/etc/pot/pot.default.conf and pot.conf, PREFIX being two directories above it';
  }
  const missing = REQUIRED.filter(([key]) => conf[key] === undefined).map(([, name]) => name);
  const where = origin === 'texts' ? 'the configuration given' : `${origin.etcDir}/pot.default.conf and pot.conf`;
  if (missing.length === REQUIRED.length && origin !== 'texts') return `${origin.etcDir}/pot.default.conf cannot be read (missing, unreadable or not UTF-8)`;
  return `missing or not valid in ${where}: ${missing.join(', ')}`;
}

function complete(conf: PartialConfig, origin: Origin): SystemConfig {
  const { zfsRoot, fsRoot, network, netmask, gateway, extIf, dnsName, dnsIp } = conf;
  if (
    zfsRoot === undefined ||
    fsRoot === undefined ||
    network === undefined ||
    netmask === undefined ||
    gateway === undefined ||
    extIf === undefined ||
    dnsName === undefined
  ) {
    throw new PotnetError('System configuration incomplete', 1, incompleteDetail(conf, origin));
  }
  return { zfsRoot, fsRoot, network, netmask, gateway, extIf, ...(dnsIp === undefined ? {} : { dns: { potName: dnsName, ip: dnsIp } }) };
}

/** What reading pot's configuration gave: the configuration or why there is none, and the reader's reports. */
export interface SystemConfigRead {
  config?: SystemConfig;
  /** 'System configuration incomplete', as the original says for every subcommand. */
  error?: PotnetError;
  /** Lines of pot.default.conf or pot.conf the reader refused (file, line, fix). */
  diagnostics: ConfDiagnostic[];
}

function completed(conf: PartialConfig, origin: Origin, diagnostics: ConfDiagnostic[]): SystemConfigRead {
  try {
    return { config: complete(conf, origin), diagnostics };
  } catch (error) {
    if (error instanceof PotnetError) return { error, diagnostics };
    throw error;
  }
}

/** PREFIX/etc/pot/pot.default.conf, then pot.conf, with what the reader reported about their lines. */
export function readSystemConfig(options: LoadOptions = {}): SystemConfigRead {
  const dir = etcDirectory(options);
  const defaultsText = dir === undefined ? undefined : readUtf8(path.join(dir, 'pot.default.conf'));
  if (defaultsText === undefined || dir === undefined) return completed({}, { etcDir: dir }, []);
  const defaults = readPotnetConf(defaultsText, path.join(dir, 'pot.default.conf'));
  const potConfFile = path.join(dir, 'pot.conf');
  const potConfText = readUtf8(potConfFile);
  const user = potConfText === undefined ? undefined : readPotnetConf(potConfText, potConfFile);
  return completed(combine(defaults.conf, user?.conf), { etcDir: dir }, [...defaults.diagnostics, ...(user?.diagnostics ?? [])]);
}

/**
 * pot's configuration as potnet reads it: PREFIX/etc/pot/pot.default.conf,
 * then pot.conf. Throws PotnetError('System configuration incomplete') when a
 * required value is missing, as the original does for every subcommand.
 */
export function loadSystemConfig(options: LoadOptions = {}): SystemConfig {
  const read = readSystemConfig(options);
  if (read.config === undefined) throw read.error ?? new PotnetError('System configuration incomplete');
  return read.config;
}

/** The same from texts, for callers that hold the files already. */
export function systemConfigFromTexts(defaultsText: string, potConfText?: string): SystemConfig {
  return complete(combine(parsePotnetConf(defaultsText), potConfText === undefined ? undefined : parsePotnetConf(potConfText)), 'texts');
}
