// The `actions` namespace of @pot/core: pot's decisions, grouped by concept (README "Architecture").
// Each folder's index names what it offers.
export * from './context/index.js';
export * from './network/index.js';
export * from './settings/index.js';
export * from './datasets/index.js';
export * from './bases/index.js';
export * from './files-and-mounts/index.js';
export * from './queries/index.js';
export * from './running/index.js';
export * from './lifecycle/index.js';
export * from './images/index.js';
export * from './host-setup/index.js';
export * as releases from '../releases/index.js';
