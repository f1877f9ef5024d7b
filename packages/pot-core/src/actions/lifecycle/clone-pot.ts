/**
 * `pot clone -p NEW -P TEMPLATE`: a new pot made of ZFS clones of
 * the template's datasets (their newest snapshots, or `-s SNAP`; `-F` takes
 * one where there is none), with the template's pot.conf, hooks and
 * resolv.conf, and a network of its own: the template's type and stack unless
 * given, the address decided under the global lock (parallel clones and
 * creates never share one). Flavours apply as for create; a failure removes
 * what the clone made, unless `keep`.
 */
import path from 'node:path';
import { notFound } from '../../errors/not-found.js';
import { PotError } from '../../errors/pot-error.js';
import { withGlobalLock, withImportLock } from '../../locks/index.js';
import { validatePotName } from '../../names/index.js';
import { decideNetwork, type NetworkDecision, type Stack } from '../../network/index.js';
import { FscompConf, type PotConf, usableHostname } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, info, realFiles, requireRoot } from '../context/context.js';
import { addressBook } from '../network/address-book.js';
import { checkDnsPot, customResolvText, vnetAvailable } from '../settings/dns-mode.js';
import { type ClonePaths, clonePotConfText, type DatasetClone, type MultiClonePlan, planMultiClone, planSingleClone } from './clone-plan.js';
import { makingPot } from './create-pot.js';
import type { Flavour, PotCommandRunner } from './flavours.js';
import { existingPot, potDataset, potPath, potPresence, potStore } from '../context/pot-lookup.js';
import { networkStackOf } from '../../config/settings.js';
import { epochSnapshotName, newestSnapshot, snapshotPart } from '../datasets/snapshot-names.js';
import { assertNetworkConfig } from '../network/network-check.js';

export interface ClonePotOptions {
  /** -p: the new pot. */
  pot: string;
  /** -P: the pot cloned. */
  template: string;
  /** -N (default: the template's network type). */
  network?: string;
  /** -i values. */
  ips?: readonly string[];
  /** -B (default for a private-bridge clone of a private-bridge template: the template's bridge). */
  bridge?: string;
  /** -S (default: the template's pot.stack, else POT_NETWORK_STACK). */
  stack?: Stack;
  /** -d: inherit | pot | off | custom:FILE (default: the template's pot.dns). */
  dns?: string;
  /** -s: the template's snapshot to clone. */
  snapshot?: string;
  /** -F: datasets without snapshot get one now. */
  autoSnapshot?: boolean;
  /** -k: keep what was made when clone fails (stopped). */
  keep?: boolean;
  /** -f: flavours applied in order once the pot is made. */
  flavours?: readonly Flavour[];
  /** Runs the pot commands of flavour command files (the CLI's dispatcher). */
  runCommand?: PotCommandRunner;
  /** Aborting (SIGINT/SIGTERM) stops clone between steps and undoes it. */
  signal?: AbortSignal;
}

export interface ClonedPot {
  name: string;
  template: string;
  network: NetworkDecision;
  stack: Stack;
  dns: string;
  /** The snapshots cloned, by dataset of the new pot. */
  clones: Array<DatasetClone & { snapshot: string }>;
}

const NETWORK_TYPES = ['inherit', 'alias', 'public-bridge', 'private-bridge'];

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PotError('interrupted', 'pot clone was interrupted', { suggestion: 'run it again' });
}

interface Request {
  template: PotConf;
  type: string;
  stack: Stack;
  bridge: string | undefined;
  dns: string;
  resolv: string | undefined;
}

