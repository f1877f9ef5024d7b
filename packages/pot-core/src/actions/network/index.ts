// Bridges, addresses and interfaces: the address book, private bridges, vnet-start's
// public bridge and NAT, a bridged pot's epairs, exported ports' rdr rules and files with network lines.
// Only what callers outside actions/ use; the folders import each other's files directly.
export { bridgeInfo, createPrivateBridge, destroyBridge, listBridges } from './bridges.js';
export { assertNetworkConfig, warnNetworkConfig } from './network-check.js';
export { vnetStart } from './vnet-start.js';
