/** Datasets: a pot's file systems, their properties, snapshots and clones. */

export interface DatasetOps {
  exists(name: string): Promise<boolean>;
  /** Creates a dataset with properties (in the order given). */
  create(name: string, properties?: Readonly<Record<string, string>>): Promise<void>;
  /** A property's value as `zfs get` prints it (`exact`: sizes as numbers of bytes, `zfs get -p`). */
  getProperty(name: string, property: string, options?: { readonly exact?: boolean }): Promise<string | undefined>;
  setProperty(name: string, property: string, value: string): Promise<void>;
  /** Drops a locally set property: the dataset inherits it again (`zfs inherit`). */
  inheritProperty(name: string, property: string): Promise<void>;
  /** The names of every property the dataset knows (used to find e.g. `encryption` support). */
  propertyNames(name: string): Promise<string[]>;
  /** The mountpoint property; undefined when the dataset does not exist. */
  mountpoint(name: string): Promise<string | undefined>;
  /** Whether the dataset is mounted. */
  isMounted(name: string): Promise<boolean>;
  /** Direct children (full names, sorted as the host lists them). */
  children(name: string): Promise<string[]>;
  /** Snapshots of the dataset (full `DS@snap` names, oldest first). */
  snapshots(name: string): Promise<string[]>;
  snapshot(name: string, snapshot: string, options?: { readonly recursive?: boolean }): Promise<void>;
  /** Destroys a dataset or a snapshot (`DS@snap`); `force` unmounts busy file systems first. */
  destroy(name: string, options?: { readonly recursive?: boolean; readonly force?: boolean }): Promise<void>;
  /** Copies a snapshot into a new dataset (send | receive), leaving out the given properties. */
  copySnapshot(snapshot: string, target: string, options?: { readonly excludeProperties?: readonly string[] }): Promise<void>;
  mount(name: string): Promise<void>;
  unmount(name: string, options?: { readonly force?: boolean }): Promise<void>;
  rename(name: string, newName: string): Promise<void>;
  /** A writable clone of a snapshot (`DS@snap`) as the new dataset `target`, mounted at `mountpoint` when given. */
  clone(snapshot: string, target: string, options?: { readonly mountpoint?: string }): Promise<void>;
  /** Rolls a dataset back to its most recent snapshot `DS@snap`. */
  rollback(snapshot: string): Promise<void>;
  /** The dataset and every dataset below it (full names, as the host lists them); [] when it does not exist. */
  tree(name: string): Promise<string[]>;
}
