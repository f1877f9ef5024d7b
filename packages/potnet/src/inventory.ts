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
      const wanted = scratch.length - length;
      const n = readSync(fd, scratch, length, wanted, null);
      length += n;
      // A short read of a regular file is its end: saves a read per file.
      if (n < wanted) break;
    }
    return scratch.subarray(0, length);
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Directory entries in byte order of their names (latin1 strings compare like bytes). */
function sortedEntries(dir: string): Dirent<Buffer>[] {
  let entries: Dirent<Buffer>[];
  try {
    entries = readdirSync(dir, { withFileTypes: true, encoding: 'buffer' });
  } catch {
    return [];
  }
  const keyed = entries.map((entry) => ({ entry, key: entry.name.toString('latin1') }));
  keyed.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return keyed.map((k) => k.entry);
}

interface PotKeys {
  ip?: [string, number];
  ip4?: [string, number];
  vnet?: string;
  networkType?: string;
}

const NL = 0x0a;
const CR = 0x0d;
const EQ = 0x3d;

/**
 * The four keys potnet needs, found by scanning bytes: 50,000 pot.conf files
 * are read per command, and decoding and splitting each whole file would cost
 * more than reading it. Same line and value rules as the original (Rust's
 * lines(): one \r dropped before \n; value: up to the next `=`).
 */
function potKeys(bytes: Buffer): PotKeys {
  const keys: PotKeys = {};
  let lineNo = 0;
  for (let start = 0; start < bytes.length; ) {
    lineNo++;
    let nl = bytes.indexOf(NL, start);
    const hasNl = nl >= 0;
    if (!hasNl) nl = bytes.length;
    const end = hasNl && nl > start && bytes[nl - 1] === CR ? nl - 1 : nl;
    const first = bytes[start];
    if (first === 0x69 /* i */ || first === 0x76 /* v */ || first === 0x6e /* n */) {
      const eq = bytes.indexOf(EQ, start);
      if (eq >= 0 && eq < end) {
        let stop = bytes.indexOf(EQ, eq + 1);
        if (stop < 0 || stop > end) stop = end;
        // The line starts with KEY= exactly when the text up to its first `=` is KEY=.
        const key = bytes.toString('latin1', start, eq + 1);
        const value = (): string => bytes.toString('utf8', eq + 1, stop);
        if (key === 'ip4=') keys.ip4 = [value(), lineNo];
        else if (key === 'ip=') keys.ip = [value(), lineNo];
        else if (key === 'vnet=') keys.vnet = value();
        else if (key === 'network_type=') keys.networkType = value();
      }
    }
    start = nl + 1;
  }
  return keys;
}

export type PotResult = PotEntry | InventoryDiagnostic;

function addressOf(name: string, networkType: NetworkType, field: [string, number], file: string): PotResult {
  const ip = parseIp(field[0]);
  if (ip) return { name, networkType, ip };
  return { file, line: field[1], message: `pot ${name} skipped: "${field[0]}" is not an IP address` };
}

/** The original's reading of a pot.conf, with every panic turned into a diagnostic. */
export function potFromConf(name: string, conf: Buffer | string, file: string): PotResult | undefined {
  const keys = potKeys(typeof conf === 'string' ? Buffer.from(conf) : conf);
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

/** A pot directory to read: its name and its pot.conf. */
export interface PotDir {
  name: string;
  file: string;
}

/** The pot directories under FS_ROOT/jails (directories, not links), in ascending name order. */
export function listPotDirs(fsRoot: string, diagnostics: InventoryDiagnostic[]): PotDir[] {
  const dir = jailsDirectory(fsRoot);
  const dirs: PotDir[] = [];
  for (const entry of sortedEntries(dir)) {
    if (!entry.isDirectory()) continue;
    if (!isUtf8(entry.name)) {
      diagnostics.push({ file: `${dir}/${entry.name.toString('latin1')}/conf/pot.conf`, message: 'pot skipped: its name is not valid UTF-8' });
      continue;
    }
    const name = entry.name.toString('utf8');
    dirs.push({ name, file: `${dir}/${name}/conf/pot.conf` });
  }
  return dirs;
}

/** Reads the pot.conf of each directory once; undefined where the original skips silently. */
export function readPotDirs(dirs: readonly PotDir[]): Array<PotResult | undefined> {
  return dirs.map(({ name, file }) => {
    const bytes = readWhole(file);
    if (bytes === undefined) return undefined;
    if (!isUtf8(bytes)) return { file, message: `pot ${name} skipped: pot.conf is not valid UTF-8` };
    return potFromConf(name, bytes, file);
  });
}

/** Splits read results into pots and diagnostics, keeping directory order. */
export function collectPots(results: ReadonlyArray<PotResult | undefined>, diagnostics: InventoryDiagnostic[]): PotEntry[] {
  const pots: PotEntry[] = [];
  for (const result of results) {
    if (result === undefined) continue;
    if ('message' in result) diagnostics.push(result);
    else pots.push(result);
  }
  return pots;
}

/** Every pot under FS_ROOT/jails, in ascending name order; each file read once. */
export function readPots(fsRoot: string, diagnostics: InventoryDiagnostic[]): PotEntry[] {
  return collectPots(readPotDirs(listPotDirs(fsRoot, diagnostics)), diagnostics);
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
