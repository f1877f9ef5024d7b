import { BITS, compareIp, type Family, formatIp, type Ip, ipKey, sameIp } from './ip.js';
import { broadcastOf, contains, formatIpNet, hostRange, type IpNet, networkOf } from './ipnet.js';
import type { BridgeEntry, Inventory, PotEntry } from './inventory.js';
import { PotnetError } from './potnet-error.js';
import type { SystemConfig } from './system-config.js';

/** One taken address and what the original calls it (`undefined`: no name). */
export interface AddressEntry {
  ip: Ip;
  label: string | undefined;
}

interface Interval {
  start: bigint;
  end: bigint;
}

/**
 * The addresses pot may not hand out: network, broadcast, gateway, DNS, every
 * bridged pot, every private bridge (all of its addresses). Bridges are kept
 * as ranges, so no query ever walks a network address by address.
 */
export class AddressBook {
  readonly config: SystemConfig;
  readonly inventory: Inventory;
  private readonly points = new Map<string, AddressEntry>();

  constructor(config: SystemConfig, inventory: Inventory) {
    this.config = config;
    this.inventory = inventory;
    this.put(networkOf(config.network), undefined);
    this.put(broadcastOf(config.network), undefined);
    this.put(config.gateway, 'default gateway');
    if (config.dns) this.put(config.dns.ip, config.dns.potName);
    for (const pot of this.bridgedPots()) this.put(pot.ip as Ip, pot.name);
    for (const bridge of inventory.bridges) {
      for (const [ip, label] of bridgeLandmarks(bridge)) this.put(ip, label);
    }
  }

  private put(ip: Ip, label: string | undefined): void {
    this.points.set(ipKey(ip), { ip, label });
  }

  private bridgedPots(): PotEntry[] {
    return this.inventory.pots.filter((p) => p.networkType === 'public-bridge' || p.networkType === 'private-bridge');
  }

  /** The first bridge (in directory order) with that name, as `-b NAME` finds it. */
  bridge(name: string): BridgeEntry | undefined {
    return this.inventory.bridges.find((b) => b.name === name);
  }

  isTaken(ip: Ip): boolean {
    if (this.points.has(ipKey(ip))) return true;
    return this.inventory.bridges.some((b) => inHosts(b.network, ip));
  }

  /** Taken intervals of one family, sorted and merged. */
  private takenIntervals(family: Family): Interval[] {
    const raw: Interval[] = [];
    for (const { ip } of this.points.values()) if (ip.family === family) raw.push({ start: ip.value, end: ip.value });
    for (const b of this.inventory.bridges) {
      if (b.network.addr.family !== family) continue;
      const { first, last } = hostRange(b.network);
      if (first <= last) raw.push({ start: first, end: last });
    }
    return mergeIntervals(raw);
  }

  /** Every taken address in address order, labelled as `potnet show` prints them. */
  *entries(): Generator<AddressEntry> {
    const points = [...this.points.values()].sort((a, b) => compareIp(a.ip, b.ip));
    for (const family of [4, 6] as const) {
      const own = points.filter((p) => p.ip.family === family);
      const labels = new BridgeLabeller(this.inventory.bridges, family);
      let i = 0;
      for (const interval of this.takenIntervals(family)) {
        for (let v = interval.start; v <= interval.end; v++) {
          const point = own[i];
          if (point && point.ip.value === v) {
            i++;
            yield point;
          } else {
            yield { ip: { family, value: v }, label: `${labels.at(v)} bridge - allocated address` };
          }
        }
      }
    }
  }

  /** The first free host address of POT_NETWORK, and the taken ones before it. */
  next(): { free: Ip | undefined; usedBefore: Interval[] } {
    const net = this.config.network;
    const { first, last } = hostRange(net);
    return firstFree(first, last, this.takenIntervals(net.addr.family), net.addr.family);
  }

  /** The addresses `-b NAME` considers: the bridge's landmarks and the bridged pots inside it. */
  bridgeEntries(bridge: BridgeEntry): AddressEntry[] {
    const map = new Map<string, AddressEntry>();
    for (const [ip, label] of bridgeLandmarks(bridge)) map.set(ipKey(ip), { ip, label });
    for (const pot of this.bridgedPots()) {
      if (contains(bridge.network, pot.ip as Ip)) map.set(ipKey(pot.ip as Ip), { ip: pot.ip as Ip, label: pot.name });
    }
    return [...map.values()].sort((a, b) => compareIp(a.ip, b.ip));
  }

  nextInBridge(bridge: BridgeEntry): Ip | undefined {
    const family = bridge.network.addr.family;
    const taken = mergeIntervals(this.bridgeEntries(bridge).map((e) => ({ start: e.ip.value, end: e.ip.value })));
    const { first, last } = hostRange(bridge.network);
    return firstFree(first, last, taken, family).free;
  }

  /** `potnet validate -H IP`: throws the original's error when the address cannot be used. */
  validate(ip: Ip): void {
    if (this.isTaken(ip)) throw new PotnetError('Address already in use');
    if (!contains(this.config.network, ip)) throw new PotnetError('Address outside the network');
  }

