/**
 * The host seam: every effect pot has on the machine goes through a `Host`.
 * The interface speaks in operations (datasets, jails, interfaces, packet
 * filter anchors, kernel parameters, ...) and never names a tool: the FreeBSD
 * driver (./freebsd) maps them to zfs/jail/ifconfig/pfctl/...; a Linux driver
 * (network namespaces, veth, bridges, nftables) can implement the same interface.
 *
 * Conventions: queries answer `undefined`/`false` when the thing does not
 * exist; mutating operations throw PotError (code `host-command`) when the
 * host refuses them, unless their result type says otherwise.
 */
export type * from './types/network.js';
export type * from './types/datasets.js';
export type * from './types/jails.js';
export type * from './types/packet-filter.js';
export type * from './types/kernel.js';
export type * from './types/services.js';
export type * from './types/mounts.js';
export type * from './types/syslog.js';
export type * from './types/files.js';
export type * from './types/processes.js';
export type * from './types/limits.js';
export type * from './types/system.js';
export type * from './types/transfers.js';
export type * from './types/clock.js';
export type * from './types/plan.js';
export type * from './types/host.js';
