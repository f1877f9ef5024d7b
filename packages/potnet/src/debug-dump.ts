import { formatIp } from './ip.js';
import { formatIpNet } from './ipnet.js';
import type { SystemConfig } from './system-config.js';

/** A string as Rust's `{:?}` prints it (escape_debug), for the `-v show` dump. */
export function rustDebugString(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0) as number;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (ch === '\0') out += '\\0';
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0)) out += `\\u{${code.toString(16)}}`;
    else out += ch;
  }
  return `${out}"`;
}

/** The `{:#?}` dump of the configuration the original appends to `-v show`. */
export function debugDump(config: SystemConfig): string {
  const dns = config.dns
    ? [
        '    dns: Some(',
        '        PotDnsConfig {',
        `            pot_name: ${rustDebugString(config.dns.potName)},`,
        `            ip: ${formatIp(config.dns.ip)},`,
        '        },',
        '    ),',
      ]
    : ['    dns: None,'];
  return [
    'PotSystemConfig {',
    `    zfs_root: ${rustDebugString(config.zfsRoot)},`,
    `    fs_root: ${rustDebugString(config.fsRoot)},`,
    `    network: ${formatIpNet(config.network)},`,
    `    netmask: ${formatIp(config.netmask)},`,
    `    gateway: ${formatIp(config.gateway)},`,
    `    ext_if: ${rustDebugString(config.extIf)},`,
    ...dns,
    '}',
  ].join('\n');
}
