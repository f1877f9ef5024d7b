/**
 * The network a new pot gets (`create`/`clone` -N, -i, -B, -S), decided the
 * way shell pot's `_validate_network_param` does, with its messages, but with
 * the address book in-process instead of `potnet next`/`potnet validate`
 * processes. Callers hold the global lock from here until pot.conf is written,
 * so two creates never get the same address.
 */
import { type AddressBook, formatIp, type Ip, parseIp } from 'potnet';
import type { NetworkStack } from '../config/schema.js';
import { PotError } from '../errors/pot-error.js';
import { notFound } from '../errors/not-found.js';

export type NetworkType = 'inherit' | 'alias' | 'public-bridge' | 'private-bridge';
/** A pot's network stack: the configuration's own type (POT_NETWORK_STACK's values). */
export type Stack = NetworkStack;

export interface NetworkRequest {
  type: string;
  /** The -i values as given (`auto`, `IP`, `NIC|IP`). */
  ips: readonly string[];
  bridge?: string;
  stack: Stack;
}

export interface NetworkDecision {
  type: NetworkType;
  /** The value of pot.conf's `ip=` (space-joined entries for alias pots). */
  ip: string;
  bridge?: string;
}

export interface NetworkContext {
  /** The address book, read under the global lock. */
  book: AddressBook;
  /** Whether a host interface exists (alias pots name their NIC). */
  interfaceExists(name: string): boolean;
}

function invalid(message: string, suggestion?: string): PotError {
  return new PotError('usage', message, suggestion === undefined ? {} : { suggestion });
}

function isAuto(ips: readonly string[]): boolean {
  return ips.length === 0 || (ips.length === 1 && ips[0] === 'auto');
}

function singleAddress(ips: readonly string[], what: string): Ip {
  const text = ips.join(' ');
  const ip = ips.length === 1 ? parseIp(ips[0] as string) : undefined;
  if (!ip) throw invalid(`The ${text} IP is not valid - run potnet validate -H ${text} for more information`, `a ${what} pot takes one address, or auto`);
  return ip;
}

function decideAlias(request: NetworkRequest, ctx: NetworkContext): NetworkDecision {
  if (request.ips.length === 0) throw invalid('option -i is mandatory with network type is alias');
  if (request.ips.includes('auto'))
    throw invalid('-i auto not usable with network type alias - a real IP address has to be provided', 'give the address, or NIC|address');
  const families = new Set<4 | 6>();
  for (const entry of request.ips) {
    const [nic, address] = entry.includes('|') ? entry.split('|', 2) : [undefined, entry];
    if (nic !== undefined && !ctx.interfaceExists(nic)) throw invalid(`${nic} is not a valid network interface`);
    const ip = parseIp(address ?? '');
    if (!ip) throw invalid(`${address} is not a valid IP address`);
    families.add(ip.family);
  }
  if (request.stack === 'ipv4' && !families.has(4)) throw invalid('Stack is ipv4 but not ipv4 address has been provided');
  if (request.stack === 'ipv6' && !families.has(6)) throw invalid('Stack is ipv6 but not ipv6 address has been provided');
  return { type: 'alias', ip: request.ips.join(' ') };
}

function decidePublic(request: NetworkRequest, ctx: NetworkContext): NetworkDecision {
  if (isAuto(request.ips)) {
    const free = ctx.book.next().free;
    if (!free) throw new PotError('conflict', 'no free address is left in POT_NETWORK', { suggestion: 'destroy unused pots or enlarge POT_NETWORK' });
    return { type: 'public-bridge', ip: formatIp(free) };
  }
  const ip = singleAddress(request.ips, 'public-bridge');
  try {
    ctx.book.validate(ip);
  } catch {
    const text = formatIp(ip);
    throw invalid(`The ${text} IP is not valid - run potnet validate -H ${text} for more information`);
  }
  return { type: 'public-bridge', ip: formatIp(ip) };
}

function decidePrivate(request: NetworkRequest, ctx: NetworkContext): NetworkDecision {
  if (request.stack === 'ipv6') throw invalid('private-bridge network type is not supported on ipv6 stack only');
  if (!request.bridge) throw invalid('A bridge name is mandatory with network type private-bridge (-B option)');
  const bridge = ctx.book.bridge(request.bridge);
  if (!bridge) throw notFound('bridge', request.bridge);
  if (isAuto(request.ips)) {
    const free = ctx.book.nextInBridge(bridge);
    if (!free)
      throw new PotError('conflict', `no free address is left in bridge ${bridge.name}`, {
        suggestion: 'destroy unused pots of that bridge or create a larger bridge',
      });
    return { type: 'private-bridge', ip: formatIp(free), bridge: bridge.name };
  }
  const ip = singleAddress(request.ips, 'private-bridge');
  try {
    ctx.book.validateInBridge(bridge.name, ip);
  } catch {
    const text = formatIp(ip);
    throw invalid(`The ${text} IP is not valid for bridge ${bridge.name} - run potnet validate -H ${text} -b ${bridge.name} for more information`);
  }
  return { type: 'private-bridge', ip: formatIp(ip), bridge: bridge.name };
}

/** Decides a new pot's network, or throws a PotError with shell pot's message. */
export function decideNetwork(request: NetworkRequest, ctx: NetworkContext): NetworkDecision {
  switch (request.type) {
    case 'inherit':
      return { type: 'inherit', ip: '' };
    case 'alias':
      return decideAlias(request, ctx);
    case 'public-bridge':
      return decidePublic(request, ctx);
    case 'private-bridge':
      return decidePrivate(request, ctx);
    default:
      throw invalid(`Network type ${request.type} not recognized`, 'use inherit, alias, public-bridge or private-bridge');
  }
}
