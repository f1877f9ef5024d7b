/**
 * IP addresses as (family, BigInt) pairs: ipaddr.js parses but has no
 * arithmetic, and potnet's work is arithmetic (next free address, subnets).
 * Parsing and printing follow Rust's std::net rules, because potnet's output
 * must be byte-identical to the Rust original's.
 */
export type Family = 4 | 6;

export interface Ip {
  readonly family: Family;
  readonly value: bigint;
  /** The address as text (`JSON.stringify` of any answer holding addresses works: a BigInt alone would throw). */
  toJSON?(): string;
}

/** The addresses potnet answers with: the pair, printed as text by JSON.stringify and String(). */
class IpAddress implements Ip {
  constructor(
    readonly family: Family,
    readonly value: bigint,
  ) {}
  toJSON(): string {
    return formatIp(this);
  }
  toString(): string {
    return formatIp(this);
  }
}

/** An address of `family` with `value`. */
export function ipOf(family: Family, value: bigint): Ip {
  return new IpAddress(family, value);
}

export const BITS: Record<Family, number> = { 4: 32, 6: 128 };

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/**
 * Strict dotted quad, as Rust's Ipv4Addr::from_str: no leading zeros, no
 * short forms. Hand-scanned: every pot's address goes through here, and a
 * regex and a BigInt per octet showed up in profiles at 50,000 pots.
 */
export function parseIpv4(text: string): Ip | undefined {
  let value = 0;
  let octet = -1;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) {
      if (digits === 0 || ++dots > 3) return undefined;
      value = value * 256 + octet;
      octet = -1;
      digits = 0;
    } else if (c >= 0x30 && c <= 0x39) {
      if (digits > 0 && octet === 0) return undefined;
      octet = (octet < 0 ? 0 : octet) * 10 + (c - 0x30);
      if (++digits > 3 || octet > 255) return undefined;
    } else {
      return undefined;
    }
  }
  if (dots !== 3 || digits === 0) return undefined;
  return new IpAddress(4, BigInt(value * 256 + octet));
}

function parseGroups(text: string, allowTrailingIpv4: boolean): bigint[] | undefined {
  if (text === '') return [];
  const pieces = text.split(':');
  const groups: bigint[] = [];
  for (let i = 0; i < pieces.length; i++) {
    const piece = pieces[i] as string;
    if (allowTrailingIpv4 && i === pieces.length - 1 && piece.includes('.')) {
      const v4 = parseIpv4(piece);
      if (!v4) return undefined;
      groups.push(v4.value >> 16n, v4.value & 0xffffn);
    } else if (HEX_GROUP.test(piece)) {
      groups.push(BigInt(parseInt(piece, 16)));
    } else {
      return undefined;
    }
  }
  return groups;
}

/** RFC 4291 text forms, as Rust's Ipv6Addr::from_str: no zone ids, no brackets, no prefix. */
export function parseIpv6(text: string): Ip | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  let groups: bigint[];
  if (halves.length === 2) {
    const head = parseGroups(halves[0] as string, false);
    const tail = parseGroups(halves[1] as string, true);
    if (!head || !tail || head.length + tail.length > 7) return undefined;
    groups = [...head, ...new Array<bigint>(8 - head.length - tail.length).fill(0n), ...tail];
  } else {
    const all = parseGroups(text, true);
    if (!all || all.length !== 8) return undefined;
    groups = all;
  }
  let value = 0n;
  for (const g of groups) value = (value << 16n) | g;
  return new IpAddress(6, value);
}

/** Rust's IpAddr::from_str: IPv4 first, then IPv6. */
export function parseIp(text: string): Ip | undefined {
  return parseIpv4(text) ?? parseIpv6(text);
}

function formatIpv4(value: bigint): string {
  const n = Number(value);
  return `${(n >>> 24) & 255}.${(n >>> 16) & 255}.${(n >>> 8) & 255}.${n & 255}`;
}

/** Rust's Ipv6Addr Display: RFC 5952 compression, IPv4-mapped addresses in dotted form. */
function formatIpv6(value: bigint): string {
  if (value >> 32n === 0xffffn) return `::ffff:${formatIpv4(value & 0xffffffffn)}`;
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = (gs: number[]): string => gs.map((g) => g.toString(16)).join(':');
  if (bestLen < 2) return hex(groups);
  return `${hex(groups.slice(0, bestStart))}::${hex(groups.slice(bestStart + bestLen))}`;
}

export function formatIp(ip: Ip): string {
  return ip.family === 4 ? formatIpv4(ip.value) : formatIpv6(ip.value);
}

export function sameIp(a: Ip, b: Ip): boolean {
  return a.family === b.family && a.value === b.value;
}

/** Rust's IpAddr ordering: every IPv4 address sorts before every IPv6 address. */
export function compareIp(a: Ip, b: Ip): number {
  if (a.family !== b.family) return a.family - b.family;
  return a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
}
