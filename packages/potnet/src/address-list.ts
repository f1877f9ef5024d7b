import type { Family, Ip } from './ip.js';

/** Positions packed below an IPv4 address in one double: 2^32 · 2^21 stays under 2^53. */
const POSITIONS = 2 ** 21;

/**
 * Addresses with a value each, gathered in order and read back sorted by
 * address (IPv4 before IPv6), one entry per address: the last value given
 * wins, as a map insertion would leave it. Sorting instead of a Map: IPv4
 * address and position are packed into one double and sorted natively, so
 * 50,000 pots cost neither a hash table nor a comparator call per pair.
 */
export class AddressList<V> {
  private readonly ips: Ip[] = [];
  private readonly values: V[] = [];

  add(ip: Ip, value: V): void {
    this.ips.push(ip);
    this.values.push(value);
  }

  /** Every family, IPv4 first. */
  sorted(): Array<{ ip: Ip; value: V }> {
    return [...this.sortedOf(4), ...this.sortedOf(6)];
  }

  sortedOf(family: Family): Array<{ ip: Ip; value: V }> {
    const order = family === 4 && this.ips.length < POSITIONS ? this.packedOrder() : this.comparedOrder(family);
    const out: Array<{ ip: Ip; value: V }> = [];
    for (let k = 0; k < order.length; k++) {
      const i = order[k] as number;
      const later = order[k + 1];
      if (later !== undefined && (this.ips[later] as Ip).value === (this.ips[i] as Ip).value) continue;
      out.push({ ip: this.ips[i] as Ip, value: this.values[i] as V });
    }
    return out;
  }

  /** Positions of the IPv4 entries by (address, position). */
  private packedOrder(): Uint32Array {
    const keys = new Float64Array(this.ips.length);
    let n = 0;
    for (let i = 0; i < this.ips.length; i++) {
      const ip = this.ips[i] as Ip;
      if (ip.family === 4) keys[n++] = Number(ip.value) * POSITIONS + i;
    }
    const sorted = keys.subarray(0, n).sort();
    const order = new Uint32Array(n);
    for (let k = 0; k < n; k++) order[k] = (sorted[k] as number) % POSITIONS;
    return order;
  }

  private comparedOrder(family: Family): number[] {
    const order: number[] = [];
    for (let i = 0; i < this.ips.length; i++) if ((this.ips[i] as Ip).family === family) order.push(i);
    return order.sort((a, b) => {
      const x = (this.ips[a] as Ip).value;
      const y = (this.ips[b] as Ip).value;
      return x < y ? -1 : x > y ? 1 : a - b;
    });
  }
}
