// What every action gets (host seam, settings, verbosity, reporter) and how a pot is found.
// Only what callers outside actions/ use; the folders import each other's files directly.
export { info, syslog } from './context.js';
export type { ActionContext } from './context.js';
export { existingPot } from './pot-lookup.js';
export { loadSettings } from '../../config/settings.js';
export type { PotSettings } from '../../config/settings.js';
