/**
 * A base's datasets and file tree, as shell pot's create-base made them
 * (`_cb_zfs`, `_cb_tar_dir`):
 *
 *   ZR/bases/B            FS/bases/B              the extracted base.txz, .osrelease
 *   ZR/bases/B/usr.local  FS/bases/B/usr/local
 *   ZR/bases/B/custom     FS/bases/B/opt/custom   etc, root, var moved here, linked back
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import type { Release } from '../../releases/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, extractArchive, info, realFiles, warn } from '../context/context.js';

export const baseDataset = (ctx: ActionContext, base: string): string => `${ctx.settings.zfsRoot}/bases/${base}`;
export const basePath = (ctx: ActionContext, base: string): string => path.join(ctx.settings.fsRoot, 'bases', base);

/** The datasets of a base, parent first, with their mountpoints (undefined: inherited). */
function baseDatasets(ctx: ActionContext, base: string): Array<{ name: string; mountpoint?: string }> {
  const ds = baseDataset(ctx, base);
  const mnt = basePath(ctx, base);
  return [{ name: ds }, { name: `${ds}/usr.local`, mountpoint: `${mnt}/usr/local` }, { name: `${ds}/custom`, mountpoint: `${mnt}/opt/custom` }];
}

/** Refuses to build over what another base left: its dataset, or a non-empty directory. */
export async function checkBaseLeftovers(ctx: ActionContext, base: string): Promise<void> {
  const ds = baseDataset(ctx, base);
  if (await ctx.host.zfs.exists(ds)) {
    throw new PotError('already-exists', `the dataset ${ds} exists already (an incomplete base?)`, {
      suggestion: `look at it, then remove it with 'zfs destroy -r ${ds}'`,
    });
  }
  const dir = basePath(ctx, base);
  if ((await realFiles(ctx).list(dir)).length > 0) {
    throw new PotError('already-exists', `the directory ${dir} exists already and is not empty (an incomplete base?)`, {
      suggestion: `look at it, then remove it`,
    });
  }
}

/** `_cb_zfs`: creates the three datasets; `made` gets each one as soon as it exists. */
export async function makeBaseDatasets(ctx: ActionContext, base: string, made: string[]): Promise<void> {
  info(ctx, `Create the zfs datasets for base release ${baseDataset(ctx, base)}`);
  for (const d of baseDatasets(ctx, base)) {
    await ctx.host.zfs.create(d.name, d.mountpoint === undefined ? {} : { mountpoint: d.mountpoint });
    made.push(d.name);
  }
}

/** Links `link` (absolute inside the base) to `target`, making way for it when it is an empty directory. */
async function linkIn(ctx: ActionContext, root: string, target: string, link: string): Promise<void> {
  const files = ctx.host.files.under(root);
  await files.rmdirIfEmpty(link);
  if (await files.exists(link)) {
    info(ctx, `${path.join(root, link)} is part of the release: not replaced by a link to ${target}`);
    return;
  }
  await ctx.host.archives.symlink(target, path.join(root, link));
}

/**
 * `_cb_tar_dir`: extracts base.txz into the base, writes `.osrelease`, moves
 * etc, root and var into opt/custom (the custom dataset) and links them back,
 * and prepares usr/local (etc, var.db.pkg) and the home directories.
 */
export async function populateBase(ctx: ActionContext, base: string, release: Release, tarball: string): Promise<void> {
  const root = basePath(ctx, base);
  const files = ctx.host.files.under(root);
  const { archives } = ctx.host;
  debug(ctx, `Extracting ${tarball} into ${root}`);
  await extractArchive(ctx, tarball, root);
  await files.write('/.osrelease', `${release.name}\n`);
  for (const dir of ['root', 'etc', 'var']) {
    // looks at what the extraction made (a dry run's made nothing: as planned)
    if (
      !(await ctx.host.plan.afterChanges(
        () => files.isDirectory(`/${dir}`),
        () => true,
      ))
    ) {
      throw new PotError('host-state', `${tarball} has no ${dir} directory: it is not a FreeBSD base system`, {
        suggestion: 'remove it from POT_CACHE and run pot create-base again',
      });
    }
    await archives.copyTree(path.join(root, dir), path.join(root, 'opt', 'custom'));
  }
  for (const dir of ['/opt/custom/usr.local.etc', '/opt/custom/usr.home', '/usr/ports']) await files.mkdirp(dir);
  if (await files.exists('/var/empty')) await archives.clearImmutable(path.join(root, 'var', 'empty'));
  for (const dir of ['/etc', '/root', '/var']) await files.remove(dir);
  await archives.symlink('opt/custom/etc', path.join(root, 'etc'));
  await archives.symlink('opt/custom/root', path.join(root, 'root'));
  await archives.symlink('opt/custom/var', path.join(root, 'var'));
  if (!(await files.exists('/home'))) await archives.symlink('opt/custom/usr.home', path.join(root, 'home'));
  await linkIn(ctx, root, '../opt/custom/usr.home', '/usr/home');
  await linkIn(ctx, root, '../../opt/custom/usr.local.etc', '/usr/local/etc');
  await files.mkdirp('/usr/local/var.db.pkg');
  await files.mkdirp('/opt/custom/var/db');
  await files.remove('/opt/custom/var/db/pkg');
  await archives.symlink('../../../../usr/local/var.db.pkg', path.join(root, 'opt', 'custom', 'var', 'db', 'pkg'));
}

/** Removes what a failed create-base made: its datasets (with snapshots) and directory. Never throws. */
export async function undoBase(ctx: ActionContext, base: string, made: readonly string[]): Promise<void> {
  const ds = baseDataset(ctx, base);
  if (made.length === 0) return;
  try {
    if (await ctx.host.zfs.exists(ds)) await ctx.host.zfs.destroy(ds, { force: true, recursive: true });
    await realFiles(ctx).remove(basePath(ctx, base));
  } catch (err) {
    warn(
      ctx,
      `create-base: could not remove everything it made for ${base} (${err instanceof Error ? err.message : String(err)}): remove ${ds} and ${basePath(ctx, base)} by hand`,
    );
  }
}
