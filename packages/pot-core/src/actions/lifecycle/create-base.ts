/**
 * `pot create-base -r RELEASE [-b NAME]`:
 * shell pot 0.16.0's checks and messages, then — holding the create-base lock
 * — the release's base.txz from POT_CACHE or the FreeBSD mirror (sha256
 * checked against its MANIFEST), the base's datasets and tree, the level-0
 * pot `base-<NAME>` and a snapshot of the base's datasets. Made safe: nothing
 * unverified stays in the cache, existing datasets are never reused, and a
 * failure (or an abort) after the first dataset removes what this run made.
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import { withLock } from '../../locks/index.js';
import { validateBaseName, validatePotName } from '../../names/index.js';
import { basePotName, supportedReleasesHint, type Release } from '../../releases/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, ensureTmp, info, requireRoot } from '../context/context.js';
import { hostArch, supportedReleases } from '../bases/base-releases.js';
import { ensureBaseTarball, type BaseTarball } from '../bases/base-tarball.js';
import { baseDataset, checkBaseLeftovers, makeBaseDatasets, populateBase, undoBase } from '../bases/base-tree.js';
import { createPot, undoCreate } from './create-pot.js';
import { resolveFlavour, type PotCommandRunner } from './flavours.js';
import { checkPotInitialised } from '../context/pot-initialised.js';
import { isBase, potPresence, potStore } from '../context/pot-lookup.js';

export interface CreateBaseOptions {
  /** -r: the release as listed (`13.2`, `14.0-RC1`). */
  release: string;
  /** -b (default: the release). */
  base?: string;
  /** Aborting (SIGINT/SIGTERM) stops between steps and undoes what was made. */
  signal?: AbortSignal;
  /** Runs the pot commands of flavours (the CLI's dispatcher); without it the flavour is skipped. */
  runCommand?: PotCommandRunner;
}

export interface CreatedBase {
  base: string;
  release: Release;
  /** The level-0 pot of the base. */
  pot: string;
  tarball: BaseTarball;
  /** The snapshot taken of the base's datasets. */
  snapshot: string;
}

/** The flavour shell pot gave the base's level-0 pot (freebsd-update inside it), when installed. */
const BASE_POT_FLAVOUR = 'fbsd-update';

function unsupported(release: string, releases: readonly Release[]): PotError {
  return new PotError('usage', `${release} is not a supported release`, { suggestion: supportedReleasesHint(releases) });
}

const alreadyBase = (base: string): PotError =>
  new PotError('already-exists', `${base} is already a base`, { suggestion: "'pot ls -b' lists the bases; give another name with -b NAME" });

function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PotError('interrupted', 'pot create-base was interrupted', { suggestion: 'run it again' });
}

/** `_pot_zfs_snap_full`: one snapshot (epoch seconds) of every writable dataset of the pot's fscomp.conf. */
async function snapshotPotDatasets(ctx: ActionContext, pot: string): Promise<string> {
  const name = String(Math.floor(ctx.host.clock.now() / 1000));
  debug(ctx, `Taking a snapshot of ${pot}`);
  for (const e of (await potStore(ctx).readFscompConf(pot))?.entries ?? []) {
    if (e.option !== 'ro' && !e.source.startsWith('/')) await ctx.host.zfs.snapshot(e.source, name);
  }
  return name;
}

