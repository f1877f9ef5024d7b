import { closeSync, type Dirent, openSync, readdirSync, readSync } from 'node:fs';
import { isUtf8 } from 'node:buffer';
import { type Ip, parseIp } from './ip.js';
import { contains, type IpNet, parseIpNet, sizeOf } from './ipnet.js';
import { firstValueToken, rustLines } from './system-config.js';

export type NetworkType = 'inherit' | 'alias' | 'public-bridge' | 'private-bridge';

export interface PotEntry {
  name: string;
  networkType: NetworkType;
  /** Set for public-bridge and private-bridge pots. */
  ip?: Ip;
}

export interface BridgeEntry {
  name: string;
  network: IpNet;
  gateway: Ip;
  file: string;
}

/** Why an entry was left out; the Rust original panicked on most of these. */
export interface InventoryDiagnostic {
  file: string;
  line?: number;
  message: string;
}

export interface Inventory {
  pots: PotEntry[];
  bridges: BridgeEntry[];
  diagnostics: InventoryDiagnostic[];
}

/**
 * Bridges beyond this many addresses are left out: the original lists every
 * address of every bridge and never finishes on an IPv6 /64. 2^24 keeps the
 * largest IPv4 segment anyone allocates (a /12 takes the original a second).
 */
export const MAX_BRIDGE_ADDRESSES = 1n << 24n;

const NETWORK_TYPES: ReadonlySet<string> = new Set(['inherit', 'alias', 'public-bridge', 'private-bridge']);

/** One reused buffer: a scan of 50,000 pot.conf files allocates nothing per file. */
let scratch = Buffer.allocUnsafe(64 * 1024);

function readWhole(file: string): Buffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    let length = 0;
    for (;;) {
      if (length === scratch.length) {
        const bigger = Buffer.allocUnsafe(scratch.length * 2);
        scratch.copy(bigger);
        scratch = bigger;
      }
      const n = readSync(fd, scratch, length, scratch.length - length, null);
      if (n === 0) break;
      length += n;
    }
    return scratch.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

function sortedEntries(dir: string): Dirent<Buffer>[] {
  let entries: Dirent<Buffer>[];
  try {
    entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch {
    return [];
  }
  return entries.sort((a, b) => Buffer.compare(a.name, b.name));
}

interface PotKeys {
  ip?: [string, number];
  ip4?: [string, number];
  vnet?: string;
  networkType?: string;
}

function potKeys(text: string): PotKeys {
  const keys: PotKeys = {};
  const lines = rustLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    const value = line.split('=')[1] as string;
    if (line.startsWith('ip4=')) keys.ip4 = [value, i + 1];
    else if (line.startsWith('ip=')) keys.ip = [value, i + 1];
    else if (line.startsWith('vnet=')) keys.vnet = value;
    else if (line.startsWith('network_type=')) keys.networkType = value;
  }
  return keys;
}

type PotResult = PotEntry | InventoryDiagnostic;

function addressOf(name: string, networkType: NetworkType, field: [string, number], file: string): PotResult {
  const ip = parseIp(field[0]);
  if (ip) return { name, networkType, ip };
  return { file, line: field[1], message: `pot ${name} skipped: "${field[0]}" is not an IP address` };
}

/** The original's reading of a pot.conf, with every panic turned into a diagnostic. */
export function potFromConf(name: string, text: string, file: string): PotResult | undefined {
  const keys = potKeys(text);
  if (keys.networkType !== undefined) {
    if (!NETWORK_TYPES.has(keys.networkType)) return { file, message: `pot ${name} skipped: unknown network_type "${keys.networkType}"` };
    const networkType = keys.networkType as NetworkType;
    if (networkType === 'inherit' || networkType === 'alias') return { name, networkType };
    if (!keys.ip) return { file, message: `pot ${name} skipped: ${networkType} pot without ip=` };
    return addressOf(name, networkType, keys.ip, file);
  }
  if (keys.ip4 === undefined) return { file, message: `pot ${name} skipped: neither network_type= nor ip4=` };
  if (keys.ip4[0] === 'inherit') return { name, networkType: 'inherit' };
  if (keys.vnet === undefined && parseIp(keys.ip4[0])) return { file, message: `pot ${name} skipped: legacy ip4= without vnet=` };
  return addressOf(name, keys.vnet === 'true' ? 'public-bridge' : 'alias', keys.ip4, file);
}

