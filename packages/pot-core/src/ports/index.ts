export * from './port-spec.js';
export * from './rdr-rules.js';
