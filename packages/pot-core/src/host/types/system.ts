/** Users, groups and the machine's identity. */

/** Users, groups and the machine's identity. */
export interface SystemOps {
  /** The effective user id of pot's own process tree (0 = root). */
  uid(): Promise<number>;
  groupExists(name: string): Promise<boolean>;
  hostname(): Promise<string>;
}
