/**
 * FreeBSD releases as shell pot 0.16.0 knew them: a release is
 * supported when the package freebsd-release-manifests has a MANIFEST for it,
 * `/usr/local/share/freebsd/MANIFESTS/<hw.machine>-<hw.machine_arch>-<NAME>`;
 * releases are listed in `sort -V` order with `-RELEASE` removed (`13.2`,
 * `14.0-RC1`). Pure code: the host's files are listed by the caller.
 */
import { compareVersions } from './version-sort.js';

export const MANIFESTS_DIR = '/usr/local/share/freebsd/MANIFESTS';
/** Where shell pot downloaded releases from. */
export const RELEASES_URL = 'https://ftp.freebsd.org/pub/FreeBSD/releases';

export interface HostArch {
  /** `hw.machine` (amd64, arm64). */
  readonly machine: string;
  /** `hw.machine_arch` (amd64, aarch64). */
  readonly arch: string;
}

export interface Release {
  /** The short name users give with `-r`: `13.2`, `14.0-RC1`. */
  readonly release: string;
  /** The release's full name, in URLs, cache files and `.osrelease`: `13.2-RELEASE`, `14.0-RC1`. */
  readonly name: string;
  /** The MANIFEST file (absolute, on the host). */
  readonly manifest: string;
}

/** `amd64-amd64`: the prefix of the MANIFEST files of this machine. */
export const manifestPrefix = (a: HostArch): string => `${a.machine}-${a.arch}`;

/**
 * A release's full name from the MANIFEST file's suffix: kept when it says what
 * it is (`13.2-RELEASE`, `14.0-RC1`, `14.0-BETA2`), else `-RELEASE` is added
 * (shell pot added it to everything without `RC`, which broke BETA releases).
 */
export function fullReleaseName(suffix: string): string {
  return suffix.includes('-') ? suffix : `${suffix}-RELEASE`;
}

/** The supported releases, in `sort -V` order, from the names of the files in MANIFESTS_DIR. */
export function releasesFromManifests(a: HostArch, fileNames: readonly string[]): Release[] {
  const prefix = `${manifestPrefix(a)}-`;
  const suffixes = fileNames.filter((f) => f.startsWith(prefix) && f.length > prefix.length && !f.includes('/')).map((f) => f.slice(prefix.length));
  const byRelease = new Map<string, Release>();
  for (const suffix of [...suffixes].sort(compareVersions)) {
    const release = suffix.replace('-RELEASE', '');
    const found: Release = { release, name: fullReleaseName(suffix), manifest: `${MANIFESTS_DIR}/${prefix}${suffix}` };
    // `13.2-RELEASE` and a bare `13.2` name the same release: the package's own name wins
    const known = byRelease.get(release);
    if (known === undefined || (!known.manifest.endsWith('-RELEASE') && suffix.endsWith('-RELEASE'))) byRelease.set(release, found);
  }
  return [...byRelease.values()];
}

/** What to tell someone whose release is not among `releases`: the list, or the package that provides it. */
export function supportedReleasesHint(releases: readonly Pick<Release, 'release'>[]): string {
  return releases.length > 0
    ? `supported releases: ${releases.map((r) => r.release).join(' ')} (newer ones come with updates of the package freebsd-release-manifests)`
    : `no release is supported on this host: install the package freebsd-release-manifests (pkg install freebsd-release-manifests; it fills ${MANIFESTS_DIR})`;
}

/** Where the base system of a release is downloaded from (shell pot's URL). */
export function baseTarballUrl(a: HostArch, r: Pick<Release, 'name'>): string {
  return `${RELEASES_URL}/${a.machine}/${a.arch}/${r.name}/base.txz`;
}

/** The file name of a release's base system in POT_CACHE: `13.2-RELEASE_base.txz`. */
export const baseTarballFileName = (r: Pick<Release, 'name'>): string => `${r.name}_base.txz`;

/** The level-0 pot of a base: `base-` and the name with its first `.` made `_` (`13.2` → `base-13_2`). */
export const basePotName = (base: string): string => `base-${base.replace('.', '_')}`;
