// FreeBSD releases and bases: supported releases, the base tarball, a base's datasets.
// Only what callers outside actions/ use; the folders import each other's files directly.
export { supportedReleases } from './base-releases.js';
