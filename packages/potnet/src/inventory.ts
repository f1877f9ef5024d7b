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
 * The names of the entries of `dir` that pass `keep`, in byte order. Names
 * come as latin1 strings (one char per byte: the default sort compares them
 * like bytes, natively, and no Buffer is made per entry); nameOf turns them
 * into the UTF-8 names they are.
 */
function sortedNames(dir: string, keep: (entry: Dirent<string>) => boolean): string[] {
  let entries: Dirent<string>[];
  try {
    entries = readdirSync(dir, { withFileTypes: true, encoding: 'latin1' });
  } catch {
    return [];
  }
  const names: string[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as Dirent<string>;
    if (keep(entry)) names.push(entry.name);
  }
  return names.sort();
}

const isDirectory = (entry: Dirent<string>): boolean => entry.isDirectory();
const isFile = (entry: Dirent<string>): boolean => entry.isFile();

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

const NL = 0x0a;
const CR = 0x0d;
const EQ = 0x3d;

const KEY_IP4 = Buffer.from('ip4');
const KEY_IP = Buffer.from('ip');
const KEY_VNET = Buffer.from('vnet');
const KEY_NETWORK_TYPE = Buffer.from('network_type');
const TRUE = Buffer.from('true');
const INHERIT = Buffer.from('inherit');
const NETWORK_TYPE_LIST = [...NETWORK_TYPES] as NetworkType[];
const NETWORK_TYPE_WORDS = NETWORK_TYPE_LIST.map((t) => Buffer.from(t));

/** Whether bytes[start, stop) is `word`: a JS loop, cheaper than a native call for such short words. */
function isWord(bytes: Buffer, start: number, stop: number, word: Buffer): boolean {
  if (stop - start !== word.length) return false;
  for (let i = 0; i < word.length; i++) if (bytes[start + i] !== word[i]) return false;
  return true;
}

/** The first index of `byte` in bytes[from, to), or `to`. */
function find(bytes: Buffer, byte: number, from: number, to: number): number {
  let i = from;
  while (i < to && bytes[i] !== byte) i++;
  return i;
}

/**
 * Where the four values potnet needs lie in one pot.conf, as byte offsets
 * (start -1: absent). One instance serves every file: 50,000 pot.conf files
 * are read per command, and an object or a string per key and file costs
 * more garbage collection than the reading itself.
 */
class PotConfFields {
  ip = -1;
  ipStop = 0;
  ipLine = 0;
  ip4 = -1;
  ip4Stop = 0;
  ip4Line = 0;
  vnet = -1;
  vnetStop = 0;
  networkType = -1;
  networkTypeStop = 0;

  /**
   * Same line and value rules as the original (Rust's lines(): one \r dropped
   * before \n; value: up to the next `=`), found by scanning bytes.
   */
  scan(bytes: Buffer, length: number): this {
    this.ip = this.ip4 = this.vnet = this.networkType = -1;
    let lineNo = 0;
    for (let start = 0; start < length; ) {
      lineNo++;
      const nl = find(bytes, NL, start, length);
      const first = bytes[start];
      if (first === 0x69 /* i */ || first === 0x76 /* v */ || first === 0x6e /* n */) {
        const end = nl < length && nl > start && bytes[nl - 1] === CR ? nl - 1 : nl;
        // The line starts with KEY= exactly when the text up to its first `=` is KEY=.
        const eq = find(bytes, EQ, start, end);
        if (eq < end) this.keep(bytes, start, eq, find(bytes, EQ, eq + 1, end), lineNo);
      }
      start = nl + 1;
    }
    return this;
  }

  private keep(bytes: Buffer, start: number, eq: number, stop: number, lineNo: number): void {
    if (isWord(bytes, start, eq, KEY_IP4)) {
      this.ip4 = eq + 1;
      this.ip4Stop = stop;
      this.ip4Line = lineNo;
    } else if (isWord(bytes, start, eq, KEY_IP)) {
      this.ip = eq + 1;
      this.ipStop = stop;
      this.ipLine = lineNo;
    } else if (isWord(bytes, start, eq, KEY_VNET)) {
      this.vnet = eq + 1;
      this.vnetStop = stop;
    } else if (isWord(bytes, start, eq, KEY_NETWORK_TYPE)) {
      this.networkType = eq + 1;
      this.networkTypeStop = stop;
    }
  }
}

const fields = new PotConfFields();

export type PotResult = PotEntry | InventoryDiagnostic;

/** Names the pot.conf of a pot, for diagnostics only: a path per pot would be garbage on the common path. */
type ConfPath = (name: string) => string;

function addressOf(name: string, networkType: NetworkType, text: string, line: number, confPath: ConfPath): PotResult {
  const ip = parseIp(text);
  if (ip) return { name, networkType, ip };
  return { file: confPath(name), line, message: `pot ${name} skipped: "${text}" is not an IP address` };
}

function networkTypeAt(bytes: Buffer, start: number, stop: number): NetworkType | undefined {
  // Indexed, not for-of with destructuring: that allocates per pot before the JIT warms up.
  for (let i = 0; i < NETWORK_TYPE_WORDS.length; i++) {
    if (isWord(bytes, start, stop, NETWORK_TYPE_WORDS[i] as Buffer)) return NETWORK_TYPE_LIST[i];
  }
  return undefined;
}

