export * from './schema.js';
export * from './check.js';
export * from './load.js';
export * from './settings.js';
