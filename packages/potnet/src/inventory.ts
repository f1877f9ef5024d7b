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

/** Reads a whole file into `scratch`; answers its length, -1 when it cannot be read. */
function readWhole(file: string): number {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return -1;
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
    return length;
  } catch {
    return -1;
  } finally {
    closeSync(fd);
  }
}

/**
 * Directory entries in byte order of their names. Names come as latin1
 * strings (one char per byte: they compare like bytes, and no Buffer is made
 * per entry); nameOf turns them into the UTF-8 names they are.
 */
function sortedEntries(dir: string): Dirent<string>[] {
  let entries: Dirent<string>[];
  try {
    entries = readdirSync(dir, { withFileTypes: true, encoding: 'latin1' });
  } catch {
    return [];
  }
  return entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

const ASCII = /^[\x00-\x7f]*$/;

/** Whether the first `length` bytes are ASCII (nearly every pot.conf is: no view is made to check UTF-8). */
function isAsciiPrefix(bytes: Buffer, length: number): boolean {
  for (let i = 0; i < length; i++) if ((bytes[i] as number) > 0x7f) return false;
  return true;
}

/** The UTF-8 name of a latin1-read directory entry; undefined when its bytes are not UTF-8. */
function nameOf(latin1: string): string | undefined {
  if (ASCII.test(latin1)) return latin1;
  const bytes = Buffer.from(latin1, 'latin1');
  return isUtf8(bytes) ? bytes.toString('utf8') : undefined;
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
const KEY_IP4 = Buffer.from('ip4');
const KEY_IP = Buffer.from('ip');
const KEY_VNET = Buffer.from('vnet');
const KEY_NETWORK_TYPE = Buffer.from('network_type');

/** Whether bytes[start, eq) is `key`: a JS loop, cheaper than a native call for such short keys. */
function isKey(bytes: Buffer, start: number, eq: number, key: Buffer): boolean {
  if (eq - start !== key.length) return false;
  for (let i = 0; i < key.length; i++) if (bytes[start + i] !== key[i]) return false;
  return true;
}

/** The first index of `byte` in bytes[from, to), or `to`. */
function find(bytes: Buffer, byte: number, from: number, to: number): number {
  let i = from;
  while (i < to && bytes[i] !== byte) i++;
  return i;
}

function potKeys(bytes: Buffer, length = bytes.length): PotKeys {
  const keys: PotKeys = {};
  let lineNo = 0;
  for (let start = 0; start < length; ) {
    lineNo++;
    const nl = find(bytes, NL, start, length);
    const end = nl < length && nl > start && bytes[nl - 1] === CR ? nl - 1 : nl;
    const first = bytes[start];
    if (first === 0x69 /* i */ || first === 0x76 /* v */ || first === 0x6e /* n */) {
      // The line starts with KEY= exactly when the text up to its first `=` is KEY=.
      const eq = find(bytes, EQ, start, end);
      if (eq < end) {
        const stop = find(bytes, EQ, eq + 1, end);
        if (isKey(bytes, start, eq, KEY_IP4)) keys.ip4 = [bytes.toString('utf8', eq + 1, stop), lineNo];
        else if (isKey(bytes, start, eq, KEY_IP)) keys.ip = [bytes.toString('utf8', eq + 1, stop), lineNo];
        else if (isKey(bytes, start, eq, KEY_VNET)) keys.vnet = bytes.toString('utf8', eq + 1, stop);
        else if (isKey(bytes, start, eq, KEY_NETWORK_TYPE)) keys.networkType = bytes.toString('utf8', eq + 1, stop);
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
export function potFromConf(name: string, conf: Buffer | string, file: string, length?: number): PotResult | undefined {
  const keys = potKeys(typeof conf === 'string' ? Buffer.from(conf) : conf, length);
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
    const name = nameOf(entry.name);
    if (name === undefined) {
      diagnostics.push({ file: `${dir}/${entry.name}/conf/pot.conf`, message: 'pot skipped: its name is not valid UTF-8' });
      continue;
    }
    dirs.push({ name, file: `${dir}/${name}/conf/pot.conf` });
  }
  return dirs;
}

/**
 * Runs `fn` with the working directory at `dir`, so that it can open files by
 * short relative paths (the kernel resolves a shorter path per open: about 10 %
 * of a scan). Where the working directory cannot change (worker threads) or
 * come back, `fn` gets undefined and opens absolute paths.
 */
function inDirectory<T>(dir: string, fn: (relative: boolean) => T): T {
  let previous: string;
  try {
    previous = process.cwd();
    process.chdir(dir);
  } catch {
    return fn(false);
  }
  try {
    return fn(true);
  } finally {
    process.chdir(previous);
  }
}

/** Reads the pot.conf of each directory once; undefined where the original skips silently. */
export function readPotDirs(dirs: readonly PotDir[], jailsDir?: string): Array<PotResult | undefined> {
  const read = (relative: boolean): Array<PotResult | undefined> =>
    dirs.map(({ name, file }) => {
      const length = readWhole(relative ? `${name}/conf/pot.conf` : file);
      if (length < 0) return undefined;
      if (!isAsciiPrefix(scratch, length) && !isUtf8(scratch.subarray(0, length))) return { file, message: `pot ${name} skipped: pot.conf is not valid UTF-8` };
      return potFromConf(name, scratch, file, length);
    });
  return jailsDir === undefined ? read(false) : inDirectory(jailsDir, read);
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
  return collectPots(readPotDirs(listPotDirs(fsRoot, diagnostics), jailsDirectory(fsRoot)), diagnostics);
}

/** Every valid bridge file under FS_ROOT/bridges (regular files only), in name order. */
export function readBridges(fsRoot: string, diagnostics: InventoryDiagnostic[]): BridgeEntry[] {
  const dir = bridgesDirectory(fsRoot);
  const bridges: BridgeEntry[] = [];
  for (const entry of sortedEntries(dir)) {
    if (!entry.isFile()) continue;
    const name = nameOf(entry.name);
    const file = `${dir}/${name ?? Buffer.from(entry.name, 'latin1').toString('utf8')}`;
    const length = readWhole(file);
    if (length < 0) continue;
    const bytes = scratch.subarray(0, length);
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
