/**
 * The pf `rdr` rules a pot's exported ports become (the `pot-rdr/<pot>`
 * anchor), and the host ports chosen for specs without one.
 */
import type { PortProtocol, PortSpec } from './port-spec.js';

export interface PortRange {
  first: number;
  last: number;
}

/**
 * The host ports pot may choose from: above `net.inet.ip.portrange.reservedhigh`
 * and below `net.inet.ip.portrange.first` (1024–9999 on a default FreeBSD).
 */
export function hostPortRange(reservedHigh: number, portRangeFirst: number): PortRange {
  return { first: reservedHigh + 1, last: portRangeFirst - 1 };
}

/** The lowest port of the range that is neither listening nor exported already (shell pot's choice). */
export function lowestFreePort(range: PortRange, taken: ReadonlySet<number>): number | undefined {
  for (let p = range.first; p <= range.last; p++) if (!taken.has(p)) return p;
  return undefined;
}

export interface ExportedPort {
  protocol: PortProtocol;
  potPort: number;
  hostPort: number;
}

/**
 * Gives every spec a host port: its own, or the lowest free one, never one
 * taken by a listening socket, another pot's rdr rule or an earlier spec.
 * undefined when the range is exhausted.
 */
export function assignHostPorts(specs: readonly PortSpec[], range: PortRange, taken: ReadonlySet<number>): ExportedPort[] | undefined {
  const used = new Set(taken);
  const out: ExportedPort[] = [];
  for (const spec of specs) {
    const hostPort = spec.hostPort ?? lowestFreePort(range, used);
    if (hostPort === undefined) return undefined;
    used.add(hostPort);
    out.push({ protocol: spec.protocol, potPort: spec.potPort, hostPort });
  }
  return out;
}

export interface RdrTarget {
  /** POT_EXTIF. */
  extIf: string;
  /** POT_EXTIF_ADDR when it is set and valid; otherwise the interface's address, `(extIf)`. */
  extIfAddr?: string;
  /** POT_EXTRA_EXTIF interfaces: each gets the same redirections to its own address. */
  extraIfs?: readonly string[];
  /** The pot's address. */
  ip: string;
}

/** The anchor's rules, one line each, in the order shell pot writes them. */
export function rdrRules(target: RdrTarget, ports: readonly ExportedPort[]): string[] {
  const to = target.extIfAddr ?? `(${target.extIf})`;
  const lines: string[] = [];
  for (const p of ports) {
    lines.push(`rdr pass on ${target.extIf} proto ${p.protocol} from any to ${to} port ${p.hostPort} -> ${target.ip} port ${p.potPort}`);
    for (const extra of target.extraIfs ?? []) {
      lines.push(`rdr pass on ${extra} proto ${p.protocol} from any to (${extra}) port ${p.hostPort} -> ${target.ip} port ${p.potPort}`);
    }
  }
  return lines;
}
