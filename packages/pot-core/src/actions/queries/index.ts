// What pot shows without changing anything: list, info, show, ps, top, get-rss,
// last-run-stats, config.
// Only what callers outside actions/ use; the folders import each other's files directly.
export { CONFIG_NAMES, configValue, isConfigName } from './config-values.js';
export { lastRunStats } from './last-run-stats.js';
export { listBases, listFlavours, listFscomps } from './list-bases-fscomps-flavours.js';
export { formatPotInfo, potEnvironment, potInfo, potSnapshotNames, potVariables } from './pot-info.js';
export type { PotInfo } from './pot-info.js';
export { formatPotSummary, listPots } from './pot-list.js';
export type { PotSummary } from './pot-list.js';
export { potPs } from './pot-ps.js';
export { formatResourceUsage, formatResourceUsageJson, potResourceUsage } from './resource-usage.js';
export type { PotResourceUsage } from './resource-usage.js';
export { formatPotShow, potsToShow, showPot, showPots } from './show-pot.js';
export type { PotShow } from './show-pot.js';
