/**
 * potnet: pot's network allocator as a library. Load the configuration
 * (`loadSystemConfig`), read the pots and bridges once (`readInventory`), and
 * ask an `AddressBook` what is taken, what is next, where a bridge fits.
 */
export const POTNET_COMPAT_VERSION = '0.5.0';

export { parseShellAssignments } from './shell-assignments.js';
export type { ConfDiagnostic, ShellAssignments } from './shell-assignments.js';
export { type Family, type Ip, ipOf, parseIp, parseIpv4, parseIpv6, formatIp, compareIp, sameIp } from './ip.js';
export { type IpNet, ipNetOf, parseIpNet, networkOf, broadcastOf, netmaskOf, contains, hostRange, sizeOf, formatIpNet, formatNetwork } from './ipnet.js';
export {
  type SystemConfig,
  type LoadOptions,
  loadSystemConfig,
  readSystemConfig,
  type SystemConfigRead,
  type ConfFileRead,
  systemConfigFromTexts,
  parsePotnetConf,
  readPotnetConf,
  locatePotPrefix,
  findPotExecutable,
} from './system-config.js';
export {
  type Inventory,
  type InventoryDiagnostic,
  type PotEntry,
  type BridgeEntry,
  type NetworkType,
  readInventory,
  readPots,
  readBridges,
  potFromConf,
  bridgeFromConf,
  MAX_BRIDGE_ADDRESSES,
} from './inventory.js';
export { AddressBook, type AddressEntry, type AddressHolder, type AddressRange, describeHolders, networkSizeBits } from './address-book.js';
export { checkSystemConfig, readerFinding, type ConfigFinding, type CheckInput } from './config-check.js';
export { PotnetError } from './potnet-error.js';
export { runPotnetCli, POTNET_CLI_VERSION } from './cli-main.js';
export type { PotnetIO } from './stdio.js';
