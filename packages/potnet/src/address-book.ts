import { BITS, type Family, formatIp, type Ip, ipOf, sameIp } from './ip.js';
import { type Interval, mergeIntervals, runsOf } from './intervals.js';
import { AddressList } from './address-list.js';
import { broadcastOf, contains, formatIpNet, hostRange, type IpNet, ipNetOf, networkOf } from './ipnet.js';
import type { BridgeEntry, Inventory, PotEntry } from './inventory.js';
import { PotnetError } from './potnet-error.js';
import type { SystemConfig } from './system-config.js';

/** What holds a taken address, for the messages of `validate` and its JSON. */
export interface AddressHolder {
  kind: 'network' | 'broadcast' | 'gateway' | 'dns' | 'pot' | 'bridge';
  /** The pot, DNS pot or bridge. */
  name?: string;
  /** For a bridge: which of its addresses, or anywhere in its range. */
  part?: 'network' | 'broadcast' | 'gateway' | 'range';
  /** The holder in words: `pot web`, `bridge stove's range (10.192.0.16/29)`, `the gateway (POT_GATEWAY)`. */
  text: string;
}

/** The taken addresses from `first` to `last`, both included. */
export interface AddressRange {
  first: Ip;
  last: Ip;
}

/** One taken address and what the original calls it (`undefined`: no name). */
export interface AddressEntry {
  ip: Ip;
  label: string | undefined;
}

/**
 * The addresses pot may not hand out: network, broadcast, gateway, DNS, every
 * bridged pot, every private bridge (all of its addresses). Bridges are kept
 * as ranges, so no query ever walks a network address by address. Built
 * lazily and kept: `next`, `new-net` and `validate` need only the sorted
 * taken ranges, `show` the labelled addresses as well.
 */
export class AddressBook {
  readonly config: SystemConfig;
  readonly inventory: Inventory;
  private bridged: PotEntry[] | undefined;
  private labels: AddressList<string | undefined> | undefined;
  private readonly labelled: Partial<Record<Family, Array<{ ip: Ip; value: string | undefined }>>> = {};
  private readonly taken: Partial<Record<Family, Interval[]>> = {};

  constructor(config: SystemConfig, inventory: Inventory) {
    this.config = config;
    this.inventory = inventory;
  }

  /** The taken single addresses of one family with their labels, sorted; later entries relabel earlier ones, as in the original. */
  private points(family: Family): Array<{ ip: Ip; value: string | undefined }> {
    const known = this.labelled[family];
    if (known) return known;
    this.labels ??= this.labelledAddresses();
    return (this.labelled[family] = this.labels.sortedOf(family));
  }

  private labelledAddresses(): AddressList<string | undefined> {
    const list = new AddressList<string | undefined>();
    for (const [ip, label] of this.fixedPoints()) list.add(ip, label);
    const pots = this.bridgedPots();
    for (let i = 0; i < pots.length; i++) list.add((pots[i] as PotEntry).ip as Ip, (pots[i] as PotEntry).name);
    for (const bridge of this.inventory.bridges) {
      for (const [ip, label] of bridgeLandmarks(bridge)) list.add(ip, label);
    }
    return list;
  }

  private fixedPoints(): Array<[Ip, string | undefined]> {
    const { network, gateway, dns } = this.config;
    const fixed: Array<[Ip, string | undefined]> = [
      [networkOf(network), undefined],
      [broadcastOf(network), undefined],
      [gateway, 'default gateway'],
    ];
    if (dns) fixed.push([dns.ip, dns.potName]);
    return fixed;
  }

  /** The pots with an address of their own, in directory order; found once. */
  private bridgedPots(): PotEntry[] {
    if (this.bridged) return this.bridged;
    const out: PotEntry[] = (this.bridged = []);
    const pots = this.inventory.pots;
    for (let i = 0; i < pots.length; i++) {
      const pot = pots[i] as PotEntry;
      if (pot.networkType === 'public-bridge' || pot.networkType === 'private-bridge') out.push(pot);
    }
    return out;
  }

  /** The first bridge (in directory order) with that name, as `-b NAME` finds it. */
  bridge(name: string): BridgeEntry | undefined {
    return this.inventory.bridges.find((b) => b.name === name);
  }

