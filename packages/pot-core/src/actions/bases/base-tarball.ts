/**
 * The base system of a release in POT_CACHE (`_fetch_freebsd`): reused when
 * the cached file matches the sha256 of its MANIFEST, else downloaded and
 * checked. A download that fails or does not match is removed: POT_CACHE never
 * keeps a file that did not verify.
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import { sha256OfFile } from '../../host/local-files.js';
import { baseTarballFileName, baseTarballUrl, manifestSha256, sameDigest, type HostArch, type Release } from '../../releases/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, download, info, realFiles } from '../context/context.js';

export interface BaseTarballOptions {
  /** Stops after the download (the file is then removed). */
  signal?: AbortSignal;
}

export interface BaseTarball {
  file: string;
  url: string;
  sha256: string;
  /** False when the cached file was reused. */
  downloaded: boolean;
}

/** The sha256 of base.txz in the release's MANIFEST. */
async function expectedBaseSha256(ctx: ActionContext, release: Release): Promise<string> {
  const text = await ctx.host.files.read(release.manifest);
  if (text === undefined) {
    throw new PotError('not-found', 'No manifests found - please install the package freebsd-release-manifests', {
      suggestion: 'pkg install freebsd-release-manifests',
    });
  }
  const sha = manifestSha256(text, 'base.txz');
  if (sha === undefined) {
    throw new PotError('host-state', `${release.manifest} has no sha256 for base.txz`, {
      suggestion: 'reinstall the package freebsd-release-manifests (pkg install -f freebsd-release-manifests)',
    });
  }
  return sha;
}

async function digestOrUndefined(file: string): Promise<string | undefined> {
  try {
    return await sha256OfFile(file);
  } catch {
    return undefined;
  }
}

const interrupted = (): PotError => new PotError('interrupted', 'pot create-base was interrupted', { suggestion: 'run it again' });

/** The verified base.txz of `release` in POT_CACHE, downloaded when it is not there (or does not verify). */
export async function ensureBaseTarball(ctx: ActionContext, arch: HostArch, release: Release, o: BaseTarballOptions = {}): Promise<BaseTarball> {
  const sha256 = await expectedBaseSha256(ctx, release);
  const files = realFiles(ctx);
  const cache = ctx.settings.cache;
  if (cache === '' || !(await files.isDirectory(cache))) {
    throw new PotError('host-state', `The cache directory ${cache || '(POT_CACHE)'} does not exist`, {
      suggestion: "run 'pot init' (it creates the cache dataset), or fix POT_CACHE in pot.conf",
    });
  }
  const file = path.join(cache, baseTarballFileName(release));
  const url = baseTarballUrl(arch, release);
  if (await files.exists(file)) {
    const cached = await digestOrUndefined(file);
    if (cached !== undefined && sameDigest(cached, sha256)) {
      info(ctx, `Using ${file} (already downloaded, sha256 verified)`);
      return { file, url, sha256, downloaded: false };
    }
    info(ctx, `${file} does not match its MANIFEST: downloading it again`);
    await files.remove(file);
  }
  info(ctx, `Fetching ${url}`);
  try {
    await download(ctx, url, file);
  } catch (err) {
    await files.remove(file);
    throw new PotError('host-command', `fetch of ${release.name} failed: ${err instanceof Error ? err.message : String(err)}`, {
      suggestion: `check the network and that ${url} exists; nothing was kept in ${cache}`,
      cause: err,
    });
  }
  if (o.signal?.aborted) {
    await files.remove(file);
    throw interrupted();
  }
  // the download is checked once it is there (a dry run's is only planned)
  await ctx.host.plan.afterChanges(() => verifyDownload(ctx, release, { file, url, sha256 }));
  return { file, url, sha256, downloaded: true };
}

/** The downloaded file matches the MANIFEST's sha256, else it is removed and the download refused. */
async function verifyDownload(ctx: ActionContext, release: Release, t: Pick<BaseTarball, 'file' | 'url' | 'sha256'>): Promise<void> {
  const got = await digestOrUndefined(t.file);
  if (got === undefined || !sameDigest(got, t.sha256)) {
    await realFiles(ctx).remove(t.file);
    throw new PotError('host-state', `sha256 of ${t.url} doesn't match its MANIFEST: aborting`, {
      details: [
        { path: 'expected', message: t.sha256 },
        { path: 'got', message: got ?? '(file not readable)' },
      ],
      suggestion: `the download was removed; run 'pot create-base' again, or update freebsd-release-manifests if ${release.manifest} is outdated`,
    });
  }
  debug(ctx, `sha256 of ${t.file} verified`);
}
