// Public API of @pot/core. Each area appends its own export lines.
export { PotError, isPotError } from './errors/pot-error.js';
export type { PotErrorCode, PotErrorDetail, PotErrorOptions } from './errors/pot-error.js';
export * as actions from './actions/index.js';
export * as host from './host/index.js';
export { createFreeBsdHost, createExecaRunner, createRecordingRunner, createDryRunRunner, formatCommand as formatHostCommand, shellQuote } from './host/index.js';
export type { Host, HostCommand, CommandRunner, CommandResult, FreeBsdHostOptions, RecordingRunner } from './host/index.js';
