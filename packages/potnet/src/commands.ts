/**
 * The subcommands of the potnet binary: each turns a parsed request into the
 * original's stdout bytes and exit code. Messages meant for people go to
 * stderr; lines the original printed as `Error: …` are thrown as PotnetError.
 */
import { AddressBook } from './address-book.js';
import { checkSystemConfig, type ConfigFinding, readerFinding } from './config-check.js';
import { debugDump } from './debug-dump.js';
import { type Family, formatIp, type Ip, ipOf } from './ip.js';
import { broadcastOf, formatIpNet, formatNetwork, networkOf } from './ipnet.js';
import { readBridges, readInventory } from './inventory.js';
import { configCheckJson, errorJson, etcHostsJson, nextJson, showJson, validateJson } from './json-commands.js';
import { PotnetError } from './potnet-error.js';
import type { ConfDiagnostic } from './shell-assignments.js';
import type { PotnetIO } from './stdio.js';
import { readSystemConfig, type SystemConfig } from './system-config.js';

export type PotnetRequest =
  | { command: 'show' | 'next' | 'etc-hosts'; bridge: string | undefined; json?: boolean }
  | { command: 'validate'; ip: Ip; bridge: string | undefined; json?: boolean }
  | { command: 'ipcheck'; ip: Ip; family: Family | undefined }
  | { command: 'new-net'; hosts: number }
  | { command: 'config-check'; json?: boolean };

export interface RunOptions {
  /** 0: warnings, 1+: -v, negative: -q. */
  verbosity: number;
  io: PotnetIO;
}

/** Lines written at a time: `show` at 50,000 pots prints 85,000 lines, held only this many at once. */
const BATCH = 4096;

class Output {
  private lines: string[] = [];
  constructor(
    readonly verbosity: number,
    readonly io: PotnetIO,
  ) {}
  line(text: string): void {
    if (this.lines.push(text) >= BATCH) this.flush();
  }
  /** A message for people (stderr), shown unless -qq. */
  tell(text: string): void {
    if (this.verbosity > -2) this.io.err(`potnet: ${text}\n`);
  }
  /**
   * Where the original printed nothing and exited 0 (unknown bridge, exhausted
   * pool, no subnet), we explain and exit 1 — except under -qq, where there is
   * no explanation to give and the original's silent 0 is kept.
   */
  failure(text: string): number {
    this.tell(text);
    return this.verbosity > -2 ? 1 : 0;
  }
  flush(): void {
    if (this.lines.length > 0) this.io.out(`${this.lines.join('\n')}\n`);
    this.lines = [];
  }
}

function openBook(config: SystemConfig, out: Output): AddressBook {
  const inventory = readInventory(config.fsRoot);
  if (out.verbosity > 0) {
    for (const d of inventory.diagnostics) out.io.err(`potnet: warning: ${d.file}${d.line ? `:${d.line}` : ''}: ${d.message}\n`);
  }
  return new AddressBook(config, inventory);
}

function show(book: AddressBook, out: Output): void {
  const net = book.config.network;
  out.line('Network topology:');
  out.line(`\tnetwork : ${formatNetwork(net)}`);
  out.line(`\tmin addr: ${formatIp(networkOf(net))}`);
  out.line(`\tmax addr: ${formatIp(broadcastOf(net))}`);
  out.line('\nAddresses already taken:');
  for (const e of book.entries()) out.line(`\t${formatIp(e.ip)}\t${e.label ?? ''}`);
  if (out.verbosity > 0) out.line(`\nDebug information\n${debugDump(book.config)}`);
}

function unknownBridge(name: string, out: Output): number {
  return out.failure(`bridge ${name} not found (no valid file in the bridges directory has name=${name})`);
}

function bridgeCommand(request: { command: 'show' | 'next' | 'etc-hosts'; bridge: string }, book: AddressBook, out: Output): number {
  const bridge = book.bridge(request.bridge);
  if (!bridge) return unknownBridge(request.bridge, out);
  if (request.command === 'show') {
    for (const e of book.bridgeEntries(bridge)) out.line(`\t${formatIp(e.ip)}\t${e.label ?? ''}`);
  } else if (request.command === 'etc-hosts') {
    for (const h of book.etcHosts(bridge)) out.line(`${formatIp(h.ip)} ${h.name}`);
  } else {
    const free = book.nextInBridge(bridge);
    if (!free) {
      return out.failure(`no free address left in bridge ${bridge.name} (${formatIpNet(bridge.network)})`);
    }
    out.line(out.verbosity > 0 ? `${formatIp(free)} available` : formatIp(free));
  }
  return 0;
}

