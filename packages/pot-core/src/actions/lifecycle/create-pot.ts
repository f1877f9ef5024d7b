/**
 * `pot create`: checks the request with shell pot's
 * messages, then — holding the global lock, so that parallel creates never
 * get the same address — decides the network, makes the datasets and writes
 * pot.conf and fscomp.conf byte-compatible with shell pot 0.16.0. A failure
 * (or an abort) after the first dataset removes what this create made,
 * unless `keep`.
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import { withGlobalLock } from '../../locks/index.js';
import { validatePotName } from '../../names/index.js';
import { decideNetwork, type NetworkDecision, type Stack } from '../../network/index.js';
import { newFscompConfText, newPotConfText, usableHostname, type PotType } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, extractArchive, info, realFiles, requireRoot } from '../context/context.js';
import { addressBook } from '../network/address-book.js';
import { checkDnsPot, customResolvText, vnetAvailable } from '../settings/dns-mode.js';
import { decideLayout, type Layout } from './create-layout.js';
import { hostArch, supportedReleases } from '../bases/base-releases.js';
import { ensureBaseTarball } from '../bases/base-tarball.js';
import { potRoot } from '../network/pot-root-files.js';
import { applyFlavours, type Flavour, type PotCommandRunner } from './flavours.js';
import { potDataset, potPath, potPresence } from '../context/pot-lookup.js';
import { stopPot } from '../running/stop-pot.js';
import { assertNetworkConfig } from '../network/network-check.js';

export interface CreatePotOptions {
  pot: string;
  type?: PotType;
  /** -l as given. */
  level?: string;
  base?: string;
  potbase?: string;
  /** -N (default inherit). */
  network?: string;
  /** -i values. */
  ips?: readonly string[];
  /** -S (default POT_NETWORK_STACK). */
  stack?: Stack;
  /** inherit (default) | pot | off | custom:FILE */
  dns?: string;
  /** -B */
  bridge?: string;
  /** -k: keep what was made when create fails. */
  keep?: boolean;
  /** -f: flavours applied in order once the pot is made (resolved with resolveFlavour). */
  flavours?: readonly Flavour[];
  /** Runs the pot commands of flavour command files (the CLI's dispatcher). */
  runCommand?: PotCommandRunner;
  /** Aborting (SIGINT/SIGTERM) stops create between steps and undoes it. */
  signal?: AbortSignal;
}

export interface CreatedPot extends Layout {
  name: string;
  network: NetworkDecision;
  stack: Stack;
  dns: string;
}

async function decidePotNetwork(ctx: ActionContext, o: CreatePotOptions, stack: Stack): Promise<NetworkDecision> {
  const type = o.network ?? 'inherit';
  if ((type === 'public-bridge' || type === 'private-bridge') && !(await vnetAvailable(ctx))) {
    throw new PotError('unsupported', "This kernel doesn't support VIMAGE! No vnet possible", {
      suggestion: 'use -N inherit or -N alias, or a kernel with VIMAGE',
    });
  }
  const names = type === 'alias' ? [...new Set((o.ips ?? []).filter((e) => e.includes('|')).map((e) => e.split('|')[0] as string))] : [];
  const present = new Set<string>();
  for (const nic of names) if (await ctx.host.net.exists(nic)) present.add(nic);
  const request = { type, ips: o.ips ?? [], stack, ...(o.bridge === undefined ? {} : { bridge: o.bridge }) };
  return decideNetwork(request, { book: addressBook(ctx), interfaceExists: (n) => present.has(n) });
}

function summary(ctx: ActionContext, p: CreatedPot, flavours = ''): void {
  info(ctx, 'Creating a new pot');
  const rows: Array<[string, string]> = [
    ['pot name     ', p.name],
    ['type         ', p.type],
    ['base         ', p.base],
    ['pot_base     ', p.potbase],
    ['level        ', String(p.level)],
    ['network-type ', p.network.type],
    ['network-stack', p.stack],
    ['ip           ', p.network.ip],
    ['bridge       ', p.network.bridge ?? ''],
    ['dns          ', p.dns],
    ['flavours     ', flavours],
  ];
  for (const [k, v] of rows) info(ctx, `${k}: ${v}`);
}

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PotError('interrupted', 'pot create was interrupted', { suggestion: 'run it again' });
}

/** `zfs send SRC@LAST | zfs receive DS`, then the received snapshot goes. */
async function copyLastSnapshot(ctx: ActionContext, source: string, target: string, keepSnapshot: boolean): Promise<void> {
  const snapshot = (await ctx.host.zfs.snapshots(source)).at(-1);
  if (snapshot === undefined)
    throw new PotError('host-state', `no snapshot found for ${source}`, { suggestion: `take one with 'zfs snapshot ${source}@NAME'` });
  const rootProps = await ctx.host.zfs.propertyNames(ctx.settings.zfsRoot);
  await ctx.host.zfs.copySnapshot(snapshot, target, { excludeProperties: rootProps.includes('encryption') ? ['encryption'] : [] });
  if (keepSnapshot) return;
  const received = `${target}@${snapshot.slice(snapshot.indexOf('@') + 1)}`;
  try {
    await ctx.host.zfs.destroy(received);
  } catch {
    info(ctx, `create: not able to destroy the snapshot ${received} - please, do it manually`);
  }
}