/** The original's reading of a bridge file: first token of name=, net=, gateway=. */
export function bridgeFromConf(text: string, file: string): BridgeEntry | InventoryDiagnostic {
  let name: string | undefined;
  let network: IpNet | undefined;
  let gateway: Ip | undefined;
  for (const raw of rustLines(text)) {
    const line = raw.trim();
    if (line.startsWith('#')) continue;
    const token = firstValueToken(line);
    if (line.startsWith('name=')) name = token;
    if (line.startsWith('net=')) network = token === undefined ? undefined : parseIpNet(token);
    if (line.startsWith('gateway=')) gateway = token === undefined ? undefined : parseIp(token);
  }
  if (name === undefined || network === undefined || gateway === undefined) {
    return { file, message: 'bridge skipped: it needs name=, net=NETWORK/PREFIX and gateway=IP' };
  }
  if (!contains(network, gateway)) return { file, message: `bridge ${name} skipped: gateway outside its network` };
  if (sizeOf(network) > MAX_BRIDGE_ADDRESSES) return { file, message: `bridge ${name} skipped: more than 2^24 addresses` };
  return { name, network, gateway, file };
}

/** Directory names the way the original joins them: `FS_ROOT + "/jails"`. */
export function jailsDirectory(fsRoot: string): string {
  return `${fsRoot}/jails`;
}

/** Path::new(FS_ROOT).join("bridges"): relative to the working directory when FS_ROOT is empty. */
export function bridgesDirectory(fsRoot: string): string {
  if (fsRoot === '') return 'bridges';
  return fsRoot.endsWith('/') ? `${fsRoot}bridges` : `${fsRoot}/bridges`;
}

/** Every pot under FS_ROOT/jails, in ascending name order; each file read once. */
export function readPots(fsRoot: string, diagnostics: InventoryDiagnostic[]): PotEntry[] {
  const dir = jailsDirectory(fsRoot);
  const pots: PotEntry[] = [];
  for (const entry of sortedEntries(dir)) {
    if (!entry.isDirectory()) continue;
    const file = `${dir}/${entry.name.toString('latin1')}/conf/pot.conf`;
    if (!isUtf8(entry.name)) {
      diagnostics.push({ file, message: 'pot skipped: its name is not valid UTF-8' });
      continue;
    }
    const name = entry.name.toString('utf8');
    const confFile = `${dir}/${name}/conf/pot.conf`;
    const bytes = readWhole(confFile);
    if (bytes === undefined) continue;
    if (!isUtf8(bytes)) {
      diagnostics.push({ file: confFile, message: `pot ${name} skipped: pot.conf is not valid UTF-8` });
      continue;
    }
    const result = potFromConf(name, bytes.toString('utf8'), confFile);
    if (result === undefined) continue;
    if ('message' in result) diagnostics.push(result);
    else pots.push(result);
  }
  return pots;
}

/** Every valid bridge file under FS_ROOT/bridges (regular files only), in name order. */
export function readBridges(fsRoot: string, diagnostics: InventoryDiagnostic[]): BridgeEntry[] {
  const dir = bridgesDirectory(fsRoot);
  const bridges: BridgeEntry[] = [];
  for (const entry of sortedEntries(dir)) {
    if (!entry.isFile()) continue;
    const file = `${dir}/${entry.name.toString('utf8')}`;
    const bytes = readWhole(file);
    if (bytes === undefined) continue;
    if (!isUtf8(bytes)) {
      diagnostics.push({ file, message: 'bridge skipped: the file is not valid UTF-8' });
      continue;
    }
    const result = bridgeFromConf(bytes.toString('utf8'), file);
    if ('message' in result) diagnostics.push(result);
    else bridges.push(result);
  }
  return bridges;
}

export function readInventory(fsRoot: string): Inventory {
  const diagnostics: InventoryDiagnostic[] = [];
  const pots = readPots(fsRoot, diagnostics);
  const bridges = readBridges(fsRoot, diagnostics);
  return { pots, bridges, diagnostics };
}
