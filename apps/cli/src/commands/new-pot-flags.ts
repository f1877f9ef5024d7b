/**
 * The flags create, clone and prepare share (-N, -i, -B, -S, -d, -f): their
 * types carry shell pot's checks and messages.
 */
import path from 'node:path';
import { actions, notFound } from '@pot/core';
import * as z from 'zod';
import { oneOf, option, repeated } from '../flags.js';

export const NETWORK_TYPES = ['inherit', 'alias', 'public-bridge', 'private-bridge'] as const;

const networkMessage = (value: string): string => `Network type ${value} not recognized`;

/** -N (prepare also takes `host`, its word for inherit). */
export function networkFlag(help: readonly string[], accepted: readonly [string, ...string[]] = NETWORK_TYPES) {
  return option('N', 'network-type', help, { type: oneOf(accepted, networkMessage) });
}

export const stackFlag = option('S', 'network-stack', ['network-stack : the network stack (ipv4, ipv6 or dual)'], {
  type: oneOf(['ipv4', 'ipv6', 'dual'], (value) => `Network stack ${value} not valid`),
});

export const bridgeFlag = option('B', 'bridge-name', ['bridge-name : the name of the private bridge to be used'], { complete: 'bridge' });

/** -i, repeatable; each may hold several addresses separated by blanks. */
export function addressFlag(help: readonly string[]) {
  return repeated('i', 'ipaddr', help);
}

export const addresses = (values: readonly string[]): string[] => values.flatMap((v) => v.split(' ').filter((w) => w !== ''));

const DNS_VALUES = ['inherit', 'pot', 'off', 'custom:'];

export function dnsFlag(help: readonly string[]) {
  return option('d', 'dns', help, {
    type: z
      .string()
      .refine((d) => ['inherit', 'pot', 'off'].includes(d) || d.startsWith('custom:'), {
        error: (issue) => `'${String(issue.input)}' is not a valid dns option`,
      })
      .optional(),
    complete: { values: DNS_VALUES },
  });
}

/** clone's and prepare's help for -d (create's marks the default). */
export const DNS_HELP = [
  'dns : change pot dns resolver configuration, one of',
  '         inherit       - inherit from jailhost',
  '         pot           - the pot configured in POT_DNS_NAME',
  '         custom:<file> - copy <file> into pot configuration',
  '         off           - leave resolver config unaltered',
];

export const flavourFlag = repeated('f', 'flavour', ['flavour : flavour to be used'], { complete: 'flavour' });

/** A pot name given to create or clone: shell pot refuses a dot while parsing. */
export function newPotName(missing: string) {
  return z
    .string({ error: missing })
    .min(1, { error: missing })
    .refine((p) => !p.includes('.'), { error: (issue) => `${String(issue.input)} is not a valid name for a pot ('.' is the only character not allowed)` });
}

/** The -f flavours, resolved; an unknown one is `not-found`. */
export async function resolveFlavourFlags(actx: actions.ActionContext, names: readonly string[]): Promise<actions.Flavour[]> {
  const out: actions.Flavour[] = [];
  for (const name of names) {
    const flavour = await actions.resolveFlavour(actx, name);
    if (!flavour) throw notFound('flavour', name, { searched: [actx.cwd ?? process.cwd(), path.join(actx.settings.etcDir, 'flavours')] });
    out.push(flavour);
  }
  return out;
}
