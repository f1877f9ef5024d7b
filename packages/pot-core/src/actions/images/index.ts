// Images: export a pot as a compressed snapshot, import one, prepare a pot from it.
// Only what callers outside actions/ use; the folders import each other's files directly.
export { exportPot } from './export-pot.js';
export { importPot } from './import-pot.js';
export { preparePot } from './prepare-pot.js';
export type { PreparePotOptions } from './prepare-pot.js';
