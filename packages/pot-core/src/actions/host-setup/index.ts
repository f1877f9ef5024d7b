// The host itself: init, de-init, doctor, update-config.
// Only what callers outside actions/ use; the folders import each other's files directly.
export { deInitPot } from './de-init.js';
export { doctor } from './doctor.js';
export type { Finding, Severity } from './finding.js';
export { initPot } from './init.js';
export { updateConfig } from './update-config.js';
