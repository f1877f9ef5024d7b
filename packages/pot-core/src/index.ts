// Public API of @pot/core. Each area appends its own export lines.
export { PotError, isPotError, POT_ERROR_CODES } from './errors/pot-error.js';
export { notFound, listingHint } from './errors/not-found.js';
export type { MissingKind, NotFoundOptions } from './errors/not-found.js';
export type { PotErrorCode, PotErrorDetail, PotErrorOptions } from './errors/pot-error.js';
export * as actions from './actions/index.js';
export * as host from './host/index.js';
export {
  createFreeBsdHost,
  createExecaRunner,
  createRecordingRunner,
  createDryRunRunner,
  formatCommand as formatHostCommand,
  shellQuote,
} from './host/index.js';
export type { Host, HostCommand, CommandRunner, CommandResult, FreeBsdHostOptions, RecordingRunner } from './host/index.js';
export * as config from './config/index.js';
export {
  loadPotConfig,
  resolveEtcDir,
  bundledDefaultsPath,
  checkConfig,
  assertConfig,
  configFromValues,
  potConfigSchema,
  POT_DEFAULTS,
} from './config/index.js';
export type { PotConfig, ConfigFinding, ConfigSource, LoadedPotConfig, LoadPotConfigOptions, NetworkStack } from './config/index.js';
export * as store from './store/index.js';
export {
  PotStore,
  PotConf,
  FscompConf,
  KeyValueFile,
  newPotConfText,
  newFscompConfText,
  writeFileAtomic,
  transition as statusTransition,
} from './store/index.js';
export type { PotStoreOptions, PotStatus, PotState, BridgeDefinition, NewPotConf, FscompEntry } from './store/index.js';
export * as names from './names/index.js';
export { validateName, validatePotName, validateBridgeName, validateFscompName, validateBaseName, checkName, isValidName } from './names/index.js';
export type { NameKind, NameProblem, NameRule } from './names/index.js';
export * as locks from './locks/index.js';
export { acquireLock, withLock, withGlobalLock, withPotLock, globalLockPath, potLockPath } from './locks/index.js';
export type { LockOptions, LockHandle, LockPaths } from './locks/index.js';
export { heldLocksEnv, HELD_LOCKS_ENV, readLockOwner } from './locks/index.js';
export * as ports from './ports/index.js';
export { parsePortSpec, parseStoredPortSpecs, formatPortSpecs, assignHostPorts, hostPortRange, lowestFreePort, rdrRules } from './ports/index.js';
export type { PortSpec, PortProtocol, PortRange, ExportedPort, RdrTarget } from './ports/index.js';
export { decideNetwork } from './network/index.js';
export type { NetworkRequest, NetworkDecision, NetworkContext } from './network/index.js';
