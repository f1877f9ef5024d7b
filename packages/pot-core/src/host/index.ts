/**
 * The host seam: the `Host` interface (operations, no tool names), the FreeBSD
 * driver, and the command runners beneath it (execa, recording, dry-run).
 */
export type * from './types.js';
export type { HostCommand, CommandResult, CommandRunner } from './command.js';
export { shellQuote, formatArgv, formatCommand, formatPlan, formatLogLines, commandContent, commandError } from './command.js';
export type {
  ExecaRunnerOptions,
  RecordedCommand,
  RecordingRunner,
  RecordingRunnerOptions,
  ScriptedAnswer,
  DryRunOptions,
} from './runners.js';
export { DEFAULT_PATH, hostToolEnv, createExecaRunner, createRecordingRunner, createDryRunRunner } from './runners.js';
export { createRootedFiles, createFileOps, resolveUnder } from './files.js';
export type { ManualClock, WaitOptions } from './clock.js';
export { systemClock, createManualClock, waitUntil } from './clock.js';
export type { FreeBsdHostOptions } from './freebsd/driver.js';
export { createFreeBsdHost } from './freebsd/driver.js';
export * as freebsdParse from './freebsd/parse.js';
