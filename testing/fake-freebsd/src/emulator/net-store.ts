/**
 * The network interfaces of the fake host (lib/net.sh), on the same state:
 * $FAKEBSD_STATE/net/if/<name>/
 *   index  kind (loopback|ether|bridge|epair|vlan|tun)  unit  up (present = UP)
 *   descr  groups (one per line)  ether  mtu  peer (epair)  vnet (jail holding it)
 *   inet   lines "ADDR PREFIXLEN"      inet6  lines "ADDR PREFIXLEN"
 *   members  lines "IFNAME FLAGS" (bridges; FLAGS hex, 0x143 or 0x943 = private)
 *   nd6    nd6 option bits (decimal)
 * An interface moved into a vnet jail (its `vnet` file, written by jail(8)) is no longer the
 * host's: ifconfig neither lists nor finds it.
 */
import { appendFileSync, closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { int2ip, ip2int, prefix2mask } from './ipv4.js';
import {
  awkFields,
  awkRecords,
  byteOrder,
  exists,
  isDir,
  nonEmpty,
  readable,
  readFirstWord,
  readLoopLines,
  readText,
  readWords,
  replaceFile,
} from './net-files.js';
import { readTrimmed, type State } from './state.js';

export type AddressFamily = 'inet' | 'inet6';

/** $FAKEBSD_STATE/net/if */
export function netRoot(st: State): string {
  // spelled as bash does ("$FB_S/net/if"): the path shows in awk's and mv's messages
  return `${st.dir}/net/if`;
}

/** net_dir: an interface's directory (the name is not checked, as in bash). */
export function netDir(st: State, name: string): string {
  return `${netRoot(st)}/${name}`;
}

/** The directories a `DIR/<star>/` glob matches (no dot names), in glob (byte) order. */
function globDirs(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir).sort(byteOrder);
  } catch {
    return [];
  }
  return names.filter((n) => !n.startsWith('.') && isDir(`${dir}/${n}`));
}

/** net_all_into: every interface (host and jails), by index. */
export function netAll(st: State): string[] {
  const root = netRoot(st);
  if (!isDir(root)) return [];
  const byIndex = new Map<number, string>();
  let index = '';
  for (const name of globDirs(root)) {
    // `read -r __i` keeps the previous value when the file cannot be read
    index = readFirstWord(`${root}/${name}/index`) ?? index;
    byIndex.set(bashIndex(index), name);
  }
  return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, name]) => name);
}

/** An array subscript as bash evaluates it (the state only holds decimal numbers). */
function bashIndex(word: string): number {
  const n = Number.parseInt(word, 10);
  return Number.isNaN(n) ? 0 : n;
}

/** net_host_into: the interfaces visible on the host (not moved into a vnet jail). */
export function netHost(st: State): string[] {
  const root = netRoot(st);
  return netAll(st).filter((n) => !exists(`${root}/${n}/vnet`));
}

/** net_exists: an interface of the host. */
export function netExists(st: State, name: string): boolean {
  const d = netDir(st, name);
  return name !== '' && !name.includes('/') && isDir(d) && !exists(`${d}/vnet`);
}

/** net_get: a state file's content as `cat` prints it; undefined when unreadable. */
export function netGet(st: State, name: string, key: string): string | undefined {
  const f = `${netDir(st, name)}/${key}`;
  return readable(f) ? readText(f) : undefined;
}

/** `grep -qxF -- PATTERN FILE`: a line equal to PATTERN (a pattern with newlines is several). */
function hasLine(file: string, pattern: string): boolean {
  const text = readText(file);
  if (text === undefined) return false;
  const patterns = pattern.split('\n');
  return awkRecords(text).some((l) => patterns.includes(l));
}

/** net_in_group */
export function netInGroup(st: State, name: string, group: string): boolean {
  const f = `${netDir(st, name)}/groups`;
  return readable(f) && hasLine(f, group);
}

/** net_new NAME KIND [UNIT]: the state of a new interface. */
export function netNew(st: State, name: string, kind: string, unit?: string): void {
  const d = netDir(st, name);
  mkdirSync(d, { recursive: true });
  const idx = st.nextSeq('ifindex');
  const put = (key: string, text: string): void => writeFileSync(`${d}/${key}`, text);
  put('index', `${idx}\n`);
  put('kind', `${kind}\n`);
  if (unit !== undefined && unit !== '') put('unit', `${unit}\n`);
  put('mtu', '1500\n');
  put('groups', '');
  switch (kind) {
    case 'loopback':
      put('mtu', '16384\n');
      put('groups', 'lo\n');
      put('nd6', '33\n');
      break;
    case 'bridge':
      put('groups', 'bridge\n');
      put('ether', `58:9c:fc:10:ff:${hex2(idx % 256)}\n`);
      put('members', '');
      put('nd6', '9\n');
      break;
    case 'epair':
      put('groups', 'epair\n');
      put('nd6', '41\n');
      break;
    default:
      put('nd6', '41\n');
  }
}

