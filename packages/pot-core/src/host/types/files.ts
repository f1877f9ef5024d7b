/** Files: below one root, and pot's own store files. */

/** Files below one root directory (a pot's root or the host root). */
export interface RootedFiles {
  /** The root directory. */
  readonly root: string;
  /** Where `file` (absolute inside the root) is for this process; symlinks inside the root stay inside it. */
  resolve(file: string): Promise<string>;
  read(file: string): Promise<string | undefined>;
  write(file: string, content: string, options?: { readonly mode?: number }): Promise<void>;
  exists(file: string): Promise<boolean>;
  isDirectory(file: string): Promise<boolean>;
  /** A regular file with an execute bit. */
  isExecutable(file: string): Promise<boolean>;
  list(dir: string): Promise<string[]>;
  mkdirp(dir: string): Promise<void>;
  remove(file: string): Promise<void>;
  /** Copies a file inside this root (false when `from` does not exist). */
  copy(from: string, to: string): Promise<boolean>;
  /** Moves `from` to `to` in one step (rename(2): both in one file system), replacing `to`. */
  rename(from: string, to: string): Promise<void>;
  chmod(file: string, mode: number): Promise<void>;
  /** Changes owner and group (`root`, `root:pot`). */
  chown(file: string, owner: string): Promise<void>;
  /** Removes a directory only when it is empty; true when it was removed. */
  rmdirIfEmpty(dir: string): Promise<boolean>;
  /** When the file was last modified (ms since the epoch); undefined when it does not exist. */
  modifiedAt(file: string): Promise<number | undefined>;
}

export interface FileOps extends RootedFiles {
  /** Files inside a pot's root (or any directory tree), by paths absolute inside it. */
  under(root: string): RootedFiles;
  /** pot's own files (pot.conf, fscomp.conf, bridges, status) as the store reads and replaces them. */
  readonly store: StoreFiles;
}

export interface StoreEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}

export interface StoreFiles {
  /** The file's text; undefined when it does not exist. */
  readIfExists(file: string): Promise<string | undefined>;
  /**
   * Replaces the file atomically (readers see the old or the new file), creating its directory
   * when missing. `runtime`: the file records the pot's run state (a status file).
   */
  replace(file: string, content: string, options?: { readonly runtime?: boolean }): Promise<void>;
  /** Removes a file of the pot's run state (a status file). */
  remove(file: string): Promise<void>;
  /** When the file was last modified (ms since the epoch); undefined when it cannot be seen. */
  modifiedAt(file: string): Promise<number | undefined>;
  /** A directory's entries (symbolic links not followed); [] when it cannot be read. */
  entries(dir: string): Promise<StoreEntry[]>;
}
