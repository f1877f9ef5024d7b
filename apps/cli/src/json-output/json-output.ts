/**
 * Writes a `--json` output: the value is built to the contract (views below),
 * parsed by its schema (so nothing leaves that the shipped JSON Schema does
 * not describe) and printed as one line.
 */
import { actions, ports, type PotError } from '@pot/core';
import type { z } from 'zod';
import type { CliIO } from '../io.js';
import { ErrorOutput, SCHEMA_VERSION } from './schemas.js';

type Versioned<S extends z.ZodType> = Omit<z.input<S>, 'schemaVersion'>;

/** Prints `value` (with schemaVersion) as the schema shapes it. */
export function printJson<S extends z.ZodType>(io: CliIO, schema: S, value: Versioned<S>): void {
  io.stdout(`${JSON.stringify(schema.parse({ schemaVersion: SCHEMA_VERSION, ...value }))}\n`);
}

export function errorJson(e: PotError): string {
  const j = e.toJSON() as z.input<typeof ErrorOutput>;
  return JSON.stringify(ErrorOutput.parse({ ...j, schemaVersion: SCHEMA_VERSION }));
}

/** `start-at-boot`, `devfs_ruleset` -> `startAtBoot`, `devfsRuleset`. */
export function camelCase(key: string): string {
  return key.replace(/[-_]+([a-z0-9])/g, (_, c: string) => c.toUpperCase());
}

/** A pot.conf value as a typed value: YES/NO as booleans, whole numbers as numbers, '' as null. */
export function typedValue(raw: string | undefined): boolean | number | string | null {
  if (raw === undefined || raw === '') return null;
  if (/^(yes|on|true)$/i.test(raw)) return true;
  if (/^(no|off|false)$/i.test(raw)) return false;
  if (/^(0|[1-9][0-9]{0,14})$/.test(raw)) return Number(raw);
  return raw;
}

const orNull = (v: string | undefined): string | null => (v === undefined || v === '' ? null : v);
/** A count or a size the host printed as decimal digits, as a number; anything else is not known (null). */
const numberOrNull = (v: string | undefined): number | null => (v !== undefined && /^[0-9]+$/.test(v) ? Number(v) : null);

/** A memory limit as set-rss writes it (`512M`: digits, then b, k, m or g, multiples of 1024 as rctl reads them) in bytes; null when unset or not such a size. */
function limitBytes(v: string | undefined): number | null {
  const m = v === undefined ? null : /^([0-9]+)([bBkKmMgG]?)$/.exec(v);
  if (m === null) return null;
  return Number(m[1]) * 1024 ** (UNIT_POWERS[(m[2] ?? '').toLowerCase()] ?? 0);
}
const UNIT_POWERS: Readonly<Record<string, number>> = { '': 0, b: 0, k: 1, m: 2, g: 3 };
const levelOf = (v: string | undefined): number | null => (v !== undefined && /^[0-9]+$/.test(v) ? Number(v) : null);

function typedRecord(values: Readonly<Record<string, string>>): Record<string, boolean | number | string | null> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [camelCase(k), typedValue(v)]));
}

/** `MOUNTPOINT => DATASET` lines (and `NAME/m` of single pots) as objects. */
export function datasetsOf(lines: readonly string[]): Array<{ mountpoint: string | null; dataset: string }> {
  return lines.map((l) => {
    const at = l.indexOf(' => ');
    return at < 0 ? { mountpoint: null, dataset: l } : { mountpoint: l.slice(0, at), dataset: l.slice(at + 4) };
  });
}

export function potListEntry(p: actions.PotSummary) {
  const d = p.details;
  return {
    name: p.name,
    networkType: p.networkType,
    ip: orNull(p.ip),
    active: p.active,
    ...(d === undefined
      ? {}
      : { base: orNull(d.base), level: levelOf(d.level), potbase: orNull(d.potbase), datasets: datasetsOf(d.datasets), snapshots: d.snapshots }),
  };
}

export const bridgeOf = (b: { name: string; net: string; gateway: string }) => ({ name: b.name, network: b.net, gateway: b.gateway });

function portExport(spec: string) {
  try {
    const p = ports.parsePortSpec(spec);
    return { protocol: p.protocol, potPort: p.potPort, hostPort: p.hostPort ?? null };
  } catch {
    return undefined; // a broken stored spec is skipped here as start skips it
  }
}

export function potInfoOf(i: actions.PotInfo) {
  return {
    name: i.name,
    type: i.type,
    base: orNull(i.base),
    level: levelOf(i.level),
    potbase: orNull(i.potbase),
    networkType: i.networkType,
    ip: orNull(i.ip),
    bridge: orNull(i.bridge),
    exportPorts: i.exportPorts.map(portExport).filter((p) => p !== undefined),
    active: i.active,
    attributes: typedRecord(i.attributes),
    jailAttributes: typedRecord(i.jailAttributes),
    resources: { cpus: numberOrNull(i.resources.cpus), memory: limitBytes(i.resources.memory) },
    datasets: datasetsOf(i.details?.datasets ?? []),
    snapshots: i.details?.snapshots ?? [],
  };
}

/** info -E's variables as name/value pairs (the values as they are, not as shell text). */
export function environmentOf(vars: ReadonlyArray<readonly [string, string]>): Array<{ name: string; value: string }> {
  return vars.map(([name, value]) => ({ name, value }));
}

/** A pot's show report, shown with exact sizes (`showPot(…, { exact: true })`): sizes become numbers of bytes. */
export function potShowOf(s: actions.PotShow) {
  const memory = s.runtime?.memory;
  return {
    name: s.name,
    diskUsage: numberOrNull(s.diskUsage),
    ...(s.baseUsage === undefined ? {} : { baseUsage: numberOrNull(s.baseUsage) }),
    ...(s.datasets === undefined ? {} : { datasets: s.datasets.map((d) => ({ dataset: d.dataset, usage: numberOrNull(d.usage) })) }),
    running: s.running,
    memory: memory === undefined ? null : { virtual: numberOrNull(memory.virtual), physical: numberOrNull(memory.physical) },
    cpus: numberOrNull(s.runtime?.cpus),
    redirections: s.runtime?.redirections ?? [],
  };
}

export function resourceUsageOf(u: actions.PotResourceUsage) {
  return {
    pot: u.pot,
    cpu: { ticks: Number(u.cputime), mhz: Number(u.cpuMhz), percent: u.pcpu },
    memory: { virtual: Number(u.virtualMemory), physical: Number(u.physicalMemory), swap: Number(u.swap) },
  };
}
