/** Interfaces, bridges, epairs, addresses and routes. */

/** An IPv4 or IPv6 address assigned to an interface. */
export interface InterfaceAddress {
  readonly family: 'inet' | 'inet6';
  readonly address: string;
  readonly prefixLength: number;
  /** IPv4: dotted netmask. */
  readonly netmask?: string;
  readonly broadcast?: string;
  /** IPv6 scope (`%lo0` of `fe80::1%lo0`), without the `%`. */
  readonly scope?: string;
}

export interface BridgeMember {
  readonly name: string;
  /** The member is a private port (no traffic with other private ports). */
  readonly private: boolean;
}

export interface InterfaceInfo {
  readonly name: string;
  readonly flags: readonly string[];
  readonly up: boolean;
  readonly mtu?: number;
  readonly description?: string;
  readonly ether?: string;
  readonly addresses: readonly InterfaceAddress[];
  /** Bridges only. */
  readonly members: readonly BridgeMember[];
  readonly groups: readonly string[];
}

/** An address to set: `prefixLength` (CIDR form) or `netmask` (dotted, IPv4). */
export interface AddressSpec {
  readonly family: 'inet' | 'inet6';
  readonly address: string;
  readonly prefixLength?: number;
  readonly netmask?: string;
  /** Add next to the existing addresses instead of replacing the first one. */
  readonly alias?: boolean;
}

export interface NewInterfaceOptions {
  readonly description?: string;
  /** Interface group (`pot`). */
  readonly group?: string;
}

export interface EpairNames {
  /** Host side. */
  readonly a: string;
  /** Jail side. */
  readonly b: string;
}

export interface NetworkOps {
  /** Every interface visible on the host. */
  list(): Promise<string[]>;
  /** The interfaces in a group (`bridge`, `pot`, `epair`). */
  inGroup(group: string): Promise<string[]>;
  /** The bridges of the host (any name). */
  bridges(): Promise<string[]>;
  exists(name: string): Promise<boolean>;
  /** Everything known about an interface; undefined when it does not exist. */
  show(name: string): Promise<InterfaceInfo | undefined>;
  /** The addresses of one family; undefined when the interface does not exist. */
  addresses(name: string, family?: 'inet' | 'inet6'): Promise<InterfaceAddress[] | undefined>;
  /** Creates a bridge; answers its name. */
  createBridge(options?: NewInterfaceOptions): Promise<string>;
  /** Creates a virtual ethernet pair; answers both ends' names. */
  createEpair(options?: NewInterfaceOptions): Promise<EpairNames>;
  rename(name: string, newName: string): Promise<void>;
  setAddress(name: string, address: AddressSpec): Promise<void>;
  removeAddress(name: string, family: 'inet' | 'inet6', address: string): Promise<void>;
  /** Brings the interface up (`inet6: true` also enables IPv6 on it). */
  up(name: string, options?: { readonly inet6?: boolean }): Promise<void>;
  down(name: string): Promise<void>;
  addMember(bridge: string, member: string, options?: { readonly private?: boolean }): Promise<void>;
  removeMember(bridge: string, member: string): Promise<void>;
  /** Moves an interface into a (vnet) jail. */
  moveToJail(name: string, jail: string): Promise<void>;
  destroy(name: string): Promise<void>;
}
