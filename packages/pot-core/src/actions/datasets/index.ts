// A pot's and an fscomp's ZFS datasets: fscomps (create, clone, destroy) and snapshots
// (take, revert, purge).
// Only what callers outside actions/ use; the folders import each other's files directly.
export { cloneFscomp, createFscomp, destroyFscomp } from './fscomps.js';
export { purgeSnapshots, revertSnapshot, takeSnapshot } from './pot-snapshots.js';
export type { SnapshotTarget } from './pot-snapshots.js';
