/**
 * Parsers for the output of FreeBSD tools (ifconfig, zfs list -H, jls,
 * pfctl -s Anchors/nat, mount). Pure functions, tolerant of extra lines.
 */
import type { BridgeMember, InterfaceAddress, InterfaceInfo, MountEntry } from '../types.js';

/** Lines without trailing blanks, empty lines dropped. */
export function lines(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l !== '');
}

/** `0xffffff00`, `255.255.255.0` or `24` → prefix length (undefined when not a contiguous mask). */
export function netmaskToPrefix(mask: string): number | undefined {
  let value: number;
  if (/^0x[0-9a-f]{1,8}$/i.test(mask)) value = Number.parseInt(mask.slice(2), 16);
  else if (/^\d+\.\d+\.\d+\.\d+$/.test(mask)) {
    const parts = mask.split('.').map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    value = ((parts[0]! << 24) | (parts[1]! << 16) | (parts[2]! << 8) | parts[3]!) >>> 0;
  } else if (/^\d+$/.test(mask)) {
    const n = Number(mask);
    return n <= 32 ? n : undefined;
  } else return undefined;
  let prefix = 0;
  while (prefix < 32 && (value & (0x80000000 >>> prefix)) !== 0) prefix += 1;
  const expected = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return value >>> 0 === expected ? prefix : undefined;
}

export function prefixToNetmask(prefix: number): string {
  const value = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return [24, 16, 8, 0].map((s) => (value >>> s) & 255).join('.');
}

function parseFlags(text: string): string[] {
  const m = /<([^>]*)>/.exec(text);
  return m === null || m[1] === '' ? [] : m[1]!.split(',');
}

function parseInet(words: string[]): InterfaceAddress | undefined {
  // inet 10.0.0.1 netmask 0xffffff00 broadcast 10.0.0.255 | inet 10.0.0.1/24 broadcast ...
  let raw = words[1];
  if (raw === undefined) return undefined;
  let prefix: number | undefined;
  const slash = raw.indexOf('/');
  if (slash >= 0) {
    prefix = Number(raw.slice(slash + 1));
    raw = raw.slice(0, slash);
  }
  let broadcast: string | undefined;
  for (let i = 2; i < words.length - 1; i += 1) {
    if (words[i] === 'netmask') prefix = netmaskToPrefix(words[i + 1]!) ?? prefix;
    if (words[i] === 'broadcast') broadcast = words[i + 1];
  }
  if (prefix === undefined || Number.isNaN(prefix)) prefix = 32;
  return {
    family: 'inet',
    address: raw,
    prefixLength: prefix,
    netmask: prefixToNetmask(prefix),
    ...(broadcast === undefined ? {} : { broadcast }),
  };
}

function parseInet6(words: string[]): InterfaceAddress | undefined {
  // inet6 fe80::1%lo0 prefixlen 64 scopeid 0x2 | inet6 2001:db8::1/64
  let raw = words[1];
  if (raw === undefined) return undefined;
  let prefix: number | undefined;
  const slash = raw.indexOf('/');
  if (slash >= 0) {
    prefix = Number(raw.slice(slash + 1));
    raw = raw.slice(0, slash);
  }
  let scope: string | undefined;
  const pct = raw.indexOf('%');
  if (pct >= 0) {
    scope = raw.slice(pct + 1);
    raw = raw.slice(0, pct);
  }
  for (let i = 2; i < words.length - 1; i += 1) if (words[i] === 'prefixlen') prefix = Number(words[i + 1]);
  if (prefix === undefined || Number.isNaN(prefix)) prefix = 128;
  return { family: 'inet6', address: raw, prefixLength: prefix, ...(scope === undefined ? {} : { scope }) };
}

interface MutableInfo {
  name: string;
  flags: string[];
  mtu?: number;
  description?: string;
  ether?: string;
  addresses: InterfaceAddress[];
  members: BridgeMember[];
  groups: string[];
}

