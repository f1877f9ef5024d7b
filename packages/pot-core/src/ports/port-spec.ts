/**
 * `-e [tcp:|udp:]POT_PORT[:HOST_PORT]` of `pot export-ports`: the first number
 * is the port inside the pot, the second the port on the host (shell pot's help
 * text says otherwise; its code and QuickStart agree with this). Specs are
 * stored as given, space-joined, in `pot.export.ports`.
 */
import { PotError } from '../errors/pot-error.js';

export type PortProtocol = 'tcp' | 'udp';

export interface PortSpec {
  /** The spec as the user wrote it (what pot.conf stores). */
  text: string;
  protocol: PortProtocol;
  potPort: number;
  /** undefined: chosen at start, the lowest free port of the host's range. */
  hostPort: number | undefined;
}

const PORT = /^[0-9]+$/;

function port(field: string | undefined): number | undefined {
  if (field === undefined || !PORT.test(field)) return undefined;
  const n = Number(field);
  return n >= 1 && n <= 65535 ? n : undefined;
}

/** Parses one spec; a PotError with shell pot's message when it is not one. */
export function parsePortSpec(text: string): PortSpec {
  let rest = text;
  let protocol: PortProtocol = 'tcp';
  if (rest.startsWith('tcp:') || rest.startsWith('udp:')) {
    protocol = rest.slice(0, 3) as PortProtocol;
    rest = rest.slice(4);
  }
  const fields = rest.split(':');
  const potPort = port(fields[0]);
  const hostPort = fields.length > 1 ? port(fields[1]) : undefined;
  if (potPort === undefined || (fields.length > 1 && hostPort === undefined)) {
    throw new PotError('usage', `${text} is not a valid port number`, {
      suggestion: 'write [tcp:|udp:]POT_PORT[:HOST_PORT], ports between 1 and 65535 (e.g. 80:30080)',
    });
  }
  return { text, protocol, potPort, hostPort };
}

/** The value of `pot.export.ports` for these specs. */
export function formatPortSpecs(specs: readonly PortSpec[]): string {
  return specs.map((s) => s.text).join(' ');
}

/** Reads `pot.export.ports`; specs that do not parse are reported, not guessed. */
export function parseStoredPortSpecs(value: string): PortSpec[] {
  return value
    .split(/\s+/)
    .filter((t) => t !== '')
    .map(parsePortSpec);
}