/** The checks of shell pot's clone, in its order; answers what the clone starts from. */
async function checkRequest(ctx: ActionContext, o: ClonePotOptions): Promise<Request> {
  validatePotName(o.pot, { zfsRoot: ctx.settings.zfsRoot });
  validatePotName(o.template, { purpose: 'existing' });
  const resolv = await customResolvText(ctx, o.dns);
  const template = await existingPot(ctx, o.template, 'reference pot');
  const presence = await potPresence(ctx, o.pot);
  if (presence === 'present') throw new PotError('already-exists', `pot ${o.pot} already exists`, { suggestion: 'pick another name' });
  if (presence === 'corrupted')
    throw new PotError('already-exists', `pot ${o.pot} already exists, incomplete`, { suggestion: `remove it with 'pot destroy -F -p ${o.pot}' first` });
  if (o.snapshot !== undefined) {
    if (o.autoSnapshot) throw new PotError('usage', '-s and -F are incompatible - which snapshot should I use');
    const names = (await ctx.host.zfs.snapshots(potDataset(ctx, o.template))).map(snapshotPart);
    if (!names.includes(o.snapshot)) {
      throw notFound('snapshot', o.snapshot, { of: o.template });
    }
  }
  const templateType = template.networkType;
  if (o.network !== undefined && !NETWORK_TYPES.includes(o.network)) throw new PotError('usage', `Network type ${o.network} not recognized`);
  if (o.network === undefined && (templateType === undefined || templateType === '')) {
    throw new PotError('config', `Configuration file for ${o.template} contains obsolete elements`, {
      suggestion: `Please run pot update-config -p ${o.template} to fix`,
    });
  }
  const type = o.network ?? (templateType as string);
  const stack = o.stack ?? networkStackOf(template.getShell('pot.stack') || ctx.settings.stack);
  const templateBridge = templateType === 'private-bridge' ? template.getShell('bridge') : undefined;
  const bridge = o.bridge ?? (type === 'private-bridge' ? templateBridge || undefined : undefined);
  const dns = o.dns ?? (template.getShell('pot.dns') || 'inherit');
  if (template.getShell('pot.level') === '0' && template.type !== 'single')
    throw new PotError('unsupported', 'Level 0 pots cannot be cloned', { suggestion: 'clone a pot of level 1 or 2' });
  await requireRoot(ctx);
  await checkDnsPot(ctx, o.dns);
  if ((type === 'public-bridge' || type === 'private-bridge') && !(await vnetAvailable(ctx))) {
    throw new PotError('unsupported', "This kernel doesn't support VIMAGE! No vnet possible", {
      suggestion: 'use -N inherit or -N alias, or a kernel with VIMAGE',
    });
  }
  return { template, type, stack, bridge, dns, resolv };
}

async function decideCloneNetwork(ctx: ActionContext, o: ClonePotOptions, r: Request): Promise<NetworkDecision> {
  const nics = r.type === 'alias' ? [...new Set((o.ips ?? []).filter((e) => e.includes('|')).map((e) => e.split('|')[0] as string))] : [];
  const present = new Set<string>();
  for (const nic of nics) if (await ctx.host.net.exists(nic)) present.add(nic);
  const request = { type: r.type, ips: o.ips ?? [], stack: r.stack, ...(r.bridge === undefined ? {} : { bridge: r.bridge }) };
  return decideNetwork(request, { book: addressBook(ctx), interfaceExists: (n) => present.has(n) });
}

/** The template's snapshot each dataset is cloned from: `-s`, else its newest, else (-F) one taken now. */
async function snapshotsToClone(ctx: ActionContext, o: ClonePotOptions, plan: MultiClonePlan): Promise<Array<DatasetClone & { snapshot: string }>> {
  const out: Array<DatasetClone & { snapshot: string }> = [];
  for (const c of plan.clones) {
    const names = (await ctx.host.zfs.snapshots(c.source)).map(snapshotPart);
    let snapshot = o.snapshot ?? newestSnapshot(names);
    if (o.snapshot !== undefined && !names.includes(o.snapshot)) {
      throw notFound('snapshot', o.snapshot, { of: o.template });
    }
    if (snapshot === undefined) {
      if (!o.autoSnapshot) {
        throw new PotError('host-state', `${c.source} has no snap - please take a snapshot of ${o.template}`, {
          suggestion: `pot snapshot -p ${o.template}, or clone with -F`,
        });
      }
      snapshot = epochSnapshotName(ctx.host.clock.now());
      info(ctx, `${c.source} has no snap - taking a snapshot on the fly with tag ${snapshot}`);
      await ctx.host.zfs.snapshot(c.source, snapshot);
    }
    out.push({ ...c, snapshot });
  }
  return out;
}

