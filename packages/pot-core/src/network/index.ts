export * from './network-params.js';
