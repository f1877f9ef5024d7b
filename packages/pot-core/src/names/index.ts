export * from './names.js';
export * from './limits.js';
export * from './rdr-anchor.js';
