/**
 * The `--json` contract of the potnet command: one zod schema per output,
 * from which the JSON Schemas shipped in packages/potnet/schemas/ are
 * generated (scripts/write-json-schemas.mjs). Same rules as pot's --json
 * (apps/cli/src/json-output/schemas.ts): an object with `schemaVersion`,
 * camelCase keys, lists as named arrays, addresses as text, null for what is
 * not set. The CLI builds its outputs with the types inferred here and does
 * not load zod at run time (potnet starts for every pot create); the tests
 * validate every output against the shipped schemas.
 */
import * as z from 'zod';

export const SCHEMA_VERSION = 1;

const version = z.literal(SCHEMA_VERSION).describe('version of this output contract');
const text = z.string();
const address = z.string().describe('an IPv4 or IPv6 address, as potnet prints it');
const network = z.string().describe('ADDRESS/PREFIX');
const bridge = text.nullable().describe('the private bridge given with -b; null for POT_NETWORK');

export const ShowOutput = z
  .object({
    schemaVersion: version,
    bridge,
    network,
    minAddr: address,
    maxAddr: address,
    addresses: z
      .array(z.object({ ip: address, label: text.nullable().describe('what takes it; null for an unnamed address') }))
      .describe('taken addresses, in address order'),
  })
  .strict()
  .describe('potnet show --json');

export const NextOutput = z
  .object({ schemaVersion: version, bridge, ip: address.nullable().describe('the next free address; null when none is left (exit 1)') })
  .strict()
  .describe('potnet next --json');

const Holder = z
  .object({
    kind: z.enum(['network', 'broadcast', 'gateway', 'dns', 'pot', 'bridge']),
    name: text.nullable().describe("the pot, DNS pot or bridge; null for the network's own addresses"),
    part: z.enum(['network', 'broadcast', 'gateway', 'range']).nullable().describe('for a bridge: which of its addresses'),
    text: text.describe('the holder in words'),
  })
  .strict();

export const ValidateOutput = z
  .object({
    schemaVersion: version,
    bridge,
    ip: address,
    valid: z.boolean().describe('true: the address can be given to a pot (exit 0)'),
    reason: z.enum(['in-use', 'outside']).nullable(),
    message: text.nullable().describe("the original's error text (Address already in use, …)"),
    holders: z.array(Holder).describe('what holds the address when it is in use'),
  })
  .strict()
  .describe('potnet validate --json');

export const EtcHostsOutput = z
  .object({ schemaVersion: version, bridge, hosts: z.array(z.object({ ip: address, name: text }).strict()) })
  .strict()
  .describe('potnet etc-hosts --json');

export const ConfigCheckOutput = z
  .object({
    schemaVersion: version,
    ok: z.boolean().describe('no error finding (exit 0)'),
    findings: z.array(
      z
        .object({
          field: text.describe('the variable, or bridges/FILE'),
          severity: z.enum(['error', 'warning']),
          message: text,
          suggestion: text.describe('what to do about it'),
        })
        .strict(),
    ),
  })
  .strict()
  .describe('potnet config-check --json');

export const ErrorOutput = z
  .object({
    schemaVersion: version,
    error: z
      .enum(['config', 'not-found', 'exhausted'])
      .describe('config: the configuration is incomplete; not-found: no such bridge; exhausted: no free address or subnet'),
    message: text,
    detail: text.nullable(),
  })
  .strict()
  .describe('potnet --json when the command fails');

export const JSON_OUTPUTS = {
  show: ShowOutput,
  next: NextOutput,
  validate: ValidateOutput,
  'etc-hosts': EtcHostsOutput,
  'config-check': ConfigCheckOutput,
  error: ErrorOutput,
} as const;

export type JsonOutputName = keyof typeof JSON_OUTPUTS;

export function jsonSchemaOf(name: JsonOutputName): Record<string, unknown> {
  return z.toJSONSchema(JSON_OUTPUTS[name]) as Record<string, unknown>;
}
