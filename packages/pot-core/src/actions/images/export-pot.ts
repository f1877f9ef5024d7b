/**
 * `pot export -p POT` (shell pot 0.16.0 export.sh): a single pot's snapshot as
 * an image in DIR: `NAME_TAG.xz` (`zfs send -R DS@SNAP | xz -LEVEL -T 0`),
 * `NAME_TAG.xz.meta` (`-`, or `ORIGIN:TAG@SNAP` for a clone) and
 * `NAME_TAG.xz.skein` (skein1024 of image and meta; with -S signed with signify
 * into `NAME_TAG.xz.skein.sig`), then `:pot.tag` and
 * `:pot.snap` on the pot's dataset. A failure removes the files it wrote (shell
 * pot said "Export failed" but kept the tag and answered success).
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, doneOrPlanned, info, realFiles, requireRoot, userPath } from '../context/context.js';
import { checkKeyFile, imageFileName } from './import-pot.js';
import { existingPot, potDataset } from '../context/pot-lookup.js';
import { purgeSnapshots, takeSnapshot } from '../datasets/pot-snapshots.js';
import { newestSnapshot, snapshotPart } from '../datasets/snapshot-names.js';

export interface ExportPotOptions {
  pot: string;
  /** -t (default: the snapshot's name). */
  tag?: string;
  /** -c: tags are versions that must not decrease. */
  checkTag?: boolean;
  /** -D (default: the working directory). */
  dir?: string;
  /** -l 0..9 (default 6). */
  level?: number;
  /** -F: export although there are several snapshots. */
  force?: boolean;
  /** -A: take a snapshot when there is none, purge the older ones when there are several. */
  autoFix?: boolean;
  /** -S: a signify secret key: the `.skein` is signed into `.skein.sig`. */
  seckey?: string;
}

export interface ExportedPot {
  image: string;
  meta: string;
  skein: string;
  /** `.skein.sig`, when signed (-S). */
  signature?: string;
  snapshot: string;
  tag: string;
}