async function makeDatasets(ctx: ActionContext, p: CreatedPot, signal?: AbortSignal): Promise<void> {
  const zr = ctx.settings.zfsRoot;
  const ds = potDataset(ctx, p.name);
  await ctx.host.zfs.create(ds);
  if (p.type === 'single') {
    throwIfAborted(signal);
    if (p.potbase !== '') {
      await copyLastSnapshot(ctx, `${zr}/jails/${p.potbase}/m`, `${ds}/m`, true);
      return;
    }
    await ctx.host.zfs.create(`${ds}/m`);
    const m = path.join(potPath(ctx, p.name), 'm');
    await realFiles(ctx).mkdirp(path.join(m, 'tmp'));
    await realFiles(ctx).chmod(path.join(m, 'tmp'), 0o1777);
    await realFiles(ctx).mkdirp(path.join(m, 'dev'));
    return;
  }
  await realFiles(ctx).mkdirp(path.join(potPath(ctx, p.name), 'm'));
  if (p.level === 0) return;
  const from = p.potbase !== '' ? `${zr}/jails/${p.potbase}` : `${zr}/bases/${p.base}`;
  if (p.level === 1) {
    throwIfAborted(signal);
    await copyLastSnapshot(ctx, `${from}/usr.local`, `${ds}/usr.local`, false);
  }
  throwIfAborted(signal);
  await copyLastSnapshot(ctx, `${from}/custom`, `${ds}/custom`, false);
}

/** A single pot without pot base gets the release's base system (`_cj_single_install`), from POT_CACHE or the mirror. */
async function installRelease(ctx: ActionContext, p: CreatedPot, signal?: AbortSignal): Promise<void> {
  const arch = await hostArch(ctx);
  const release = (await supportedReleases(ctx, arch)).find((r) => r.release === p.base);
  if (!arch || !release) throw new PotError('not-found', `${p.base} is not a valid release`);
  info(ctx, `Fetching FreeBSD ${p.base}`);
  const tarball = await ensureBaseTarball(ctx, arch, release, signal === undefined ? {} : { signal });
  throwIfAborted(signal);
  const m = path.join(potPath(ctx, p.name), 'm');
  info(ctx, 'Extract the tarball');
  await extractArchive(ctx, tarball.file, m);
  const root = potRoot(ctx, p.name);
  if (!(await root.isDirectory('/usr/home'))) await root.mkdirp('/usr/home');
  if (!(await root.exists('/home'))) await ctx.host.archives.symlink('usr/home', path.join(m, 'home'));
}

/** Cron jobs that make no sense in a jail are commented out (`_cj_internal_conf`). */
async function disableHostCronJobs(ctx: ActionContext, p: CreatedPot): Promise<void> {
  if (p.type === 'multi' && p.level === 0) return;
  const etc = path.join(potPath(ctx, p.name), p.type === 'multi' ? 'custom' : 'm', 'etc');
  const crontab = path.join(etc, 'crontab');
  // the crontab comes with the pot's files: a dry run made none
  const text = await ctx.host.plan.afterChanges(
    () => realFiles(ctx).read(crontab),
    () => {
      debug(ctx, `${crontab}: its save-entropy and adjkerntz jobs are commented out once it exists`);
      return '';
    },
  );
  if (text === undefined) {
    debug(ctx, `${crontab} not found: no cron job to disable`);
    return;
  }
  const edited = text.replace(/^.*save-entropy$/gm, '# $&').replace(/^.*adjkerntz.*$/gm, '# $&');
  if (edited !== text) await realFiles(ctx).write(crontab, edited);
}

/** A level 2 pot reads its level 1 pot base's usr.local read-only: that one's legacy zfs-remount line goes. */
async function fixPotbaseFscomp(ctx: ActionContext, p: CreatedPot): Promise<void> {
  if (p.level !== 2 || p.potbaseLevel !== 1) return;
  const file = path.join(potPath(ctx, p.potbase), 'conf', 'fscomp.conf');
  const legacy = `${path.join(potPath(ctx, p.potbase), 'm', 'usr', 'local')}`;
  const text = await realFiles(ctx).read(file);
  if (text === undefined) return;
  info(ctx, `${file} fix (${legacy} zfs-remount)`);
  const fixed = text.split(`${legacy} zfs-remount`).join(legacy);
  if (fixed !== text) await realFiles(ctx).write(file, fixed);
}

