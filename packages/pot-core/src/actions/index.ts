// pot-core's decisions for init, de-init, vnet-start, private bridges, doctor and config.
export * from './settings.js';
export * from './context.js';
export * from './net.js';
export * from './address-book.js';
export * from './bridges.js';
export * from './config.js';
export * from './vnet-start.js';
export * from './init.js';
export * from './de-init.js';
export * from './doctor.js';
export * from './network-check.js';
export * from './export-ports.js';
export * from './pots.js';
export * from './destroy-pot.js';