function hex2(n: number): string {
  return n.toString(16).padStart(2, '0');
}

/** net_free_unit KIND: the smallest unit number no interface of KIND uses. */
export function netFreeUnit(st: State, kind: string): number {
  const root = netRoot(st);
  let used = ' ';
  for (const n of netAll(st)) {
    const k = readFirstWord(`${root}/${n}/kind`) ?? '';
    const unitFile = `${root}/${n}/unit`;
    // `read -r unit <FILE && used+=…`: read fails on a file without a newline
    const unit = k === kind && readable(unitFile) ? readText(unitFile) : undefined;
    if (unit?.includes('\n')) used += `${readWords(unit.split('\n')[0] as string, 1)[0]} `;
  }
  let u = 0;
  while (used.includes(` ${u} `)) u++;
  return u;
}

/** net_add_group */
export function netAddGroup(st: State, name: string, group: string): void {
  if (!netInGroup(st, name, group)) appendFileSync(`${netDir(st, name)}/groups`, `${group}\n`);
}

/** net_del_group: `grep -vxF` (every line but GROUP) into the file. */
export function netDelGroup(st: State, name: string, group: string): void {
  const f = `${netDir(st, name)}/groups`;
  const patterns = group.split('\n');
  const kept = awkRecords(readText(f) ?? '').filter((l) => !patterns.includes(l));
  replaceFile(f, kept.map((l) => `${l}\n`).join(''));
}

/** net_clone KIND: creates bridgeN / epairN{a,b}; answers the (a-side) name, undefined for another kind. */
export function netClone(st: State, kind: string): string | undefined {
  const u = netFreeUnit(st, kind);
  if (kind === 'bridge') {
    netNew(st, `bridge${u}`, 'bridge', String(u));
    return `bridge${u}`;
  }
  if (kind !== 'epair') return undefined;
  const [a, b] = [`epair${u}a`, `epair${u}b`];
  netNew(st, a, 'epair', String(u));
  netNew(st, b, 'epair', String(u));
  writeFileSync(`${netDir(st, a)}/peer`, `${b}\n`);
  writeFileSync(`${netDir(st, b)}/peer`, `${a}\n`);
  writeFileSync(`${netDir(st, a)}/ether`, `02:00:00:00:${hex2(u % 256)}:0a\n`);
  writeFileSync(`${netDir(st, b)}/ether`, `02:00:00:00:${hex2(u % 256)}:0b\n`);
  return a;
}

/** awk's `$K = V; print`: the record rebuilt with single spaces (fields added when missing). */
export function setField(record: string, k: number, value: string): string {
  const fields = awkFields(record);
  while (fields.length < k) fields.push('');
  fields[k - 1] = value;
  return fields.join(' ');
}

/** Rewrites a "lines" file as an awk program prints it (each record one line). */
export function rewriteRecords(file: string, map: (record: string) => string | undefined): void {
  const out: string[] = [];
  for (const r of awkRecords(readText(file) ?? '')) {
    const m = map(r);
    if (m !== undefined) out.push(`${m}\n`);
  }
  replaceFile(file, out.join(''));
}

/** awk's `$1` of a record. */
export function firstField(record: string): string {
  return awkFields(record)[0] ?? '';
}

/** `awk -v a=X '$1 == a { f = 1 } END { exit !f }' FILE`; undefined when FILE cannot be opened (awk fails). */
export function hasFirstField(file: string, value: string): boolean | undefined {
  const text = readText(file);
  if (text === undefined) return undefined;
  return awkRecords(text).some((r) => firstField(r) === value);
}

/**
 * net_rename OLD NEW: renames, keeping bridge memberships and epair peers. Answers mv's
 * complaint when the directory cannot move (NEW in a missing directory); the rest goes on.
 */
export function netRename(st: State, from: string, to: string): string | undefined {
  let failure: string | undefined;
  try {
    renameSync(netDir(st, from), netDir(st, to));
  } catch (e) {
    const reason = e instanceof Error && 'code' in e && e.code === 'ENOTDIR' ? 'Not a directory' : 'No such file or directory';
    failure = `mv: cannot move '${netDir(st, from)}' to '${netDir(st, to)}': ${reason}`;
  }
  const root = netRoot(st);
  for (const n of netAll(st)) {
    const members = `${root}/${n}/members`;
    if (nonEmpty(members)) rewriteRecords(members, (r) => (firstField(r) === from ? setField(r, 1, to) : r));
    const peer = `${root}/${n}/peer`;
    if (readable(peer) && readTrimmed(peer) === from) writeFileSync(peer, `${to}\n`);
  }
  return failure;
}

