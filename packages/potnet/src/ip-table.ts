import type { Family, Ip } from './ip.js';
import { runsOf } from './intervals.js';

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
    const out: Array<{ ip: Ip; value: V }> = [];
    for (const { start, end } of runsOf([...map.keys()], family)) {
      for (let v = start; v <= end; v++) out.push({ ip: { family, value: v }, value: map.get(v) as V });
    }
    return out;
  }

  /** Every entry in compareIp order (IPv4 before IPv6). */
  sorted(): Array<{ ip: Ip; value: V }> {
    return [...this.sortedOf(4), ...this.sortedOf(6)];
  }
}