/** The original's reading of a pot.conf's bytes, with every panic turned into a diagnostic. */
function potFromBytes(name: string, bytes: Buffer, length: number, confPath: ConfPath): PotResult | undefined {
  const f = fields.scan(bytes, length);
  if (f.networkType >= 0) {
    const networkType = networkTypeAt(bytes, f.networkType, f.networkTypeStop);
    if (networkType === undefined) {
      const text = bytes.toString('utf8', f.networkType, f.networkTypeStop);
      return { file: confPath(name), message: `pot ${name} skipped: unknown network_type "${text}"` };
    }
    if (networkType === 'inherit' || networkType === 'alias') return { name, networkType };
    if (f.ip < 0) return { file: confPath(name), message: `pot ${name} skipped: ${networkType} pot without ip=` };
    return addressOf(name, networkType, bytes.toString('utf8', f.ip, f.ipStop), f.ipLine, confPath);
  }
  if (f.ip4 < 0) return { file: confPath(name), message: `pot ${name} skipped: neither network_type= nor ip4=` };
  if (isWord(bytes, f.ip4, f.ip4Stop, INHERIT)) return { name, networkType: 'inherit' };
  const ip4 = bytes.toString('utf8', f.ip4, f.ip4Stop);
  if (f.vnet < 0 && parseIp(ip4)) return { file: confPath(name), message: `pot ${name} skipped: legacy ip4= without vnet=` };
  const vnet = f.vnet >= 0 && isWord(bytes, f.vnet, f.vnetStop, TRUE);
  return addressOf(name, vnet ? 'public-bridge' : 'alias', ip4, f.ip4Line, confPath);
}

/** The original's reading of a pot.conf, with every panic turned into a diagnostic. */
export function potFromConf(name: string, conf: Buffer | string, file: string, length?: number): PotResult | undefined {
  const bytes = typeof conf === 'string' ? Buffer.from(conf) : conf;
  return potFromBytes(name, bytes, length ?? bytes.length, () => file);
}

/** The original's reading of a bridge file: first token of name=, net=, gateway=. */
export function bridgeFromConf(text: string, file: string): BridgeEntry | InventoryDiagnostic {
  let name: string | undefined;
  let network: IpNet | undefined;
  let gateway: Ip | undefined;
  for (const raw of rustLines(text)) {
    const line = raw.trim();
    // the token only for the three keys: 2,000 bridge files are read per command
    if (line.startsWith('name=')) name = firstValueToken(line);
    else if (line.startsWith('net=')) {
      const token = firstValueToken(line);
      network = token === undefined ? undefined : parseIpNet(token);
    } else if (line.startsWith('gateway=')) {
      const token = firstValueToken(line);
      gateway = token === undefined ? undefined : parseIp(token);
    }
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

/** The pot directories under `jailsDir` (directories, not links), in ascending byte order of their names. */
function listPotNames(jailsDir: string, diagnostics: InventoryDiagnostic[]): string[] {
  const names = sortedNames(jailsDir, isDirectory);
  for (let i = 0; i < names.length; i++) {
    const name = nameOf(names[i] as string);
    if (name !== undefined) {
      names[i] = name;
      continue;
    }
    diagnostics.push({ file: `${jailsDir}/${names[i] as string}/conf/pot.conf`, message: 'pot skipped: its name is not valid UTF-8' });
    names.splice(i--, 1);
  }
  return names;
}

/**
 * Runs `fn` with the working directory at `dir`, so that it can open files by
 * short relative paths (the kernel resolves a shorter path per open: about 10 %
 * of a scan). Where the working directory cannot change (worker threads) or
 * come back, `fn` gets false and opens absolute paths.
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

/** One pot.conf read and understood; undefined where the original skips silently (no readable file). */
function readPot(name: string, path: string, confPath: ConfPath): PotResult | undefined {
  const length = readWhole(path);
  if (length < 0) return undefined;
  if (!isAsciiPrefix(scratch, length) && !isUtf8(scratch.subarray(0, length))) {
    return { file: confPath(name), message: `pot ${name} skipped: pot.conf is not valid UTF-8` };
  }
  return potFromBytes(name, scratch, length, confPath);
}

/** Every pot under FS_ROOT/jails, in ascending name order; each file read once. */
export function readPots(fsRoot: string, diagnostics: InventoryDiagnostic[]): PotEntry[] {
  const dir = jailsDirectory(fsRoot);
  const names = listPotNames(dir, diagnostics);
  const confPath: ConfPath = (name) => `${dir}/${name}/conf/pot.conf`;
  return inDirectory(dir, (relative) => {
    const pots: PotEntry[] = [];
    for (let i = 0; i < names.length; i++) {
      const name = names[i] as string;
      const result = readPot(name, relative ? `${name}/conf/pot.conf` : confPath(name), confPath);
      if (result === undefined) continue;
      if ('message' in result) diagnostics.push(result);
      else pots.push(result);
    }
    return pots;
  });
}

/** Every valid bridge file under FS_ROOT/bridges (regular files only), in name order. */
export function readBridges(fsRoot: string, diagnostics: InventoryDiagnostic[]): BridgeEntry[] {
  const dir = bridgesDirectory(fsRoot);
  const names = sortedNames(dir, isFile);
  return inDirectory(dir, (relative) => {
    const bridges: BridgeEntry[] = [];
    for (const latin1 of names) {
      const name = nameOf(latin1) ?? Buffer.from(latin1, 'latin1').toString('utf8');
      const file = `${dir}/${name}`;
      const length = readWhole(relative ? name : file);
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
  });
}

export function readInventory(fsRoot: string): Inventory {
  const diagnostics: InventoryDiagnostic[] = [];
  const pots = readPots(fsRoot, diagnostics);
  const bridges = readBridges(fsRoot, diagnostics);
  return { pots, bridges, diagnostics };
}