  isTaken(ip: Ip): boolean {
    const taken = this.takenIntervals(ip.family);
    let low = 0;
    let high = taken.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((taken[mid] as Interval).end < ip.value) low = mid + 1;
      else high = mid;
    }
    return low < taken.length && (taken[low] as Interval).start <= ip.value;
  }

  /** Taken intervals of one family, sorted and merged; computed once. */
  private takenIntervals(family: Family): Interval[] {
    const known = this.taken[family];
    if (known) return known;
    const intervals = runsOf(this.takenAddresses(family), family);
    for (const b of this.inventory.bridges) {
      if (b.network.addr.family !== family) continue;
      const { first, last } = hostRange(b.network);
      if (first <= last) intervals.push({ start: first, end: last });
    }
    return (this.taken[family] = mergeIntervals(intervals));
  }

  /** The single taken addresses of one family, in no order, duplicates kept. */
  private takenAddresses(family: Family): bigint[] {
    const values: bigint[] = [];
    for (const [ip] of this.fixedPoints()) if (ip.family === family) values.push(ip.value);
    for (const b of this.inventory.bridges) {
      if (b.network.addr.family === family) for (const ip of landmarksOf(b)) values.push(ip.value);
    }
    const pots = this.bridgedPots();
    for (let i = 0; i < pots.length; i++) {
      const ip = (pots[i] as PotEntry).ip as Ip;
      if (ip.family === family) values.push(ip.value);
    }
    return values;
  }

  /** Every taken address in address order, labelled as `potnet show` prints them. */
  *entries(): Generator<AddressEntry> {
    for (const family of [4, 6] as const) {
      const own = this.points(family);
      const labels = new BridgeLabeller(this.inventory.bridges, family);
      let i = 0;
      for (const interval of this.takenIntervals(family)) {
        for (let v = interval.start; v <= interval.end; v++) {
          const point = own[i];
          if (point && point.ip.value === v) {
            i++;
            yield { ip: point.ip, label: point.value };
          } else {
            yield { ip: ipOf(family, v), label: `${labels.at(v)} bridge - allocated address` };
          }
        }
      }
    }
  }

  /** The first free host address of POT_NETWORK, and the taken ones before it. */
  next(): { free: Ip | undefined; usedBefore: AddressRange[] } {
    const net = this.config.network;
    const { first, last } = hostRange(net);
    return firstFree(first, last, this.takenIntervals(net.addr.family), net.addr.family);
  }

  /** The addresses `-b NAME` considers: the bridge's landmarks and the bridged pots inside it. */
  bridgeEntries(bridge: BridgeEntry): AddressEntry[] {
    const list = new AddressList<string | undefined>();
    for (const [ip, label] of bridgeLandmarks(bridge)) list.add(ip, label);
    for (const pot of this.bridgedPots()) {
      if (contains(bridge.network, pot.ip as Ip)) list.add(pot.ip as Ip, pot.name);
    }
    return list.sorted().map(({ ip, value }) => ({ ip, label: value }));
  }

  nextInBridge(bridge: BridgeEntry): Ip | undefined {
    const family = bridge.network.addr.family;
    const taken = mergeIntervals(this.bridgeEntries(bridge).map((e) => ({ start: e.ip.value, end: e.ip.value })));
    const { first, last } = hostRange(bridge.network);
    return firstFree(first, last, taken, family).free;
  }

  /**
   * `potnet validate -H IP`: throws the original's error when the address
   * cannot be used; its detail names what holds the address.
   */
  validate(ip: Ip): void {
    if (this.isTaken(ip)) throw new PotnetError('Address already in use', 1, `${formatIp(ip)} is held by ${describeHolders(this.holdersOf(ip))}`);
    if (!contains(this.config.network, ip))
      throw new PotnetError('Address outside the network', 1, `${formatIp(ip)} is outside POT_NETWORK (${formatIpNet(this.config.network)})`);
  }

  /** `potnet validate -H IP -b NAME`. */
  validateInBridge(bridgeName: string, ip: Ip): void {
    const bridge = this.bridge(bridgeName);
    if (!bridge) throw new PotnetError(`bridge ${bridgeName} not found`);
    if (!contains(bridge.network, ip)) {
      throw new PotnetError('Ip outside the bridge network', 1, `ip ${formatIp(ip)} not in the bridge network ${formatIpNet(bridge.network)}`);
    }
    const holders = this.bridgeHoldersOf(bridge, ip);
    if (holders.length > 0) throw new PotnetError('Ip already used', 1, `ip ${formatIp(ip)} already in use by ${describeHolders(holders)}`);
  }

  /** What holds `ip` in POT_NETWORK's book: its own addresses, pots, bridges (empty when it is free). */
  holdersOf(ip: Ip): AddressHolder[] {
    const { network, gateway, dns } = this.config;
    const where = `POT_NETWORK (${formatIpNet(network)})`;
    const out: AddressHolder[] = [];
    if (sameIp(ip, networkOf(network))) out.push({ kind: 'network', text: `the network address of ${where}` });
    if (sameIp(ip, broadcastOf(network))) out.push({ kind: 'broadcast', text: `the broadcast address of ${where}` });
    if (sameIp(ip, gateway)) out.push({ kind: 'gateway', text: 'the gateway (POT_GATEWAY)' });
    if (dns && sameIp(ip, dns.ip)) out.push({ kind: 'dns', name: dns.potName, text: `the DNS pot ${dns.potName} (POT_DNS_IP)` });
    out.push(...this.potHolders(ip));
    for (const bridge of this.inventory.bridges) if (contains(bridge.network, ip)) out.push(bridgeHolder(bridge, ip));
    return out;
  }

  /** What holds `ip` inside one private bridge, as `validate -b` sees it. */
  bridgeHoldersOf(bridge: BridgeEntry, ip: Ip): AddressHolder[] {
    if (!contains(bridge.network, ip)) return [];
    const landmark = bridgeHolder(bridge, ip);
    return [...(landmark.part === 'range' ? [] : [landmark]), ...this.potHolders(ip)];
  }

  private potHolders(ip: Ip): AddressHolder[] {
    return this.bridgedPots()
      .filter((pot) => sameIp(pot.ip as Ip, ip))
      .map((pot) => ({ kind: 'pot', name: pot.name, text: `pot ${pot.name}` }));
  }

  /** `potnet etc-hosts [-b NAME]`: `IP NAME` lines of the pots that can see each other. */
  etcHosts(bridge?: BridgeEntry): Array<{ ip: Ip; name: string }> {
    const list = new AddressList<string>();
    for (const pot of this.inventory.pots) {
      const wanted = bridge ? pot.networkType === 'private-bridge' && contains(bridge.network, pot.ip as Ip) : pot.networkType === 'public-bridge';
      if (wanted) list.add(pot.ip as Ip, pot.name);
    }
    return list.sorted().map(({ ip, value }) => ({ ip, name: value }));
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
        const subnet = ipNetOf(ipOf(family, candidate), prefix);
        return { network: subnet, gateway: ipOf(family, hostRange(subnet).first) };
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

/** Which address of a bridge `ip` is (it is inside the bridge). */
function bridgeHolder(bridge: BridgeEntry, ip: Ip): AddressHolder {
  const [network, broadcast, gateway] = landmarksOf(bridge);
  const part = sameIp(ip, gateway) ? 'gateway' : sameIp(ip, network) ? 'network' : sameIp(ip, broadcast) ? 'broadcast' : 'range';
  const text = part === 'range' ? `bridge ${bridge.name}'s range (${formatIpNet(bridge.network)})` : `bridge ${bridge.name}'s ${part} address`;
  return { kind: 'bridge', name: bridge.name, part, text };
}

/** `pot web and bridge stove's range (…)`. */
export function describeHolders(holders: readonly AddressHolder[]): string {
  return holders.length === 0 ? 'nothing known' : holders.map((h) => h.text).join(' and ');
}

/** A bridge's network, broadcast and gateway addresses. */
function landmarksOf(bridge: BridgeEntry): [Ip, Ip, Ip] {
  return [networkOf(bridge.network), broadcastOf(bridge.network), bridge.gateway];
}

/** The same with the labels `show` and `-b` print. */
function bridgeLandmarks(bridge: BridgeEntry): Array<[Ip, string]> {
  const [network, broadcast, gateway] = landmarksOf(bridge);
  return [
    [network, `${bridge.name} bridge - network `],
    [broadcast, `${bridge.name} bridge - broadcast `],
    [gateway, `${bridge.name} bridge - gateway `],
  ];
}

function firstFree(first: bigint, last: bigint, taken: Interval[], family: Family): { free: Ip | undefined; usedBefore: AddressRange[] } {
  let candidate = first;
  const usedBefore: AddressRange[] = [];
  for (const iv of taken) {
    if (iv.end < candidate) continue;
    if (iv.start > candidate || candidate > last) break;
    const end = iv.end < last ? iv.end : last;
    usedBefore.push({ first: ipOf(family, candidate), last: ipOf(family, end) });
    candidate = iv.end + 1n;
  }
  return { free: candidate <= last ? ipOf(family, candidate) : undefined, usedBefore };
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
