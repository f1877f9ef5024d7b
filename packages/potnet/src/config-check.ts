/**
 * The one rule set for pot's network configuration: `potnet config-check`,
 * `pot doctor` and the guard before pot's network commands all report these
 * findings, with the same words and the same fix.
 */
import { formatIp, type Ip, ipOf, sameIp } from './ip.js';
import { broadcastOf, contains, formatIpNet, type IpNet, netmaskOf, networkOf, sizeOf } from './ipnet.js';
import type { BridgeEntry } from './inventory.js';
import type { ConfDiagnostic } from './shell-assignments.js';
import type { SystemConfig } from './system-config.js';

export interface ConfigFinding {
  /** The variable concerned (POT_GATEWAY…), or `bridges/FILE` for a private bridge's file. */
  field: string;
  /** An error is a configuration pot refuses to act on; a warning works but is most likely not meant. */
  severity: 'error' | 'warning';
  message: string;
  /** What to do about it. */
  suggestion: string;
}

export interface CheckInput {
  /** The private bridges (POT_FS_ROOT/bridges), for overlaps. */
  bridges?: readonly BridgeEntry[];
  /** Lines of the configuration files the reader refused. */
  diagnostics?: readonly ConfDiagnostic[];
  /**
   * How a POT_NETWORK that leaves no address for pots counts: a warning for potnet
   * (the Rust original accepts a /31 with exit 0; show and validate still work), an
   * error for pot, which cannot give a pot or a private bridge an address in it.
   */
  fullNetwork?: ConfigFinding['severity'];
}

/** A line the reader refused, as a finding: the file and line, and the reader's fix. */
export function readerFinding(d: ConfDiagnostic): ConfigFinding {
  return {
    field: d.variable ?? `${d.file}:${d.line}`,
    severity: d.severity,
    message: `${d.file}:${d.line}: ${d.message}`,
    suggestion: d.fix ?? 'write it as VARIABLE=value, quoting a value with blanks',
  };
}

function firstHost(net: IpNet): Ip {
  return ipOf(net.addr.family, networkOf(net).value + 1n);
}

/** Addresses left for pots once the network, broadcast, gateway and DNS addresses are taken (potnet next's rule). */
function freeAddresses(config: SystemConfig): bigint {
  const net = config.network;
  const taken = new Set([networkOf(net).value, broadcastOf(net).value]);
  for (const ip of [config.gateway, config.dns?.ip]) if (ip && contains(net, ip)) taken.add(ip.value);
  return sizeOf(net) - BigInt(taken.size);
}