async function writeConf(ctx: ActionContext, p: CreatedPot, customResolv: string | undefined): Promise<void> {
  const dir = path.join(potPath(ctx, p.name), 'conf');
  const files = realFiles(ctx);
  await files.mkdirp(dir);
  await files.write(path.join(dir, 'fscomp.conf'), newFscompConfText({ ...p, zfsRoot: ctx.settings.zfsRoot, potName: p.name }));
  const osRelease = p.type === 'multi' ? ((await files.read(path.join(ctx.settings.fsRoot, 'bases', p.base, '.osrelease'))) ?? '').replace(/\n+$/, '') : p.base;
  const hostname = usableHostname(p.name, await ctx.host.system.hostname(), Number(ctx.settings.vars.POT_HOSTNAME_MAX_LENGTH) || 64);
  const text = newPotConfText({
    level: p.level,
    type: p.type,
    base: p.base,
    potbase: p.potbase,
    dns: p.dns,
    hostname,
    baseOsRelease: osRelease,
    stack: p.stack,
    networkType: p.network.type,
    ip: p.network.ip,
    ...(p.network.bridge === undefined ? {} : { bridge: p.network.bridge }),
    dnsName: ctx.settings.vars.POT_DNS_NAME ?? 'dns',
  });
  await files.write(path.join(dir, 'pot.conf'), text);
  if (customResolv !== undefined) await files.write(path.join(dir, 'resolv.conf'), customResolv);
}

export interface MakingPotOptions {
  pot: string;
  keep?: boolean;
  flavours?: readonly Flavour[];
  runCommand?: PotCommandRunner;
}

/**
 * The making of a new pot (create, clone): `steps`, then the flavours. A
 * failure removes the pot again, or with `keep` leaves it, stopped.
 */
export async function makingPot(ctx: ActionContext, o: MakingPotOptions, steps: () => Promise<void>): Promise<void> {
  try {
    await steps();
    if (o.flavours?.length) {
      if (!o.runCommand) throw new PotError('internal', 'flavours need a pot command runner');
      await applyFlavours(ctx, o.pot, o.flavours, o.runCommand);
    }
  } catch (err) {
    // a dry run's undo finds nothing the plan made, so it prints nothing of it
    if (!o.keep) await undoCreate(ctx, o.pot);
    else if (await ctx.host.jails.isRunning(o.pot)) await stopPot(ctx, { pot: o.pot });
    throw err;
  }
}

/** Removes what a failed create made (the pot's datasets and directory). */
export async function undoCreate(ctx: ActionContext, pot: string): Promise<void> {
  if (await ctx.host.jails.isRunning(pot)) await stopPot(ctx, { pot });
  const ds = potDataset(ctx, pot);
  if (await ctx.host.zfs.exists(ds)) await ctx.host.zfs.destroy(ds, { force: true, recursive: true });
  await realFiles(ctx).remove(potPath(ctx, pot));
}

async function checkRequest(ctx: ActionContext, o: CreatePotOptions, dns: string): Promise<{ layout: Layout; customResolv: string | undefined }> {
  validatePotName(o.pot, { zfsRoot: ctx.settings.zfsRoot });
  const customResolv = await customResolvText(ctx, dns);
  const layout = await decideLayout(ctx, { type: o.type ?? 'multi', ...pick(o) });
  const presence = await potPresence(ctx, o.pot);
  if (presence === 'present') throw new PotError('already-exists', `pot ${o.pot} already exists`, { suggestion: 'pick another name' });
  if (presence === 'corrupted') {
    throw new PotError('already-exists', `pot ${o.pot} already exists, incomplete`, { suggestion: `remove it with 'pot destroy -F -p ${o.pot}' first` });
  }
  await requireRoot(ctx);
  return { layout, customResolv };
}

function pick(o: CreatePotOptions): { level?: string; base?: string; potbase?: string } {
  return {
    ...(o.level === undefined ? {} : { level: o.level }),
    ...(o.base === undefined ? {} : { base: o.base }),
    ...(o.potbase === undefined ? {} : { potbase: o.potbase }),
  };
}

export async function createPot(ctx: ActionContext, o: CreatePotOptions): Promise<CreatedPot> {
  assertNetworkConfig(ctx);
  const dns = o.dns ?? 'inherit';
  const { layout, customResolv } = await checkRequest(ctx, o, dns);
  const stack = o.stack ?? ctx.settings.stack;
  return withGlobalLock(
    async () => {
      const network = await decidePotNetwork(ctx, o, stack);
      await checkDnsPot(ctx, dns);
      const pot: CreatedPot = { ...layout, name: o.pot, network, stack, dns };
      summary(ctx, pot, (o.flavours ?? []).map((f) => f.name).join(' '));
      await makingPot(ctx, o, async () => {
        throwIfAborted(o.signal);
        await makeDatasets(ctx, pot, o.signal);
        throwIfAborted(o.signal);
        await writeConf(ctx, pot, customResolv);
        if (pot.type === 'single' && pot.potbase === '') await installRelease(ctx, pot, o.signal);
        await fixPotbaseFscomp(ctx, pot);
        await disableHostCronJobs(ctx, pot);
        throwIfAborted(o.signal);
      });
      return pot;
    },
    { globalDir: ctx.settings.tmp },
  );
}