/** net_destroy NAME: destroys it (both ends of an epair), dropping bridge memberships. */
export function netDestroy(st: State, name: string): void {
  const peer = netGet(st, name, 'peer') ?? '';
  // `for n in "$1" $peer`: the peer file's words
  for (const n of [name, ...awkFields(peer)]) {
    netDropMemberEverywhere(st, n);
    rmSync(netDir(st, n), { recursive: true, force: true });
  }
}

/** net_drop_member_everywhere */
export function netDropMemberEverywhere(st: State, member: string): void {
  const root = netRoot(st);
  for (const b of netAll(st)) {
    const f = `${root}/${b}/members`;
    if (nonEmpty(f)) rewriteRecords(f, (r) => (firstField(r) !== member ? r : undefined));
  }
}

/** net_is_member_anywhere: the first word of a line of some bridge's members. */
export function netIsMemberAnywhere(st: State, name: string): boolean {
  const root = netRoot(st);
  for (const b of netAll(st)) {
    const f = `${root}/${b}/members`;
    if (!nonEmpty(f)) continue;
    if (readLoopLines(readText(f) ?? '').some((l) => readWords(l, 2)[0] === name)) return true;
  }
  return false;
}

/** `touch FILE` (creates it; the time does not matter to anyone). */
export function touch(file: string): void {
  try {
    closeSync(openSync(file, 'a'));
  } catch {
    // touch complains and the caller goes on (an interface whose rename failed)
  }
}

/** net_addr_add IF AF ADDR PREFIX: adds the address unless the interface has it. */
export function netAddrAdd(st: State, name: string, af: AddressFamily, addr: string, prefix: string): void {
  const f = `${netDir(st, name)}/${af}`;
  touch(f);
  if (hasFirstField(f, addr) === false) appendFileSync(f, `${addr} ${prefix}\n`);
}

/** net_addr_del IF AF ADDR: false when the interface does not have it. */
export function netAddrDel(st: State, name: string, af: AddressFamily, addr: string): boolean {
  const f = `${netDir(st, name)}/${af}`;
  if (!readable(f)) return false;
  if (hasFirstField(f, addr) !== true) return false;
  rewriteRecords(f, (r) => (firstField(r) !== addr ? r : undefined));
  return true;
}

/** net_addr_has */
export function netAddrHas(st: State, name: string, af: AddressFamily, addr: string): boolean {
  const f = `${netDir(st, name)}/${af}`;
  return readable(f) && hasFirstField(f, addr) === true;
}

/** `printf '%x<%s>'` of a flag word and the names of its bits. */
function flagWord(v: number, bits: ReadonlyArray<readonly [number, string]>): string {
  const names = bits.filter(([bit]) => (v & bit) !== 0).map(([, n]) => n);
  return `${v.toString(16)}<${names.join(',')}>`;
}

const IF_FLAGS: ReadonlyArray<readonly [number, string]> = [
  [0x1, 'UP'],
  [0x2, 'BROADCAST'],
  [0x8, 'LOOPBACK'],
  [0x40, 'RUNNING'],
  [0x100, 'PROMISC'],
  [0x800, 'SIMPLEX'],
  [0x8000, 'MULTICAST'],
];

const ND6_FLAGS: ReadonlyArray<readonly [number, string]> = [
  [0x1, 'PERFORMNUD'],
  [0x2, 'ACCEPT_RTADV'],
  [0x8, 'IFDISABLED'],
  [0x20, 'AUTO_LINKLOCAL'],
];

/** net_flags: `flags=` of ifconfig. */
export function netFlags(st: State, name: string): string {
  const d = netDir(st, name);
  const kind = readTrimmed(`${d}/kind`) ?? '';
  const up = exists(`${d}/up`);
  let v = 0x8000;
  if (up) v |= 0x1 | 0x40;
  v |= kind === 'loopback' ? 0x8 : 0x2 | 0x800;
  if (netIsMemberAnywhere(st, name)) v |= 0x100;
  return flagWord(v, IF_FLAGS);
}

/** net_nd6_str: `nd6 options=` of ifconfig (V is the nd6 file's decimal word). */
export function netNd6Str(v: string): string {
  return flagWord(bashInt(v), ND6_FLAGS);
}

/** A state word in bash arithmetic (the state holds decimal numbers; anything else counts 0). */
export function bashInt(word: string): number {
  const n = Number.parseInt(word.trim(), 10);
  return Number.isNaN(n) ? 0 : n;
}