/** `ifconfig [-a] [NAME] [inet|inet6]` output → one entry per interface. */
export function parseIfconfig(text: string): InterfaceInfo[] {
  const out: MutableInfo[] = [];
  let cur: MutableInfo | undefined;
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const header = /^([^\s:]+): flags=(\S+)(.*)$/.exec(line);
    if (header !== null) {
      cur = { name: header[1]!, flags: parseFlags(header[2]!), addresses: [], members: [], groups: [] };
      const mtu = /\bmtu (\d+)/.exec(header[3]!);
      if (mtu !== null) cur.mtu = Number(mtu[1]);
      out.push(cur);
      continue;
    }
    if (cur === undefined || !/^\s/.test(line)) continue;
    const trimmed = line.trim();
    const words = trimmed.split(/\s+/);
    switch (words[0]) {
      case 'description:':
        cur.description = trimmed.slice('description:'.length).trim();
        break;
      case 'ether':
        if (words[1] !== undefined) cur.ether = words[1];
        break;
      case 'inet': {
        const a = parseInet(words);
        if (a !== undefined) cur.addresses.push(a);
        break;
      }
      case 'inet6': {
        const a = parseInet6(words);
        if (a !== undefined) cur.addresses.push(a);
        break;
      }
      case 'member:':
        if (words[1] !== undefined) cur.members.push({ name: words[1], private: parseFlags(words[2] ?? '').includes('PRIVATE') });
        break;
      case 'groups:':
        cur.groups.push(...words.slice(1));
        break;
      default:
        break;
    }
  }
  return out.map((i) => ({ ...i, up: i.flags.includes('UP') }));
}

/** Interface names, one per line or space separated (`ifconfig -g G`, `ifconfig -l`). */
export function parseNameList(text: string): string[] {
  return text.split(/\s+/).filter((w) => w !== '');
}

/** `zfs list -H -o a,b` → rows of tab-separated fields. */
export function parseZfsRows(text: string): string[][] {
  return lines(text).map((l) => l.split('\t'));
}

/** `pfctl [-a P] -s Anchors` → anchor paths. */
export function parseAnchors(text: string): string[] {
  return lines(text)
    .map((l) => l.trim())
    .filter((l) => l !== '' && !l.startsWith('pfctl:') && !/^No ALTQ/.test(l));
}

/** `pfctl -s info` → enabled? */
export function parsePfEnabled(text: string): boolean {
  return /^Status:\s+Enabled/m.test(text);
}

/** `mount` → entries (`SRC on TARGET (TYPE, opt, opt)`). */
export function parseMount(text: string): MountEntry[] {
  const out: MountEntry[] = [];
  for (const line of lines(text)) {
    const m = /^(.*) on (.*) \(([^,)]+)(?:, ([^)]*))?\)$/.exec(line);
    if (m === null) continue;
    out.push({
      source: m[1]!,
      target: m[2]!,
      type: m[3]!,
      options:
        m[4] === undefined
          ? []
          : m[4]
              .split(',')
              .map((o) => o.trim())
              .filter((o) => o !== ''),
    });
  }
  return out;
}

/** `sockstat -4l`: the local ports (column 6, `ADDR:PORT`), without the header. */
export function parseSockstatPorts(text: string): number[] {
  const ports = new Set<number>();
  for (const line of lines(text)) {
    const cols = line.trim().split(/\s+/);
    if (cols[0] === 'USER') continue;
    const local = cols[5]?.split(':');
    if (local?.length === 2 && /^\d+$/.test(local[1] as string)) ports.add(Number(local[1]));
  }
  return [...ports].sort((a, b) => a - b);
}

/** `posixshmcontrol ls`: the path column (5th, tab-separated). */
export function parseShmPaths(text: string): string[] {
  return lines(text)
    .map((l) => l.split('\t')[4] ?? '')
    .filter((p) => p.startsWith('/'));
}