/** `sort -V`-like order of two tags: negative when a comes first. */
export function compareVersions(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

async function snapshotNames(ctx: ActionContext, dataset: string): Promise<string[]> {
  return (await ctx.host.zfs.snapshots(dataset)).map(snapshotPart);
}

async function checkTagOrder(ctx: ActionContext, dataset: string, tag: string, snap: string): Promise<void> {
  const prevTag = await ctx.host.zfs.getProperty(dataset, ':pot.tag');
  if (prevTag === undefined || prevTag === '' || prevTag === '-') return;
  const prevSnap = await ctx.host.zfs.getProperty(dataset, ':pot.snap');
  if (prevTag === tag && prevSnap !== snap)
    throw new PotError('host-state', 'Already exported a different snapshot tagged as this version', { suggestion: 'give a higher tag with -t' });
  if (compareVersions(tag, prevTag) < 0)
    throw new PotError('usage', 'Tag version lower than the previously exported one', { suggestion: `the last export was tagged ${prevTag}` });
}

/** `-`, or `ORIGIN:TAG@SNAP` when the pot's `m` is a clone of an exported pot. */
async function metaOf(ctx: ActionContext, dataset: string): Promise<string> {
  const origin = await ctx.host.zfs.getProperty(`${dataset}/m`, 'origin');
  if (origin === undefined || origin === '' || origin === '-') return '-';
  const snapshot = origin.replace('/m@', '@');
  const [originDataset = '', originSnap = ''] = snapshot.split('@');
  const originPot = path.posix.basename(originDataset);
  const originTag = await ctx.host.zfs.getProperty(originDataset, ':pot.tag');
  if (originTag === undefined || originTag === '' || originTag === '-') {
    throw new PotError('host-state', `Origin ${originPot} has no :pot.tag, please export first`, { suggestion: `pot export -p ${originPot}` });
  }
  return `${originPot}:${originTag}@${originSnap}`;
}

export async function exportPot(ctx: ActionContext, o: ExportPotOptions): Promise<ExportedPot> {
  if (o.pot === '') throw new PotError('usage', 'A pot name is mandatory', { suggestion: 'give it with -p POT' });
  const level = o.level ?? 6;
  if (!Number.isInteger(level) || level < 0 || level > 9)
    throw new PotError('usage', `${level} is an invalid compression level`, { suggestion: 'a level from 0 to 9' });
  validatePotName(o.pot, { purpose: 'existing' });
  const files = realFiles(ctx);
  const dir = userPath(ctx, o.dir ?? '.');
  if (!(await files.isDirectory(dir)))
    throw new PotError('not-found', `${o.dir ?? dir} is not a directory`, { suggestion: 'give an existing directory with -D' });
  const conf = await existingPot(ctx, o.pot);
  if (conf.type !== 'single')
    throw new PotError('unsupported', `pot ${o.pot} not supported - only single type pot can be exported`, {
      suggestion: 'export a single pot (pot create -t single)',
    });
  const seckey = o.seckey ? userPath(ctx, o.seckey) : undefined;
  if (seckey !== undefined) await checkKeyFile(ctx, seckey, 'Signature key');
  const dataset = potDataset(ctx, o.pot);
  let snaps = await snapshotNames(ctx, dataset);
  if (snaps.length === 0) {
    if (!o.autoFix)
      throw new PotError('host-state', `Pot ${o.pot} has no snapshots - please use pot snapshot for that`, {
        suggestion: `pot snapshot -p ${o.pot}, or export with -A`,
      });
    info(ctx, `Taking a snapshot of ${o.pot}`);
    await takeSnapshot(ctx, { target: { pot: o.pot } });
    snaps = await snapshotNames(ctx, dataset);
  }
  if (snaps.length > 1) {
    if (o.force) info(ctx, `Pot ${o.pot} has multiple snapshots and they all will be exported`);
    else if (o.autoFix) {
      info(ctx, `Pot ${o.pot} has more than 1 snapshot - auto-purge will delete older snapshots`);
      await purgeSnapshots(ctx, { target: { pot: o.pot } });
      snaps = await snapshotNames(ctx, dataset);
    } else {
      throw new PotError('host-state', `Pot ${o.pot} has more than 1 snapshot - use -A to auto-purge old snapshots or -F to force exporting`, {
        suggestion: `pot export -A -p ${o.pot}`,
      });
    }
  }
  const snap = newestSnapshot(snaps);
  if (snap === undefined) throw new PotError('host-state', `Pot ${o.pot} has no snapshots`);
  const tag = o.tag ?? snap;
  if (tag === '' || !/^[A-Za-z0-9._-]+$/.test(tag))
    throw new PotError('usage', `${JSON.stringify(tag)} is not a valid tag`, { suggestion: "a tag is made of letters, digits, '.', '_' and '-'" });
  await requireRoot(ctx);
  const image = path.join(dir, imageFileName(o.pot, tag));
  info(ctx, `exporting ${o.pot} @ ${snap} to ${image}`);
  if (o.checkTag) await checkTagOrder(ctx, dataset, tag, snap);
  const meta = await metaOf(ctx, dataset);
  const out: ExportedPot = {
    image,
    meta: `${image}.meta`,
    skein: `${image}.skein`,
    snapshot: snap,
    tag,
    ...(seckey ? { signature: `${image}.skein.sig` } : {}),
  };
  try {
    await ctx.host.images.sendCompressed(`${dataset}@${snap}`, image, level);
    await files.write(out.meta, `${meta}\n`);
    // the digest is of the image just written (a dry run's is only planned: the plan names it)
    const digest = await ctx.host.plan.afterChanges(
      () => ctx.host.images.skein1024([image, out.meta]),
      () => `(skein1024 of ${path.basename(image)} and ${path.basename(out.meta)})`,
    );
    await files.write(out.skein, `${digest}\n`);
    if (seckey !== undefined) await ctx.host.images.sign(seckey, out.skein);
  } catch (err) {
    for (const f of [out.image, out.meta, out.skein, `${out.skein}.sig`]) await files.remove(f);
    throw new PotError('host-command', `Export failed: ${err instanceof Error ? err.message : String(err)}`, {
      suggestion: `nothing was kept in ${dir}`,
      cause: err,
    });
  }
  await ctx.host.zfs.setProperty(dataset, ':pot.tag', tag);
  await ctx.host.zfs.setProperty(dataset, ':pot.snap', snap);
  debug(ctx, doneOrPlanned(ctx, `exported ${o.pot} as ${image}`, `${o.pot} would be exported as ${image}`));
  return out;
}
