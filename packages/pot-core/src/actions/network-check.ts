/**
 * The network part of the configuration check (what `potnet config-check` does:
 * the gateway inside POT_NETWORK, POT_NETMASK equal to the network's), plus the
 * interfaces pot will use. The potnet library's config-check is landing in
 * parallel; `checkNetworkConfig` is the seam to switch over to it.
 */
import type { PotErrorDetail } from '../errors/pot-error.js';
import type { ActionContext } from './context.js';
import { interfaceExists, interfaceHasAddress, inCidr, isValidIPv4, maskOf, parseCidr4, parseIPv4 } from './net.js';

export function checkNetworkConfig(ctx: ActionContext): PotErrorDetail[] {
  const s = ctx.settings;
  const problems: PotErrorDetail[] = [];
  const net = parseCidr4(s.network);
  if (net === undefined) {
    problems.push({ path: 'POT_NETWORK', message: `POT_NETWORK (${s.network}) is not an IPv4 network in CIDR notation` });
    return problems;
  }
  const gw = parseIPv4(s.gateway);
  if (gw === undefined || !inCidr(gw, net)) {
    problems.push({ path: 'POT_GATEWAY', message: `gateway IP (${s.gateway}) outside the network range (${s.network})` });
  }
  const mask = parseIPv4(s.netmask);
  if (mask === undefined || mask !== maskOf(net.prefix)) {
    problems.push({ path: 'POT_NETMASK', message: `netmask (${s.netmask}) different from the network one (${s.network})` });
  }
  return problems;
}

/** POT_EXTIF, POT_EXTIF_ADDR and POT_EXTRA_EXTIF as init requires them. */
export async function checkInterfaces(ctx: ActionContext): Promise<PotErrorDetail[]> {
  const s = ctx.settings;
  const problems: PotErrorDetail[] = [];
  if (!(await interfaceExists(ctx, s.extif))) {
    problems.push({ path: 'POT_EXTIF', message: `The network interface ${s.extif} seems not valid [POT_EXTIF]` });
    return problems;
  }
  if (s.extifAddr !== '') {
    if (!isValidIPv4(s.extifAddr)) {
      problems.push({ path: 'POT_EXTIF_ADDR', message: `The value ${s.extifAddr} [POT_EXTIF_ADDR] is not a valid IPv4 address` });
    } else if (!(await interfaceHasAddress(ctx, s.extif, s.extifAddr))) {
      problems.push({
        path: 'POT_EXTIF_ADDR',
        message: `The IP address ${s.extifAddr} [POT_EXTIF_ADDR] is not available on the network interface ${s.extif} [POT_EXTIF]`,
      });
    }
  }
  for (const iface of s.extraExtif) {
    if (!(await interfaceExists(ctx, iface))) {
      problems.push({ path: 'POT_EXTRA_EXTIF', message: `The network interface ${iface} seems not valid [POT_EXTRA_EXTIF]` });
    }
  }
  return problems;
}