function checkAddresses(config: SystemConfig, fullNetwork: ConfigFinding['severity'], add: (f: ConfigFinding) => void): void {
  const net = config.network;
  const network = formatIpNet(net);
  const gateway = formatIp(config.gateway);
  if (!sameIp(networkOf(net), net.addr)) {
    add({
      field: 'POT_NETWORK',
      severity: 'warning',
      message: `POT_NETWORK (${network}) has host bits set`,
      suggestion: `write the network address: ${formatIp(networkOf(net))}/${net.prefix}`,
    });
  }
  if (!contains(net, config.gateway)) {
    add({
      field: 'POT_GATEWAY',
      severity: 'error',
      message: `POT_GATEWAY (${gateway}) is outside POT_NETWORK (${network})`,
      suggestion: `use an address of POT_NETWORK, e.g. ${formatIp(firstHost(net))}`,
    });
  } else if (net.addr.family === 4 && net.prefix < 31 && (sameIp(config.gateway, networkOf(net)) || sameIp(config.gateway, broadcastOf(net)))) {
    const which = sameIp(config.gateway, networkOf(net)) ? 'network' : 'broadcast';
    add({
      field: 'POT_GATEWAY',
      severity: 'error',
      message: `POT_GATEWAY (${gateway}) is the ${which} address of POT_NETWORK (${network})`,
      suggestion: `use a host address of POT_NETWORK, e.g. ${formatIp(firstHost(net))}`,
    });
  }
  const dns = config.dns?.ip;
  if (dns && !contains(net, dns)) {
    add({
      field: 'POT_DNS_IP',
      severity: 'error',
      message: `POT_DNS_IP (${formatIp(dns)}) is outside POT_NETWORK (${network})`,
      suggestion: 'use an address of POT_NETWORK for the DNS pot',
    });
  } else if (dns && sameIp(dns, config.gateway)) {
    add({
      field: 'POT_DNS_IP',
      severity: 'error',
      message: `POT_DNS_IP (${formatIp(dns)}) is the gateway address`,
      suggestion: 'use another address of POT_NETWORK for the DNS pot',
    });
  }
  if (!sameIp(netmaskOf(net), config.netmask)) {
    add({
      field: 'POT_NETMASK',
      severity: 'error',
      message: `POT_NETMASK (${formatIp(config.netmask)}) is not the netmask of POT_NETWORK (${network})`,
      suggestion: `set POT_NETMASK=${formatIp(netmaskOf(net))}, or change POT_NETWORK's prefix`,
    });
  }
  if (freeAddresses(config) <= 0n) {
    add({
      field: 'POT_NETWORK',
      severity: fullNetwork,
      message: `POT_NETWORK (${network}) leaves no address for pots once its network, broadcast, gateway and DNS addresses are taken`,
      suggestion: 'use a larger network (a /24 holds 252 pots): pot creates, clones, imports and starts no pot in this one',
    });
  }
}

/** `bridges/NAME`: the file, as the bridges directory holds it. */
function bridgeField(bridge: BridgeEntry): string {
  return `bridges/${bridge.file.slice(bridge.file.lastIndexOf('/') + 1)}`;
}

function checkBridges(config: SystemConfig, bridges: readonly BridgeEntry[], add: (f: ConfigFinding) => void): void {
  const network = formatIpNet(config.network);
  const describe = (b: BridgeEntry): string => `bridge ${b.name} (${formatIpNet(b.network)})`;
  for (const bridge of bridges) {
    if (!contains(config.network, networkOf(bridge.network)) || !contains(config.network, broadcastOf(bridge.network))) {
      add({
        field: bridgeField(bridge),
        severity: 'warning',
        message: `${describe(bridge)} is not inside POT_NETWORK (${network})`,
        suggestion: 'pot NATs POT_NETWORK only: recreate the bridge with pot create-private-bridge, which takes a segment of POT_NETWORK',
      });
    }
  }
  // Sorted by first address, a bridge overlaps an earlier one exactly when it
  // starts before the furthest end seen so far: n log n at any number of bridges.
  for (const family of [4, 6] as const) {
    const sorted = bridges.filter((b) => b.network.addr.family === family).sort((a, b) => (networkOf(a.network).value < networkOf(b.network).value ? -1 : 1));
    let reach: BridgeEntry | undefined;
    for (const bridge of sorted) {
      if (reach && networkOf(bridge.network).value <= broadcastOf(reach.network).value) {
        add({
          field: bridgeField(bridge),
          severity: 'error',
          message: `${describe(bridge)} overlaps ${describe(reach)}`,
          suggestion: `destroy one of them (pot destroy -B ${bridge.name}) and create it again with pot create-private-bridge, which takes a free segment`,
        });
      }
      if (!reach || broadcastOf(bridge.network).value > broadcastOf(reach.network).value) reach = bridge;
    }
  }
}

/** Every finding for this configuration: refused lines first, then addresses, then bridges. */
export function checkSystemConfig(config: SystemConfig, input: CheckInput = {}): ConfigFinding[] {
  const findings: ConfigFinding[] = (input.diagnostics ?? []).map(readerFinding);
  const add = (f: ConfigFinding): void => void findings.push(f);
  checkAddresses(config, input.fullNetwork ?? 'warning', add);
  checkBridges(config, input.bridges ?? [], add);
  return findings;
}
