import { BITS, type Family, type Ip, ipOf, parseIp, formatIp } from './ip.js';

/**
 * A network as the ipnet crate sees it: an address and a prefix length, host
 * bits kept (the Debug dump shows them), with network()/broadcast() masking.
 * Every query is arithmetic on the bounds, so a /64 costs what a /30 costs.
 */
export interface IpNet {
  readonly addr: Ip;
  readonly prefix: number;
  /** `addr/prefix` as written (JSON.stringify of answers holding networks works). */
  toJSON?(): string;
}

class IpNetwork implements IpNet {
  constructor(
    readonly addr: Ip,
    readonly prefix: number,
  ) {}
  toJSON(): string {
    return formatIpNet(this);
  }
  toString(): string {
    return formatIpNet(this);
  }
}

/** The network `addr/prefix` (host bits kept, as ipnet does). */
export function ipNetOf(addr: Ip, prefix: number): IpNet {
  return new IpNetwork(addr, prefix);
}

const PREFIX_DIGITS = /^[0-9]{1,3}$/;

export function parseIpNet(text: string): IpNet | undefined {
  const slash = text.indexOf('/');
  if (slash < 0) return undefined;
  const addr = parseIp(text.slice(0, slash));
  const prefixText = text.slice(slash + 1);
  if (!addr || !PREFIX_DIGITS.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  if (prefix > BITS[addr.family]) return undefined;
  return new IpNetwork(addr, prefix);
}

function hostMask(family: Family, prefix: number): bigint {
  return (1n << BigInt(BITS[family] - prefix)) - 1n;
}

export function networkOf(net: IpNet): Ip {
  return ipOf(net.addr.family, net.addr.value & ~hostMask(net.addr.family, net.prefix));
}

export function broadcastOf(net: IpNet): Ip {
  return ipOf(net.addr.family, net.addr.value | hostMask(net.addr.family, net.prefix));
}

export function netmaskOf(net: IpNet): Ip {
  const all = (1n << BigInt(BITS[net.addr.family])) - 1n;
  return ipOf(net.addr.family, all & ~hostMask(net.addr.family, net.prefix));
}

export function sizeOf(net: IpNet): bigint {
  return 1n << BigInt(BITS[net.addr.family] - net.prefix);
}

export function contains(net: IpNet, ip: Ip): boolean {
  if (ip.family !== net.addr.family) return false;
  return ip.value >= networkOf(net).value && ip.value <= broadcastOf(net).value;
}

/**
 * The bounds of ipnet's hosts(): IPv4 leaves out the network and broadcast
 * addresses below /31; IPv6 keeps the whole range.
 */
export function hostRange(net: IpNet): { first: bigint; last: bigint } {
  const first = networkOf(net).value;
  const last = broadcastOf(net).value;
  if (net.addr.family === 4 && net.prefix < 31) return { first: first + 1n, last: last - 1n };
  return { first, last };
}

/** `network/prefix` with host bits cleared (ipnet's trunc()). */
export function formatNetwork(net: IpNet): string {
  return `${formatIp(networkOf(net))}/${net.prefix}`;
}

/** `addr/prefix` as written, host bits included (ipnet's Display and Debug). */
export function formatIpNet(net: IpNet): string {
  return `${formatIp(net.addr)}/${net.prefix}`;
}
