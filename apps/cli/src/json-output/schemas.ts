/**
 * The `--json` contract of the pot command: one zod schema per output, from
 * which every JSON line is built (json-output.ts) and the JSON Schemas shipped
 * in apps/cli/schemas/ are generated. Rules: an object at the top with
 * `schemaVersion`, camelCase keys, lists as named arrays, numbers and booleans
 * as such, null for what is not set. Bump SCHEMA_VERSION on any change that
 * is not an added optional member.
 *
 * The two shapes nomad-pot-driver decodes (`get-rss -J`, `last-run-stats`
 * without --json) are shell pot's and stay as they are; their schemas are
 * here so that the tests keep them.
 */
import * as z from 'zod';

export const SCHEMA_VERSION = 1;

const version = z.literal(SCHEMA_VERSION).describe('version of this output contract');
const text = z.string();
const unset = <T extends z.ZodType>(t: T) => t.nullable();

const Dataset = z.object({
  mountpoint: unset(text).describe('where the dataset is mounted in the pot; null for the root of a single pot'),
  dataset: text.describe('the dataset, without POT_ZFS_ROOT/'),
});

const PotListEntry = z.object({
  name: text,
  networkType: text,
  ip: unset(text).describe('the addresses as pot.conf holds them; null for inherit pots'),
  active: z.boolean(),
  base: unset(text).optional().describe('-v only'),
  level: unset(z.number().int()).optional().describe('-v only'),
  potbase: unset(text).optional().describe('-v only'),
  datasets: z.array(Dataset).optional().describe('-v only'),
  snapshots: z.array(text).optional().describe('-v only'),
});

const Bridge = z.object({ name: text, network: text, gateway: text });

export const ListOutput = z
  .object({
    schemaVersion: version,
    pots: z.array(PotListEntry).optional().describe('pot list (-p, default) and -a'),
    bases: z.array(text).optional().describe('-b and -a'),
    fscomps: z.array(text).optional().describe('-f and -a'),
    flavours: z.array(text).optional().describe('-F and -a'),
    bridges: z.array(Bridge).optional().describe('-B and -a'),
  })
  .describe('pot list --json');

const AttributeValue = z.union([z.boolean(), z.number(), text]).nullable();
const PortExport = z.object({
  protocol: z.enum(['tcp', 'udp']),
  potPort: z.number().int(),
  hostPort: unset(z.number().int()).describe('null: the lowest free host port, chosen at start'),
});

const PotInfo = z.object({
  name: text,
  type: text.describe('single or multi'),
  base: unset(text),
  level: unset(z.number().int()),
  potbase: unset(text),
  networkType: text,
  ip: unset(text),
  bridge: unset(text).describe('the private bridge; null for other network types'),
  exportPorts: z.array(PortExport),
  active: z.boolean(),
  attributes: z.record(text, AttributeValue).describe('pot attributes by camelCase name (startAtBoot, persistent, ...)'),
  jailAttributes: z.record(text, AttributeValue).describe('jail attributes by camelCase name (devfsRuleset, enforceStatfs, ...)'),
  resources: z.object({
    cpus: unset(z.number().int()).describe('set-rss -C'),
    memory: unset(z.number().int().nonnegative()).describe('set-rss -M in bytes (512M is 536870912)'),
  }),
  datasets: z.array(Dataset),
  snapshots: z.array(text),
});

const BridgeAddress = z.object({ ip: text, description: text });

export const InfoOutput = z
  .object({
    schemaVersion: version,
    pot: PotInfo.optional().describe('info -p'),
    snapshots: z.array(text).optional().describe('info -p -s'),
    environment: z
      .array(z.object({ name: text, value: text }))
      .optional()
      .describe('info -p -E'),
    bridge: Bridge.extend({ addresses: z.array(BridgeAddress) })
      .optional()
      .describe('info -B'),
  })
  .describe('pot info --json');

const bytes = z.number().int().nonnegative().describe('bytes');