function next(book: AddressBook, out: Output): number {
  const { free, usedBefore } = book.next();
  if (out.verbosity > 0) {
    const family = book.config.network.addr.family;
    for (const { first, last } of usedBefore) for (let v = first.value; v <= last.value; v++) out.line(`${formatIp(ipOf(family, v))} already used`);
  }
  if (!free) {
    return out.failure(`no free address left in ${formatNetwork(book.config.network)}`);
  }
  out.line(out.verbosity > 0 ? `${formatIp(free)} available` : formatIp(free));
  return 0;
}

function newNet(hosts: number, book: AddressBook, out: Output): number {
  if (hosts <= 1) {
    out.tell(`A network with size ${hosts} is too small`);
    return 1;
  }
  const found = book.newNet(hosts);
  if (!found) {
    return out.failure(`no free subnet for ${hosts} hosts in ${formatNetwork(book.config.network)}`);
  }
  out.line(`net=${formatIpNet(found.network)}`);
  out.line(`gateway=${formatIp(found.gateway)}`);
  return 0;
}

/** A finding as potnet, pot doctor and pot's guard word it: the problem, then the fix. */
function tellFinding(f: ConfigFinding, out: Output): void {
  out.tell(`${f.severity}: ${f.message}`);
  out.tell(`  fix: ${f.suggestion}`);
}

/** The one rule set (checkSystemConfig): exit 1 when any finding is an error. */
function configCheck(config: SystemConfig, diagnostics: readonly ConfDiagnostic[], out: Output, json: boolean): number {
  const bridges = readBridges(config.fsRoot, []);
  const findings = checkSystemConfig(config, { bridges, diagnostics });
  if (json) out.line(JSON.stringify(configCheckJson(findings)));
  else for (const f of findings) tellFinding(f, out);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

/** `--json`: one object on stdout; the exit code is the text mode's. */
function jsonDispatch(request: PotnetRequest & { command: 'show' | 'next' | 'etc-hosts' | 'validate' }, config: SystemConfig, out: Output): number {
  const book = openBook(config, out);
  switch (request.command) {
    case 'show':
      out.line(JSON.stringify(showJson(book, request.bridge)));
      return 0;
    case 'etc-hosts':
      out.line(JSON.stringify(etcHostsJson(book, request.bridge)));
      return 0;
    case 'next': {
      const answer = nextJson(book, request.bridge);
      out.line(JSON.stringify(answer));
      return answer.ip === null ? 1 : 0;
    }
    case 'validate': {
      const answer = validateJson(book, request.ip, request.bridge);
      out.line(JSON.stringify(answer));
      return answer.valid ? 0 : 1;
    }
  }
}

function dispatch(request: PotnetRequest, read: { config: SystemConfig; diagnostics: ConfDiagnostic[] }, out: Output): number {
  const { config } = read;
  if (request.command !== 'config-check') for (const d of read.diagnostics) tellFinding(readerFinding(d), out);
  if (request.command === 'ipcheck') return request.family === undefined || request.ip.family === request.family ? 0 : 1;
  if (request.command === 'config-check') return configCheck(config, read.diagnostics, out, request.json === true);
  if (request.command === 'new-net') return newNet(request.hosts, openBook(config, out), out);
  if (request.json) return jsonDispatch(request, config, out);
  const book = openBook(config, out);
  if (request.command === 'validate') {
    if (request.bridge === undefined) book.validate(request.ip);
    else book.validateInBridge(request.bridge, request.ip);
    return 0;
  }
  if (request.bridge !== undefined) return bridgeCommand({ command: request.command, bridge: request.bridge }, book, out);
  if (request.command === 'show') show(book, out);
  else if (request.command === 'etc-hosts') for (const h of book.etcHosts()) out.line(`${formatIp(h.ip)} ${h.name}`);
  else return next(book, out);
  return 0;
}

/** Runs one request; returns the exit code. PotnetError escapes for the `Error:` line. */
export function runPotnet(request: PotnetRequest, options: RunOptions): number {
  const out = new Output(options.verbosity, options.io);
  try {
    const read = readSystemConfig({ path: options.io.path ?? '' });
    if (read.config === undefined) {
      for (const d of read.diagnostics) tellFinding(readerFinding(d), out);
      throw read.error ?? new PotnetError('System configuration incomplete');
    }
    return dispatch(request, { config: read.config, diagnostics: read.diagnostics }, out);
  } catch (error) {
    if (error instanceof PotnetError && 'json' in request && request.json) {
      out.line(JSON.stringify(errorJson(error)));
      out.flush();
      throw error;
    }
    if (error instanceof PotnetError && error.detail && options.verbosity > -2) out.io.err(`potnet: ${error.detail}\n`);
    throw error;
  } finally {
    out.flush();
  }
}
