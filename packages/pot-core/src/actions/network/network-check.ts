/**
 * The configuration check as pot's commands use it: one rule set
 * (config/check.ts over potnet's checkSystemConfig, the one `potnet
 * config-check` applies), over the settings and the private bridges.
 * Commands that act on the network refuse an invalid configuration before
 * anything changes; the others warn once and go on.
 */
import { readBridges } from 'potnet';
import { checkConfig, type ConfigFinding } from '../../config/check.js';
import { configFromValues } from '../../config/schema.js';
import { PotError, type PotErrorDetail } from '../../errors/pot-error.js';
import type { ActionContext } from '../context/context.js';
import { interfaceExists, interfaceHasAddress, isValidIPv4 } from './host-interfaces.js';

/** Every finding of the configuration, the private bridges' overlaps included. */
export function configFindings(ctx: ActionContext): ConfigFinding[] {
  const s = ctx.settings;
  return checkConfig(configFromValues(s.vars), {
    bridges: s.fsRoot === '' ? [] : readBridges(s.fsRoot, []),
    ...(s.diagnostics ? { diagnostics: s.diagnostics } : {}),
    ...(s.userSet ? { userSet: s.userSet } : {}),
  });
}

const NETWORK_FIELDS = /^(POT_NETWORK|POT_NETWORK_STACK|POT_NETMASK|POT_GATEWAY|POT_DNS_IP|bridges\/.*)$/;

/** Whether a finding is about the internal network (what the guard refuses). */
export function isNetworkFinding(f: ConfigFinding): boolean {
  return NETWORK_FIELDS.test(f.field);
}

/** The errors of the network configuration: what makes the guard refuse. */
export function networkConfigErrors(ctx: ActionContext): ConfigFinding[] {
  return configFindings(ctx).filter((f) => f.severity === 'error' && isNetworkFinding(f));
}

function refusal(errors: readonly ConfigFinding[]): PotError {
  const first = errors[0]!;
  return new PotError('config', errors.length === 1 ? first.message : `${first.message} (and ${errors.length - 1} more configuration errors)`, {
    suggestion: first.suggestion,
    ...(errors.length > 1 ? { details: errors.map((f) => ({ path: f.field, message: `${f.message}; fix: ${f.suggestion}` })) } : {}),
  });
}

/**
 * The guard of create, clone, import, prepare, start, vnet-start and
 * create-private-bridge: a PotError('config') with the check's own message
 * and fix when the network configuration is invalid.
 */
export function assertNetworkConfig(ctx: ActionContext): void {
  const errors = networkConfigErrors(ctx);
  if (errors.length > 0) throw refusal(errors);
}

/** For commands that only read: each error once on stderr, and go on. */
export function warnNetworkConfig(ctx: ActionContext): void {
  for (const f of networkConfigErrors(ctx)) {
    ctx.report.diag(`###>  warning: ${f.message}`);
    ctx.report.diag(`      fix: ${f.suggestion}`);
  }
}

/** init's check: the network errors as details. */
export function checkNetworkConfig(ctx: ActionContext): PotErrorDetail[] {
  return networkConfigErrors(ctx).map((f) => ({ path: f.field, message: f.message }));
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
