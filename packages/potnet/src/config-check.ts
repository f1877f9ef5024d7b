import { formatIp, sameIp } from './ip.js';
import { contains, formatIpNet, netmaskOf } from './ipnet.js';
import type { SystemConfig } from './system-config.js';

export interface ConfigFinding {
  field: 'POT_GATEWAY' | 'POT_DNS_IP' | 'POT_NETMASK';
  message: string;
  /** Whether the original fails `config-check` (exit 1) for this finding. */
  fatal: boolean;
}

/** `potnet config-check`: the network settings that cannot work together. */
export function checkSystemConfig(config: SystemConfig): ConfigFinding[] {
  const findings: ConfigFinding[] = [];
  const network = formatIpNet(config.network);
  if (!contains(config.network, config.gateway)) {
    findings.push({ field: 'POT_GATEWAY', fatal: true, message: `gateway IP (${formatIp(config.gateway)}) outside the network range (${network})` });
  }
  if (config.dns && !contains(config.network, config.dns.ip)) {
    findings.push({ field: 'POT_DNS_IP', fatal: false, message: `DNS IP (${formatIp(config.dns.ip)}) outside the network range (${network})` });
  }
  if (!sameIp(netmaskOf(config.network), config.netmask)) {
    findings.push({ field: 'POT_NETMASK', fatal: true, message: `netmask (${formatIp(config.netmask)}) different from the network one (${network})` });
  }
  return findings;
}
