// Public API of @pot/core. Each area appends its own export lines.
export { PotError, isPotError } from './errors/pot-error.js';
export type { PotErrorCode, PotErrorDetail, PotErrorOptions } from './errors/pot-error.js';
export * as actions from './actions/index.js';
