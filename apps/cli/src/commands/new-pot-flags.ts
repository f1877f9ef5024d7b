/**
 * The flags create, clone and prepare share (-N, -i, -B, -S, -d, -f): their
 * schema fields, and checks the way shell pot's getopts loops made them, with
 * its messages.
 */
import { actions, notFound } from '@pot/core';
import { z } from 'zod';
import { UsageError } from '../errors.js';

/** The zod fields of -N, -i (repeatable), -B, -S and -d, spread into each command's schema. */
export const networkFlagFields = {
  N: z.string().optional(),
  i: z.array(z.string()).optional(),
  B: z.string().optional(),
  S: z.string().optional(),
  d: z.string().optional(),
};

/** clone's and prepare's help for -d (create's marks the default). */
export const DNS_HELP = `  -d dns : change pot dns resolver configuration, one of
           inherit       - inherit from jailhost
           pot           - the pot configured in POT_DNS_NAME
           custom:<file> - copy <file> into pot configuration
           off           - leave resolver config unaltered
`;

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

/** The -f flavours, resolved; an unknown one is `not-found`. */
export async function resolveFlavourFlags(actx: actions.ActionContext, names: readonly string[]): Promise<actions.Flavour[]> {
  const out: actions.Flavour[] = [];
  for (const name of names) {
    const flavour = await actions.resolveFlavour(actx, name);
    if (!flavour) throw notFound('flavour', name);
    out.push(flavour);
  }
  return out;
}
