/**
 * The network part of the configuration check — potnet's config-check, from
 * its library (the gateway inside POT_NETWORK, POT_NETMASK equal to the
 * network's) — plus the interfaces pot will use.
 */
import type { PotErrorDetail } from '../../errors/pot-error.js';
import type { ActionContext } from '../context/context.js';
import { checkSystemConfig, parseIpNet } from 'potnet';
import { systemConfigOf } from '../network/address-book.js';
import { interfaceExists, interfaceHasAddress, isValidIPv4 } from '../network/host-interfaces.js';

export function checkNetworkConfig(ctx: ActionContext): PotErrorDetail[] {
  const s = ctx.settings;
  if (parseIpNet(s.network) === undefined) return [{ path: 'POT_NETWORK', message: `POT_NETWORK (${s.network}) is not a network in CIDR notation` }];
  let config;
  try {
    config = systemConfigOf(ctx);
  } catch (err) {
    return [{ path: 'POT_GATEWAY', message: err instanceof Error ? err.message : String(err) }];
  }
  return checkSystemConfig(config)
    .filter((f) => f.fatal)
    .map((f) => ({ path: f.field, message: f.message }));
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