const HOOKS = ['prestart.sh', 'prestop.sh', 'poststart.sh', 'poststop.sh'];

/** pot.conf, fscomp.conf, the hooks and resolv.conf of the new pot. */
async function writeConf(ctx: ActionContext, o: ClonePotOptions, r: Request, network: NetworkDecision, fscomp: FscompConf): Promise<void> {
  const files = realFiles(ctx);
  const from = path.join(potPath(ctx, o.template), 'conf');
  const dir = path.join(potPath(ctx, o.pot), 'conf');
  await files.mkdirp(dir);
  await files.write(path.join(dir, 'fscomp.conf'), fscomp.toString());
  const hostname = usableHostname(o.pot, await ctx.host.system.hostname(), Number(ctx.settings.vars.POT_HOSTNAME_MAX_LENGTH) || 64);
  const text = clonePotConfText(r.template.toString(), { hostname, stack: r.stack, network, dns: r.dns, dnsName: ctx.settings.vars.POT_DNS_NAME ?? 'dns' });
  await files.write(path.join(dir, 'pot.conf'), text);
  for (const hook of HOOKS) await files.copy(path.join(from, hook), path.join(dir, hook));
  // -d custom:FILE wins over the template's resolv.conf (shell pot copied the template's over it)
  if (r.resolv !== undefined) await files.write(path.join(dir, 'resolv.conf'), r.resolv);
  else await files.copy(path.join(from, 'resolv.conf'), path.join(dir, 'resolv.conf'));
}

async function makeDatasets(
  ctx: ActionContext,
  o: ClonePotOptions,
  clones: ReadonlyArray<DatasetClone & { snapshot: string }>,
  single: boolean,
): Promise<void> {
  await ctx.host.zfs.create(potDataset(ctx, o.pot));
  if (!single) await realFiles(ctx).mkdirp(path.join(potPath(ctx, o.pot), 'm'));
  for (const c of clones) {
    throwIfAborted(o.signal);
    debug(ctx, `clone ${c.source}@${c.snapshot} into ${c.target}`);
    await ctx.host.zfs.clone(`${c.source}@${c.snapshot}`, c.target, { mountpoint: c.mountpoint });
  }
}

export async function clonePot(ctx: ActionContext, o: ClonePotOptions): Promise<ClonedPot> {
  assertNetworkConfig(ctx);
  validatePotName(o.template, { purpose: 'existing' });
  // a template an import is receiving right now is cloned once it is whole (a plan waits too: locks are real)
  await withImportLock(o.template, async () => undefined, { potTmp: ctx.settings.tmp });
  const r = await checkRequest(ctx, o);
  const paths: ClonePaths = { zfsRoot: ctx.settings.zfsRoot, fsRoot: ctx.settings.fsRoot, template: o.template, pot: o.pot };
  const templateFscomp = (await potStore(ctx).readFscompConf(o.template)) ?? new FscompConf();
  const single = r.template.type === 'single';
  const plan = single ? planSingleClone(templateFscomp, paths) : planMultiClone(templateFscomp, paths);
  return withGlobalLock(
    async () => {
      const network = await decideCloneNetwork(ctx, o, r);
      const clones = await snapshotsToClone(ctx, o, plan);
      debug(ctx, `Cloning ${o.template} into ${o.pot}`);
      await makingPot(ctx, o, async () => {
        throwIfAborted(o.signal);
        await makeDatasets(ctx, o, clones, single);
        throwIfAborted(o.signal);
        await writeConf(ctx, o, r, network, plan.fscomp);
        throwIfAborted(o.signal);
      });
      return { name: o.pot, template: o.template, network, stack: r.stack, dns: r.dns, clones };
    },
    { globalDir: ctx.settings.tmp },
  );
}
