// FreeBSD releases: supported ones (MANIFESTS), names, URLs, checksums.
export * from './version-sort.js';
export * from './releases.js';
export * from './manifest.js';
export * from './checksum.js';
