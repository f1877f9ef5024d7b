export * from './network-params.js';
export * from './alias.js';
