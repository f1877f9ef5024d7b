/**
 * potnet's `--json` answers (show, next, validate, etc-hosts, config-check):
 * one JSON object on stdout, shaped by the types of json-schemas.ts (types
 * only: zod is not loaded at run time). Exit codes are the text mode's.
 */
import type { z } from 'zod';
import type { AddressBook, AddressHolder } from './address-book.js';
import type { ConfigFinding } from './config-check.js';
import { formatIp, type Ip } from './ip.js';
import { broadcastOf, formatIpNet, formatNetwork, type IpNet, networkOf } from './ipnet.js';
import type { ConfigCheckOutput, ErrorOutput, EtcHostsOutput, NextOutput, ShowOutput, ValidateOutput } from './json-schemas.js';
import { PotnetError } from './potnet-error.js';

/** Kept equal to json-schemas.ts's SCHEMA_VERSION (a test checks it). */
export const JSON_SCHEMA_VERSION = 1;

type Out<S extends z.ZodType> = z.infer<S>;

/** A failure in --json mode: the error object goes to stdout, the exit code stays the text mode's. */
export class JsonFailure extends PotnetError {
  constructor(
    readonly code: Out<typeof ErrorOutput>['error'],
    message: string,
    detail?: string,
  ) {
    super(message, 1, detail);
  }
}

export function errorJson(error: PotnetError): Out<typeof ErrorOutput> {
  const code = error instanceof JsonFailure ? error.code : /^bridge .* not found$/.test(error.message) ? 'not-found' : 'config';
  return { schemaVersion: JSON_SCHEMA_VERSION, error: code, message: error.message, detail: error.detail ?? null };
}

function bridgeOf(book: AddressBook, name: string | undefined): { name: string | null; network: IpNet } {
  if (name === undefined) return { name: null, network: book.config.network };
  const bridge = book.bridge(name);
  if (!bridge) throw new JsonFailure('not-found', `bridge ${name} not found`, `no valid file in the bridges directory has name=${name}`);
  return { name, network: bridge.network };
}

export function showJson(book: AddressBook, bridgeName: string | undefined): Out<typeof ShowOutput> {
  const { name, network } = bridgeOf(book, bridgeName);
  const bridge = bridgeName === undefined ? undefined : book.bridge(bridgeName);
  const entries = bridge ? book.bridgeEntries(bridge) : book.entries();
  const addresses: Out<typeof ShowOutput>['addresses'] = [];
  for (const e of entries) addresses.push({ ip: formatIp(e.ip), label: e.label?.trimEnd() || null });
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    bridge: name,
    network: bridge ? formatIpNet(network) : formatNetwork(network),
    minAddr: formatIp(networkOf(network)),
    maxAddr: formatIp(broadcastOf(network)),
    addresses,
  };
}

/** The next free address; `ip: null` (and exit 1) when none is left. */
export function nextJson(book: AddressBook, bridgeName: string | undefined): Out<typeof NextOutput> {
  const { name } = bridgeOf(book, bridgeName);
  const bridge = bridgeName === undefined ? undefined : book.bridge(bridgeName);
  const free = bridge ? book.nextInBridge(bridge) : book.next().free;
  return { schemaVersion: JSON_SCHEMA_VERSION, bridge: name, ip: free ? formatIp(free) : null };
}

export function etcHostsJson(book: AddressBook, bridgeName: string | undefined): Out<typeof EtcHostsOutput> {
  const { name } = bridgeOf(book, bridgeName);
  const bridge = bridgeName === undefined ? undefined : book.bridge(bridgeName);
  return { schemaVersion: JSON_SCHEMA_VERSION, bridge: name, hosts: book.etcHosts(bridge).map((h) => ({ ip: formatIp(h.ip), name: h.name })) };
}

function holderJson(h: AddressHolder): Out<typeof ValidateOutput>['holders'][number] {
  return { kind: h.kind, name: h.name ?? null, part: h.part ?? null, text: h.text };
}

export function validateJson(book: AddressBook, ip: Ip, bridgeName: string | undefined): Out<typeof ValidateOutput> {
  const { name } = bridgeOf(book, bridgeName);
  const base = { schemaVersion: JSON_SCHEMA_VERSION, bridge: name, ip: formatIp(ip) } as const;
  try {
    if (bridgeName === undefined) book.validate(ip);
    else book.validateInBridge(bridgeName, ip);
  } catch (error) {
    if (!(error instanceof PotnetError)) throw error;
    const bridge = bridgeName === undefined ? undefined : book.bridge(bridgeName);
    const holders = bridge ? book.bridgeHoldersOf(bridge, ip) : book.holdersOf(ip);
    const inUse = holders.length > 0;
    return { ...base, valid: false, reason: inUse ? 'in-use' : 'outside', message: error.message, holders: holders.map(holderJson) };
  }
  return { ...base, valid: true, reason: null, message: null, holders: [] };
}

export function configCheckJson(findings: readonly ConfigFinding[]): Out<typeof ConfigCheckOutput> {
  return {
    schemaVersion: JSON_SCHEMA_VERSION,
    ok: !findings.some((f) => f.severity === 'error'),
    findings: findings.map(({ field, severity, message, suggestion }) => ({ field, severity, message, suggestion })),
  };
}
