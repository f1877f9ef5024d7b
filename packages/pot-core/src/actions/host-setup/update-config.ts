/**
 * `pot update-config -p NAME|-a`: brings an older pot's
 * configuration to the current format — missing defaults appended, legacy
 * `ip4=`/`pot.export.static.ports=`/`pot.rss.cpuset=` converted or dropped,
 * fscomp.conf's absolute mount points made relative — under the pot's lock.
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import { FscompConf, JAIL_ATTRIBUTE_DEFAULTS, type PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, info, requireRoot } from '../context/context.js';
import { existingPot, potPath, potStore } from '../context/pot-lookup.js';
import { editFscompConf } from '../files-and-mounts/fscomp-conf-edit.js';
import { editPotConf } from '../settings/pot-conf-edit.js';

/** Defaults appended when missing, in shell pot's order (its `early.start-at-boot` typo fixed). */
const DEFAULTS: ReadonlyArray<readonly [string, string]> = [
  ['pot.dns', 'inherit'],
  ['pot.cmd', 'sh /etc/rc'],
  ['pot.attr.no-rc-script', 'NO'],
  ['pot.attr.persistent', 'YES'],
  ['pot.attr.start-at-boot', 'NO'],
  ['pot.attr.early-start-at-boot', 'NO'],
  ...JAIL_ATTRIBUTE_DEFAULTS.map(([a, v]) => [`pot.attr.${a}`, v] as const),
  ['pot.attr.prunable', 'NO'],
  ['pot.attr.localhost-tunnel', 'NO'],
  ['pot.attr.no-tmpfs', 'NO'],
  ['pot.attr.no-etc-hosts', 'NO'],
];

/** The changes to pot.conf, made in place; answers what was done (for -v). */
function modernisePotConf(conf: PotConf): string[] {
  const done: string[] = [];
  for (const [key, value] of DEFAULTS) {
    // an empty value counts as missing, except where empty is the default (exec_stop)
    if (conf.has(key) && ((conf.getShell(key) ?? '') !== '' || value === '')) continue;
    conf.set(key, value, { position: 'end' });
    done.push(`${key}=${value}`);
  }
  const staticPorts = (conf.get('pot.export.static.ports') ?? '').split(/\s+/).filter((p) => p !== '');
  if (conf.has('pot.export.static.ports')) {
    conf.delete('pot.export.static.ports');
    const ports = [...conf.exportPorts, ...staticPorts.map((p) => `${p}:${p}`)];
    if (ports.length > 0) conf.set('pot.export.ports', ports.join(' '), { position: 'end' });
    done.push('pot.export.static.ports converted to pot.export.ports');
  }
  const ip4 = conf.getShell('ip4');
  if (ip4 !== undefined && ip4 !== '') {
    conf.delete('ip4');
    if (ip4 === 'inherit') conf.set('network_type', 'inherit', { position: 'end' });
    else {
      conf.set('network_type', conf.getShell('vnet') === 'false' ? 'alias' : 'public-bridge', { position: 'end' });
      conf.set('ip', ip4, { position: 'end' });
    }
    done.push('ip4 converted to network_type and ip');
  }
  return done;
}

/**
 * fscomp.conf with legacy absolute mount points (`J/m/usr/local`) made relative (`/usr/local`).
 * Not insideMountpoint: the rewritten file keeps shell pot's bytes (its sed cuts the prefix, no normalising).
 */
function relativeFscomp(conf: FscompConf, potRoot: string): FscompConf {
  const items = conf.items.map((item) => {
    if (!('source' in item) || !item.mountpoint.startsWith(potRoot)) return item;
    return { source: item.source, mountpoint: item.mountpoint.slice(potRoot.length) || '/', option: item.option };
  });
  return new FscompConf(items, conf.finalNewline);
}

async function updateOne(ctx: ActionContext, pot: string): Promise<void> {
  const before = await existingPot(ctx, pot);
  const cpuset = before.getShell('pot.rss.cpuset');
  await editPotConf(ctx, pot, (conf) => {
    for (const line of modernisePotConf(conf)) debug(ctx, `${pot}: ${line}`);
    if (cpuset !== undefined) conf.delete('pot.rss.cpuset');
  });
  if (cpuset !== undefined) {
    info(ctx, `Removing cpuset rss allocation: ${cpuset}`);
    info(ctx, 'rss.cpuset has been deprecated; please use the more generic rss.cpus');
  }
  await editFscompConf(ctx, pot, (f) => {
    f.items.splice(0, f.items.length, ...relativeFscomp(f, path.join(potPath(ctx, pot), 'm')).items);
  });
}

export async function updateConfig(ctx: ActionContext, target: { pot: string } | { all: true }): Promise<void> {
  await requireRoot(ctx);
  if ('pot' in target) return updateOne(ctx, target.pot);
  for (const pot of await potStore(ctx).listPots()) {
    try {
      await updateOne(ctx, pot);
    } catch (err) {
      throw new PotError('host-state', `update-config stopped at ${pot}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    debug(ctx, `Updated ${pot} configuration`);
  }
}
