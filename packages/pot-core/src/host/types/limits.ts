/** Resource limits of jails. */

/** Resource limits of jails (rctl). */
export interface ResourceLimitOps {
  /** Whether resource accounting is on (`kern.racct.enable`). */
  available(): Promise<boolean>;
  /** The jail's current usage (`memoryuse`, `vmemoryuse`, ...), human-readable values (`raw`: as counted: bytes, seconds, percent). */
  usage(jail: string, options?: { readonly raw?: boolean }): Promise<Record<string, string>>;
  /** Denies more than `value` of `resource` to the jail. */
  limit(jail: string, resource: string, value: string): Promise<void>;
  /** Removes every rule of the jail (none: no error). */
  removeAll(jail: string): Promise<void>;
  /** Pins a running jail to `count` CPUs, the least used ones; answers the CPU list. */
  pinCpus(jid: number, count: number): Promise<string>;
}