const PotShow = z.object({
  name: text,
  diskUsage: unset(bytes).describe("bytes used by the pot's datasets (zfs used)"),
  baseUsage: unset(bytes).optional().describe('-v, multi pots: bytes used by the base'),
  datasets: z
    .array(z.object({ dataset: text, usage: unset(bytes) }))
    .optional()
    .describe('-v'),
  running: z.boolean(),
  memory: unset(z.object({ virtual: unset(bytes), physical: unset(bytes) })).describe('bytes in use; null when stopped or without rctl'),
  cpus: unset(z.number().int()).describe('the CPU limit (set-rss -C); null when none'),
  redirections: z.array(text),
});

export const ShowOutput = z
  .object({
    schemaVersion: version,
    pots: z.array(PotShow).optional(),
    names: z.array(text).optional().describe('-q'),
  })
  .describe('pot show --json');

export const PsOutput = z
  .object({
    schemaVersion: version,
    networkUp: unset(z.boolean()).describe('null when not root (pf needs privileges)'),
    running: z.array(text),
  })
  .describe('pot ps --json');

export const ConfigOutput = z.object({ schemaVersion: version, name: text, label: text, value: unset(text) }).describe('pot config -g NAME --json');

export const DoctorOutput = z
  .object({
    schemaVersion: version,
    findings: z.array(z.object({ check: text, severity: z.enum(['ok', 'warning', 'error']), message: text, fix: unset(text) })),
  })
  .describe('pot doctor --json');

export const GetAttributeOutput = z.object({ schemaVersion: version, pot: text, attribute: text, value: AttributeValue }).describe('pot get-attribute --json');

export const GetRssOutput = z
  .object({
    schemaVersion: version,
    pot: text,
    cpu: z.object({ ticks: z.number().int(), mhz: z.number(), percent: z.number().int() }),
    memory: z.object({ virtual: z.number().int(), physical: z.number().int(), swap: z.number().int() }).describe('bytes'),
  })
  .describe('pot get-rss --json');

export const LastRunStatsOutput = z
  .object({ schemaVersion: version, pot: text, exitCode: unset(z.number().int()).describe('null when the pot never ran') })
  .describe('pot last-run-stats --json');

export const ErrorOutput = z
  .object({
    schemaVersion: version,
    error: text.describe('the error code (README, "Errors and exit codes")'),
    message: text,
    suggestion: text.optional(),
    details: z.array(z.object({ path: text, message: text })).optional(),
  })
  .describe('any pot command with --json, on failure');

/** `get-rss -J`: what nomad-pot-driver decodes (Percent must stay an integer). */
export const NomadRssOutput = z
  .object({
    ResourceUsage: z.object({
      MemoryStats: z.object({ RSS: z.number().int(), Swap: z.number().int() }),
      CpuStats: z.object({ TotalTicks: z.number(), Percent: z.number().int() }),
    }),
  })
  .describe('pot get-rss -J (nomad-pot-driver)');

/** `last-run-stats` without --json: what nomad-pot-driver reads after exit 125. */
export const NomadLastRunStatsOutput = z.object({ ExitCode: z.number().int().optional() }).describe('pot last-run-stats (nomad-pot-driver)');

/** Every shipped schema, by file name (apps/cli/schemas/NAME.schema.json). */
export const JSON_OUTPUTS = {
  list: ListOutput,
  info: InfoOutput,
  show: ShowOutput,
  ps: PsOutput,
  config: ConfigOutput,
  doctor: DoctorOutput,
  'get-attribute': GetAttributeOutput,
  'get-rss': GetRssOutput,
  'last-run-stats': LastRunStatsOutput,
  error: ErrorOutput,
  'get-rss-nomad': NomadRssOutput,
  'last-run-stats-nomad': NomadLastRunStatsOutput,
} as const;

export type JsonOutputName = keyof typeof JSON_OUTPUTS;

/** The JSON Schema shipped for `name`. */
export function jsonSchemaOf(name: JsonOutputName): Record<string, unknown> {
  return z.toJSONSchema(JSON_OUTPUTS[name]) as Record<string, unknown>;
}