/** `fb_ip2int` as net_show uses it; a word bash arithmetic refuses counts 0 (bash complains on stderr). */
function ipInt(a: string): number {
  try {
    return ip2int(a);
  } catch {
    return 0;
  }
}

/** The inet lines of net_show. */
function inetLines(file: string, loopback: boolean): string {
  let out = '';
  for (const line of readLoopLines(readText(file) ?? '')) {
    const [a = '', p = ''] = readWords(line, 2);
    const prefix = bashInt(p);
    const m = prefix2mask(prefix) >>> 0;
    const mask = `0x${m.toString(16).padStart(8, '0')}`;
    if (loopback) {
      out += `\tinet ${a} netmask ${mask}\n`;
      continue;
    }
    let bc = int2ip(((ipInt(a) & m) | (~m & 0xffffffff)) >>> 0);
    if (prefix >= 31) bc = a;
    out += `\tinet ${a} netmask ${mask} broadcast ${bc}\n`;
  }
  return out;
}

/** The inet6 lines of net_show. */
function inet6Lines(file: string, name: string, index: string): string {
  let out = '';
  for (const line of readLoopLines(readText(file) ?? '')) {
    const [a = '', p = ''] = readWords(line, 2);
    if (a.startsWith('fe80:')) out += `\tinet6 ${a}%${name} prefixlen ${p} scopeid 0x${bashInt(index).toString(16)}\n`;
    else out += `\tinet6 ${a} prefixlen ${p}\n`;
  }
  return out;
}

/** The bridge lines of net_show (fixed spanning-tree values, then the members). */
function bridgeLines(st: State, membersFile: string): string {
  let out =
    '\tid 00:00:00:00:00:00 priority 32768 hellotime 2 fwddelay 15\n' +
    '\tmaxage 20 holdcnt 6 proto rstp maxaddr 2000 timeout 1200\n' +
    '\troot id 00:00:00:00:00:00 priority 32768 ifcost 0 port 0\n';
  for (const row of readLoopLines(readText(membersFile) ?? '')) {
    const [m = '', flags = ''] = readWords(row, 2);
    if (m === '') continue;
    out +=
      flags === '0x943'
        ? `\tmember: ${m} flags=943<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP,PRIVATE>\n`
        : `\tmember: ${m} flags=143<LEARNING,DISCOVER,AUTOEDGE,AUTOPTP>\n`;
    const md = netDir(st, m);
    const ifx = readable(`${md}/index`) ? (readTrimmed(`${md}/index`) ?? '') : '0';
    const cost = readable(`${md}/kind`) && readTrimmed(`${md}/kind`) === 'ether' ? 20000 : 2000;
    out += `\t        ifmaxaddr 0 port ${ifx} priority 128 path cost ${cost}\n`;
  }
  return out;
}

/** net_show IF [AF]: FreeBSD 13 style `ifconfig IF` output (IFCONFIG_FORMAT=addr:default). */
export function netShow(st: State, name: string, af = ''): string {
  const d = netDir(st, name);
  const kind = readTrimmed(`${d}/kind`) ?? '';
  let out = `${name}: flags=${netFlags(st, name)} metric 0 mtu ${readTrimmed(`${d}/mtu`) ?? ''}\n`;
  if (af === '') {
    if (nonEmpty(`${d}/descr`)) out += `\tdescription: ${readTrimmed(`${d}/descr`)}\n`;
    if (nonEmpty(`${d}/ether`)) out += `\tether ${readTrimmed(`${d}/ether`)}\n`;
  }
  if ((af === '' || af === 'inet') && nonEmpty(`${d}/inet`)) out += inetLines(`${d}/inet`, kind === 'loopback');
  if ((af === '' || af === 'inet6') && nonEmpty(`${d}/inet6`)) out += inet6Lines(`${d}/inet6`, name, readTrimmed(`${d}/index`) ?? '');
  if (af !== '') return out;
  if (kind === 'bridge') out += bridgeLines(st, `${d}/members`);
  if (nonEmpty(`${d}/groups`)) {
    // tr '\n' ' ' | sed 's/ $//'
    out += `\tgroups: ${(readText(`${d}/groups`) ?? '').replace(/\n/g, ' ').replace(/ $/, '')}\n`;
  }
  if (kind === 'ether') out += '\tmedia: Ethernet autoselect (1000baseT <full-duplex>)\n\tstatus: active\n';
  if (kind === 'epair') out += '\tmedia: Ethernet 10Gbase-T (10Gbase-T <full-duplex>)\n\tstatus: active\n';
  out += `\tnd6 options=${netNd6Str(readTrimmed(`${d}/nd6`) ?? '')}\n`;
  return out;
}
