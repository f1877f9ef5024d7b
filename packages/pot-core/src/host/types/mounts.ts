/** Mounts. */

export interface MountEntry {
  readonly source: string;
  readonly target: string;
  readonly type: string;
  readonly options: readonly string[];
}

export interface MountOps {
  /** Mounts a directory onto another (read-only unless `readWrite`). */
  bind(source: string, target: string, options?: { readonly readOnly?: boolean; readonly options?: string }): Promise<void>;
  tmpfs(target: string): Promise<void>;
  /** Special file systems: devices, file descriptors, processes. */
  special(type: 'devfs' | 'fdescfs' | 'procfs' | 'linprocfs', target: string): Promise<void>;
  unmount(target: string, options?: { readonly force?: boolean }): Promise<void>;
  list(): Promise<MountEntry[]>;
  /** Whether something is mounted on `target`. */
  isMounted(target: string): Promise<boolean>;
}
