/**
 * The addresses of an alias pot (`ip=` entries `IP` or `NIC|IP`), split by
 * family and filtered by the pot's stack, as `_get_alias_ipv4/6` do; bare
 * addresses go on POT_EXTIF.
 */
import { parseIp } from 'potnet';
import type { Stack } from './network-params.js';

export interface AliasAddress {
  nic: string;
  ip: string;
}

export interface AliasAddresses {
  ipv4: AliasAddress[];
  ipv6: AliasAddress[];
}

export function aliasAddresses(ipText: string, stack: Stack, extif: string): AliasAddresses {
  const out: AliasAddresses = { ipv4: [], ipv6: [] };
  for (const entry of ipText.split(/\s+/).filter((w) => w !== '')) {
    const bar = entry.indexOf('|');
    const nic = bar < 0 ? extif : entry.slice(0, bar);
    const ip = bar < 0 ? entry : (entry.slice(bar + 1).split('|')[0] ?? '');
    const family = parseIp(ip)?.family;
    if (family === 4 && stack !== 'ipv6') out.ipv4.push({ nic, ip });
    if (family === 6 && stack !== 'ipv4') out.ipv6.push({ nic, ip });
  }
  return out;
}