/** The request's checks, in shell pot's order; answers the release and the base name. */
async function checkRequest(ctx: ActionContext, o: CreateBaseOptions): Promise<{ release: Release; base: string; pot: string }> {
  const releases = await supportedReleases(ctx);
  const release = releases.find((r) => r.release === o.release);
  if (release === undefined) throw unsupported(o.release, releases);
  if (o.base !== undefined && (await isBase(ctx, o.base))) throw alreadyBase(o.base);
  let base = o.base;
  if (base === undefined) {
    base = release.release;
    info(ctx, `Automatically use ${base} as base name`);
  }
  validateBaseName(base);
  if (base !== release.release && releases.some((r) => r.release === base)) {
    throw new PotError('usage', `${base} has the name of another valid release and that's forbidden`, {
      suggestion: `name the base ${release.release}, or anything that is not a release`,
    });
  }
  if (await isBase(ctx, base)) throw alreadyBase(base);
  const pot = basePotName(base);
  try {
    validatePotName(pot, { zfsRoot: ctx.settings.zfsRoot });
  } catch (err) {
    throw new PotError('invalid-name', `${base} cannot name a base: its level-0 pot would be ${pot}, ${err instanceof Error ? err.message : String(err)}`, {
      suggestion: 'use a base name with at most one "."',
      cause: err,
    });
  }
  await requireRoot(ctx);
  await checkPotInitialised(ctx);
  if ((await potPresence(ctx, pot)) === 'corrupted') {
    throw new PotError('already-exists', `pot ${pot} already exists, incomplete`, { suggestion: `remove it with 'pot destroy -F -p ${pot}' first` });
  }
  return { release, base, pot };
}

/** The pot of the base (`base-13_2`), made unless it exists, flavoured and snapshotted; answers the snapshot. */
async function relatedPot(ctx: ActionContext, o: CreateBaseOptions, base: string, pot: string, made: () => void): Promise<string> {
  info(ctx, `Create the related pot [${pot}]`);
  const flavour = o.runCommand ? await resolveFlavour(ctx, BASE_POT_FLAVOUR) : undefined;
  if ((await potPresence(ctx, pot)) === 'absent') {
    const flavours = flavour && o.runCommand ? { flavours: [flavour], runCommand: o.runCommand } : {};
    await createPot(ctx, { pot, level: '0', base, type: 'multi', ...flavours, ...(o.signal === undefined ? {} : { signal: o.signal }) });
    made();
  } else {
    info(ctx, `pot ${pot} exists already: it now uses the base ${base}`);
  }
  if (!flavour) info(ctx, `flavour ${BASE_POT_FLAVOUR} not found: skipped (update ${pot} with freebsd-update yourself)`);
  throwIfAborted(o.signal);
  return snapshotPotDatasets(ctx, pot);
}

export async function createBase(ctx: ActionContext, o: CreateBaseOptions): Promise<CreatedBase> {
  const { release, base, pot } = await checkRequest(ctx, o);
  const arch = await hostArch(ctx);
  if (arch === undefined) throw new PotError('host-state', 'the machine type (hw.machine, hw.machine_arch) is unknown');
  info(ctx, `Create a base with release ${release.release}`);
  await ensureTmp(ctx);
  return withLock(
    path.join(ctx.settings.tmp, 'pot-create-base.lock'),
    async () => {
      if (await isBase(ctx, base)) throw alreadyBase(base);
      await checkBaseLeftovers(ctx, base);
      const tarball = await ensureBaseTarball(ctx, arch, release, { ...(o.signal === undefined ? {} : { signal: o.signal }) });
      throwIfAborted(o.signal);
      const made: string[] = [];
      let potMade = false;
      try {
        await makeBaseDatasets(ctx, base, made);
        throwIfAborted(o.signal);
        await populateBase(ctx, base, release, tarball.file);
        throwIfAborted(o.signal);
        // the pot is made of the base's datasets: a dry run made none, it only says so
        const snapshot = await ctx.host.plan.afterChanges(
          () =>
            relatedPot(ctx, o, base, pot, () => {
              potMade = true;
            }),
          () => {
            info(ctx, `the pot ${pot} would be created on the base ${base} and snapshotted`);
            return '';
          },
        );
        return { base, release, pot, tarball, snapshot };
      } catch (err) {
        if (potMade) await undoCreate(ctx, pot).catch(() => undefined);
        await undoBase(ctx, base, made);
        if (made.length > 0) debug(ctx, `removed what was made for ${baseDataset(ctx, base)}`);
        throw err;
      }
    },
    { what: 'the create-base lock', clock: ctx.host.clock },
  );
}
