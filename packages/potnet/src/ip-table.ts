import type { Family, Ip } from './ip.js';

/**
 * A map from addresses to values: one Map per family keyed by the address's
 * BigInt (Maps compare BigInts by value), so no string key is made per
 * address — the address book holds one entry per pot.
 */
export class IpTable<V> {
  private readonly byFamily: Record<Family, Map<bigint, V>> = { 4: new Map(), 6: new Map() };

  set(ip: Ip, value: V): void {
    this.byFamily[ip.family].set(ip.value, value);
  }

  has(ip: Ip): boolean {
    return this.byFamily[ip.family].has(ip.value);
  }

  /** The entries of one family in ascending address order. */
  sortedOf(family: Family): Array<{ ip: Ip; value: V }> {
    const map = this.byFamily[family];
    return ascending([...map.keys()], family).map((v) => ({ ip: { family, value: v }, value: map.get(v) as V }));
  }

  /** Every entry in compareIp order (IPv4 before IPv6). */
  sorted(): Array<{ ip: Ip; value: V }> {
    return [...this.sortedOf(4), ...this.sortedOf(6)];
  }
}

/**
 * Address values of one family in ascending order. IPv4 values fit a double:
 * a typed array sorts them natively, without a comparator call per pair
 * (10,000 pots per command).
 */
export function ascending(values: readonly bigint[], family: Family): bigint[] {
  if (family === 6) return [...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const numbers = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) numbers[i] = Number(values[i]);
  numbers.sort();
  const out = new Array<bigint>(numbers.length);
  for (let i = 0; i < numbers.length; i++) out[i] = BigInt(numbers[i] as number);
  return out;
}
