export { writeFileAtomic } from '../host/atomic-write.js';
export * from './key-value-file.js';
export * from './pot-conf.js';
export * from './fscomp-conf.js';
export * from './status.js';
export * from './bridge-file.js';
export * from './paths.js';
export * from './store.js';