  /** `potnet validate -H IP -b NAME`. */
  validateInBridge(bridgeName: string, ip: Ip): void {
    const bridge = this.bridge(bridgeName);
    if (!bridge) throw new PotnetError(`bridge ${bridgeName} not found`);
    if (!contains(bridge.network, ip)) {
      throw new PotnetError('Ip outside the bridge network', 1, `ip ${formatIp(ip)} not in the bridge network ${formatIpNet(bridge.network)}`);
    }
    if (this.bridgeEntries(bridge).some((e) => sameIp(e.ip, ip))) {
      throw new PotnetError('Ip already used', 1, `ip ${formatIp(ip)} already in use`);
    }
  }

  /** `potnet etc-hosts [-b NAME]`: `IP NAME` lines of the pots that can see each other. */
  etcHosts(bridge?: BridgeEntry): Array<{ ip: Ip; name: string }> {
    const map = new Map<string, { ip: Ip; name: string }>();
    for (const pot of this.inventory.pots) {
      const wanted = bridge
        ? pot.networkType === 'private-bridge' && contains(bridge.network, pot.ip as Ip)
        : pot.networkType === 'public-bridge';
      if (wanted) map.set(ipKey(pot.ip as Ip), { ip: pot.ip as Ip, name: pot.name });
    }
    return [...map.values()].sort((a, b) => compareIp(a.ip, b.ip));
  }

  /**
   * `potnet new-net -s HOSTS`: the first aligned subnet of POT_NETWORK with
   * room for HOSTS plus network, gateway and broadcast that holds no taken
   * address. Jumps from conflict to conflict instead of trying every subnet.
   */
  newNet(hosts: number): { network: IpNet; gateway: Ip } | undefined {
    const size = networkSizeBits(hosts);
    const net = this.config.network;
    const family = net.addr.family;
    const prefix = BITS[this.config.gateway.family] - size;
    if (prefix < net.prefix || prefix > BITS[family]) return undefined;
    const step = 1n << BigInt(BITS[family] - prefix);
    const start = networkOf(net).value;
    const end = broadcastOf(net).value;
    const taken = this.takenIntervals(family);
    let candidate = start;
    let i = 0;
    while (candidate + step - 1n <= end) {
      while (i < taken.length && (taken[i] as Interval).end < candidate) i++;
      const conflict = taken[i];
      if (!conflict || conflict.start > candidate + step - 1n) {
        const subnet: IpNet = { addr: { family, value: candidate }, prefix };
        return { network: subnet, gateway: { family, value: hostRange(subnet).first } };
      }
      candidate = start + ((conflict.end + 1n - start + step - 1n) / step) * step;
    }
    return undefined;
  }
}

/**
 * Names the bridge an address belongs to while `entries()` walks addresses in
 * ascending order: bridges sorted by first host, a small set of open ones,
 * the first in directory order winning where bridges overlap (as the
 * original's or_insert does). Linear in addresses plus bridges.
 */
class BridgeLabeller {
  private readonly sorted: Array<{ name: string; order: number; first: bigint; last: bigint }>;
  private next = 0;
  private open: Array<{ name: string; order: number; first: bigint; last: bigint }> = [];

  constructor(bridges: readonly BridgeEntry[], family: Family) {
    this.sorted = bridges
      .map((b, order) => ({ name: b.name, order, ...hostRange(b.network), family: b.network.addr.family }))
      .filter((b) => b.family === family)
      .sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
  }

  at(value: bigint): string {
    while (this.next < this.sorted.length && (this.sorted[this.next] as { first: bigint }).first <= value) {
      this.open.push(this.sorted[this.next++] as (typeof this.sorted)[number]);
    }
    if (this.open.length > 4) this.open = this.open.filter((b) => b.last >= value);
    let best: (typeof this.open)[number] | undefined;
    for (const b of this.open) if (b.last >= value && (!best || b.order < best.order)) best = b;
    return best?.name ?? '';
  }
}

function inHosts(network: IpNet, ip: Ip): boolean {
  if (ip.family !== network.addr.family) return false;
  const { first, last } = hostRange(network);
  return ip.value >= first && ip.value <= last;
}

function bridgeLandmarks(bridge: BridgeEntry): Array<[Ip, string]> {
  return [
    [networkOf(bridge.network), `${bridge.name} bridge - network `],
    [broadcastOf(bridge.network), `${bridge.name} bridge - broadcast `],
    [bridge.gateway, `${bridge.name} bridge - gateway `],
  ];
}

function mergeIntervals(intervals: Interval[]): Interval[] {
  intervals.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: Interval[] = [];
  for (const iv of intervals) {
    const last = merged[merged.length - 1];
    if (last && iv.start <= last.end + 1n) {
      if (iv.end > last.end) last.end = iv.end;
    } else {
      merged.push({ ...iv });
    }
  }
  return merged;
}

function firstFree(first: bigint, last: bigint, taken: Interval[], family: Family): { free: Ip | undefined; usedBefore: Interval[] } {
  let candidate = first;
  const usedBefore: Interval[] = [];
  for (const iv of taken) {
    if (iv.end < candidate) continue;
    if (iv.start > candidate || candidate > last) break;
    const end = iv.end < last ? iv.end : last;
    usedBefore.push({ start: candidate, end });
    candidate = iv.end + 1n;
  }
  return { free: candidate <= last ? { family, value: candidate } : undefined, usedBefore };
}

/**
 * The original's size rule: the smallest power of two holding HOSTS plus
 * network and broadcast, as a number of host bits (2 hosts: 2 bits, a /30).
 */
export function networkSizeBits(hosts: number): number {
  let bits = 2;
  while (hosts > 2 ** bits - 2) bits++;
  return bits;
}

