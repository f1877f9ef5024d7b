/**
 * The flags create, clone and prepare share (-N, -S, -d, -f), checked the way
 * shell pot's getopts loops did, with its messages.
 */
import { actions } from '@pot/core';
import { UsageError } from '../errors.js';

const NETWORK_TYPES = ['inherit', 'alias', 'public-bridge', 'private-bridge'];

export interface NetworkFlags {
  /** -N (prepare's `host` already mapped to inherit). */
  network?: string | undefined;
  /** -S */
  stack?: string | undefined;
  /** -d */
  dns?: string | undefined;
}

export function checkNetworkFlags(f: NetworkFlags, help: string): void {
  if (f.network !== undefined && !NETWORK_TYPES.includes(f.network)) throw new UsageError(`Network type ${f.network} not recognized`, help);
  if (f.stack !== undefined && !['ipv4', 'ipv6', 'dual'].includes(f.stack)) throw new UsageError(`Network stack ${f.stack} not valid`, help);
  if (f.dns !== undefined && !['inherit', 'pot', 'off'].includes(f.dns) && !f.dns.startsWith('custom:')) throw new UsageError(`'${f.dns}' is not a valid dns option`, help);
}

/** The -f flavours, resolved; an unknown one is a usage error (with `help` when given). */
export async function resolveFlavourFlags(actx: actions.ActionContext, names: readonly string[], help?: string): Promise<actions.Flavour[]> {
  const out: actions.Flavour[] = [];
  for (const name of names) {
    const flavour = await actions.resolveFlavour(actx, name);
    if (!flavour) throw new UsageError(`Flavour ${name} not found`, help);
    out.push(flavour);
  }
  return out;
}
