/**
 * `pot export-ports -p NAME -e SPEC…`: records the ports a pot exports in its
 * pot.conf (`pot.export.ports`, replaced on every call, as shell pot does);
 * the redirections themselves are made at start. The pot's lock guards the
 * edit (shell pot edited pot.conf unlocked).
 */
import { notFound } from '../../errors/not-found.js';
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import { formatPortSpecs, type PortSpec } from '../../ports/index.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { potStore } from '../context/pot-lookup.js';
import { info, requireRoot } from '../context/context.js';

export interface ExportPortsOptions {
  pot: string;
  /** Already parsed (the CLI parses `-e` values with parsePortSpec to show its help on a bad one). */
  specs: readonly PortSpec[];
}

/** Why the ports will not be used at start, when they will not (shell pot's notices). */
function ignoredBecause(conf: PotConf, globalStack: string): string | undefined {
  const type = conf.networkType;
  if (type !== 'public-bridge' && type !== 'private-bridge') {
    return 'Only public-bridge and private-bridge network type can export ports - this setting will be ignored during start';
  }
  if ((conf.get('pot.stack') || globalStack) === 'ipv6') {
    return 'Only ipv4 can export ports, on ipv6 the pot has already a unique address - this setting will be ignored during start';
  }
  return undefined;
}

export async function exportPorts(ctx: ActionContext, options: ExportPortsOptions): Promise<PotConf> {
  const { pot, specs } = options;
  validatePotName(pot, { purpose: 'existing' });
  const store = potStore(ctx);
  const dataset = `${ctx.settings.zfsRoot}/jails/${pot}`;
  const current = await store.readPotConf(pot);
  if (current === undefined || !(await ctx.host.zfs.exists(dataset))) {
    throw notFound('pot', pot);
  }
  if (specs.length === 0) throw new PotError('usage', 'One port has to be specified', { suggestion: 'give at least one -e [tcp:|udp:]POT_PORT[:HOST_PORT]' });
  await requireRoot(ctx);
  const notice = ignoredBecause(current, ctx.settings.stack);
  if (notice) info(ctx, notice);
  const value = formatPortSpecs(specs);
  return store.updatePotConf(pot, (conf) => void conf.set('pot.export.ports', value, { position: 'end' }), { mustExist: true });
}
