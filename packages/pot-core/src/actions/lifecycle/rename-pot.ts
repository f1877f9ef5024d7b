/**
 * `pot rename -p OLD -n NEW`: a stopped pot gets a new name —
 * its datasets (`zfs rename`, the children's mount points moved along), its
 * hostname, its log configuration, its status file — and every pot's
 * references to it (fscomp.conf paths, `pot.potbase=`, `pot.depend=`) are
 * rewritten. NEW is checked like the name of a new pot (shell pot took any
 * text); the whole rename holds the global lock and both pots' locks, and
 * each pot's files are rewritten under that pot's lock (shell pot edited them
 * with `sed -i`, unlocked).
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import { withGlobalLock } from '../../locks/index.js';
import { validatePotName } from '../../names/index.js';
import { usableHostname } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, realFiles, requireRoot, warn } from '../context/context.js';
import { existingPot, forPot, potDataset, potPath, potPresence, potStore } from '../context/pot-lookup.js';
import { type RenamePaths, renameInFscompConf, renameInPotConf, renameOwnPotConf } from './pot-references.js';
import { statusStore } from '../context/pot-status.js';

export interface RenamePotOptions {
  /** -p */
  pot: string;
  /** -n */
  newName: string;
}

const busy = (pot: string): PotError => new PotError('busy', `pot ${pot} is still running`, { suggestion: `stop it first ('pot stop ${pot}')` });

async function checkRequest(ctx: ActionContext, o: RenamePotOptions): Promise<void> {
  validatePotName(o.pot, { purpose: 'existing' });
  await existingPot(ctx, o.pot);
  validatePotName(o.newName, { zfsRoot: ctx.settings.zfsRoot });
  const presence = await potPresence(ctx, o.newName);
  if (presence === 'present') throw new PotError('already-exists', `pot ${o.newName} exists already`, { suggestion: 'pick another name' });
  if (presence === 'corrupted') {
    throw new PotError('already-exists', `pot ${o.newName} exists already, incomplete`, {
      suggestion: `remove it with 'pot destroy -F -p ${o.newName}' first, or pick another name`,
    });
  }
  if (await ctx.host.jails.isRunning(o.pot)) throw busy(o.pot);
  await requireRoot(ctx);
}

/** Running, or a start or stop under way (its status says so): no rename. */
async function requireStopped(ctx: ActionContext, pot: string): Promise<void> {
  if (await ctx.host.jails.isRunning(pot)) throw busy(pot);
  const state = (await statusStore(ctx).readStatus(pot))?.state;
  if (state === 'starting' || state === 'stopping')
    throw new PotError('busy', `pot ${pot} is ${state}`, { suggestion: 'wait for it to end, then rename the stopped pot' });
}

/**
 * The datasets: each child's mount point moves to FS/jails/NEW/CHILD, the
 * pot's dataset is renamed, then mounted with its children. A failure before
 * the rename puts the children's mount points back.
 */
async function renameDatasets(ctx: ActionContext, o: RenamePotOptions): Promise<void> {
  const zfs = ctx.host.zfs;
  const from = potDataset(ctx, o.pot);
  const to = potDataset(ctx, o.newName);
  const children = await zfs.children(from);
  const moved: Array<{ child: string; mountpoint: string }> = [];
  try {
    for (const child of children) {
      const name = child.slice(from.length + 1);
      const mountpoint = await zfs.mountpoint(child);
      // a child mounted somewhere else than the pot's directory (none, legacy, elsewhere) stays as it is
      if (mountpoint !== path.join(potPath(ctx, o.pot), name)) continue;
      debug(ctx, `Preparing ${child}`);
      if (await zfs.isMounted(child)) await zfs.unmount(child, { force: true });
      moved.push({ child, mountpoint });
      await zfs.setProperty(child, 'mountpoint', path.join(potPath(ctx, o.newName), name));
    }
    debug(ctx, `Preparing ${from}`);
    if (await zfs.isMounted(from)) await zfs.unmount(from, { force: true });
    debug(ctx, `Renaming ${from} in ${to}`);
    await zfs.rename(from, to);
  } catch (err) {
    for (const m of moved.reverse()) {
      try {
        await zfs.setProperty(m.child, 'mountpoint', m.mountpoint);
        if (!(await zfs.isMounted(m.child))) await zfs.mount(m.child);
      } catch {
        warn(ctx, `${m.child}: could not put its mountpoint back to ${m.mountpoint} - please, do it manually`);
      }
    }
    if ((await zfs.exists(from)) && !(await zfs.isMounted(from))) await zfs.mount(from).catch(() => undefined);
    throw err;
  }
  debug(ctx, `Mount ${to}`);
  if (!(await zfs.isMounted(to))) await zfs.mount(to);
  for (const { child } of moved) {
    const renamed = `${to}${child.slice(from.length)}`;
    if (!(await zfs.isMounted(renamed))) await zfs.mount(renamed);
  }
}

