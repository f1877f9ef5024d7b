// A pot's own settings in its pot.conf: attributes, command, environment, hosts,
// resource limits, dependencies, hooks, exported ports, DNS mode.
// Only what callers outside actions/ use; the folders import each other's files directly.
export { exportPorts } from './export-ports.js';
export { READABLE_ATTRIBUTES, SETTABLE_ATTRIBUTES, getAttribute, setAttribute } from './pot-attributes.js';
export { setPotCmd } from './pot-cmd.js';
export { addPotDependency } from './pot-depend.js';
export { envAssignment, setPotEnv } from './pot-env.js';
export { setHooks } from './pot-hooks.js';
export type { HookName } from './pot-hooks.js';
export { hostEntry, setPotHosts } from './pot-hosts.js';
export { memoryConstraint, setPotRss } from './resource-limits.js';