/** A host file (syslog configuration) moved to its new name, with `from` replaced by `to` in it; false when there is none. */
async function moveHostFile(ctx: ActionContext, file: string, newFile: string, from: string, to: string): Promise<boolean> {
  const text = await ctx.host.files.read(file);
  if (text === undefined) return false;
  await ctx.host.files.write(newFile, text.split(from).join(to));
  await ctx.host.files.remove(file);
  return true;
}

/** syslogd's and newsyslog's files for the pot, written by older pots. */
async function renameLogConfig(ctx: ActionContext, o: RenamePotOptions): Promise<void> {
  const syslog = '/usr/local/etc/syslog.d';
  if (await moveHostFile(ctx, `${syslog}/${o.pot}.conf`, `${syslog}/${o.newName}.conf`, `${o.pot}.log`, `${o.newName}.log`)) {
    const log = `/var/log/pot/${o.newName}.log`;
    if (!(await ctx.host.files.exists(log))) await ctx.host.files.write(log, '');
    await ctx.host.log.reload();
  }
  const newsyslog = '/usr/local/etc/newsyslog.conf.d';
  await moveHostFile(ctx, `${newsyslog}/${o.pot}.conf`, `${newsyslog}/${o.newName}.conf`, `pot/${o.pot}.log`, `pot/${o.newName}.log`);
}

/** The status file follows the pot (shell pot left it under the old name). */
async function moveStatus(ctx: ActionContext, o: RenamePotOptions): Promise<void> {
  const file = path.join(ctx.settings.tmp, `pot_status_${o.pot}`);
  const text = await realFiles(ctx).read(file);
  if (text === undefined) return;
  await realFiles(ctx).write(path.join(ctx.settings.tmp, `pot_status_${o.newName}`), text);
  await realFiles(ctx).remove(file);
}

/**
 * Rewrites one pot's pot.conf and fscomp.conf under its lock, reading them from the pot `pot`
 * and writing them as the pot `writeAs` (the renamed pot's new name; with --dry-run its files
 * are still under the old one, and the plan shows where they would be written).
 */
async function rewritePotFiles(ctx: ActionContext, pot: string, p: RenamePaths, own?: { hostname: string; writeAs: string }): Promise<void> {
  const store = potStore(ctx);
  const target = own?.writeAs ?? pot;
  await store.withPotLock(pot, async () => {
    const potConf = await store.readPotConf(pot);
    if (potConf !== undefined) {
      const before = potConf.toString();
      renameInPotConf(potConf, p);
      if (own !== undefined) renameOwnPotConf(potConf, own.hostname);
      if (potConf.toString() !== before) {
        debug(ctx, `${target}: pot.conf refers to ${p.to} now`);
        await store.writePotConf(target, potConf);
      }
    }
    const fscomp = await store.readFscompConf(pot);
    if (fscomp !== undefined && renameInFscompConf(fscomp, p)) {
      debug(ctx, `${target}: fscomp.conf refers to ${p.to} now`);
      await store.writeFscompConf(target, fscomp);
    }
  });
}

export async function renamePot(ctx: ActionContext, o: RenamePotOptions): Promise<void> {
  await checkRequest(ctx, o);
  const store = potStore(ctx);
  const paths: RenamePaths = { zfsRoot: ctx.settings.zfsRoot, fsRoot: ctx.settings.fsRoot, from: o.pot, to: o.newName };
  await withGlobalLock(
    () =>
      store.withPotLock(o.pot, () =>
        store.withPotLock(o.newName, async () => {
          await requireStopped(ctx, o.pot);
          if ((await potPresence(ctx, o.newName)) !== 'absent')
            throw new PotError('already-exists', `pot ${o.newName} exists already`, { suggestion: 'pick another name' });
          await renameDatasets(ctx, o);
          await moveStatus(ctx, o);
          await renameLogConfig(ctx, o);
          const hostname = usableHostname(o.newName, await ctx.host.system.hostname(), Number(ctx.settings.vars.POT_HOSTNAME_MAX_LENGTH) || 64);
          // the pot's files are under its new name once the datasets moved (a dry run's are still under the old one)
          const filesAt = await ctx.host.plan.afterChanges(
            async () => o.newName,
            () => o.pot,
          );
          await rewritePotFiles(ctx, filesAt, paths, { hostname, writeAs: o.newName });
          for (const pot of await store.listPots()) {
            if (pot !== o.newName && pot !== o.pot) await forPot(ctx, () => rewritePotFiles(ctx, pot, paths));
          }
        }),
      ),
    { globalDir: ctx.settings.tmp },
  );
}
