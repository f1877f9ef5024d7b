/** Downloads, archives and pot images: the long steps that report progress. */

/** Bytes received so far and the size the server announced (undefined when unknown). */
export type DownloadProgress = ByteProgress;
/** Bytes done of a total (undefined when not known), called now and then while a long step runs. */
export type ByteProgress = (done: number, total: number | undefined) => void;

/** Files from the network (release tarballs). */
export interface DownloadOps {
  /**
   * Downloads `url` into `file` (a path of this process), replacing it; throws
   * PotError (`host-command`) when the download fails, which may leave a partial
   * `file`. `progress` is called now and then while it runs (never in dry-run).
   */
  fetch(url: string, file: string, options?: { readonly progress?: DownloadProgress }): Promise<void>;
}

/** Archives and the file trees they unpack into (paths of this process). */
export interface ArchiveOps {
  /**
   * Unpacks a (compressed) tar archive into `dir`, keeping files already there; owners, modes and
   * flags as archived. `progress` is told how much of the archive was read (never in dry-run).
   */
  extract(archive: string, dir: string, options?: { readonly progress?: ByteProgress }): Promise<void>;
  /** Copies the directory `source` into `targetDir` with everything it holds (owners, modes, times, flags, links). */
  copyTree(source: string, targetDir: string): Promise<void>;
  /** Clears the immutable flags of everything below `path`, so it can be removed. */
  clearImmutable(path: string): Promise<void>;
  /** Creates the symbolic link `link` (which must not exist) pointing to `target`, kept as given. */
  symlink(target: string, link: string): Promise<void>;
}

export interface ReceiveOptions {
  readonly excludeProperties?: readonly string[];
  /** The snapshot a layered image was cloned from (`-o origin=`). */
  readonly origin?: string;
  /** false: leave the received datasets unmounted (`-u`). */
  readonly mount?: boolean;
  /** Told how much of the compressed image was read (never in dry-run). */
  readonly progress?: ByteProgress;
}

/** Pot images (`pot export`/`import`): xz-compressed `zfs send -R` streams, their skein1024 digests and signify signatures. */
export interface ImageOps {
  /** `zfs send -R SNAPSHOT | xz -LEVEL -T 0 > FILE`. */
  sendCompressed(snapshot: string, file: string, level: number): Promise<void>;
  /**
   * `xzcat FILE | zfs receive [-u] [-o origin=SNAP] [-x PROP…] TARGET`: properties of the stream
   * left out, a layer received as a clone of `origin`, left unmounted with `mount: false`.
   */
  receiveCompressed(file: string, target: string, options?: ReceiveOptions): Promise<void>;
  /** `cat FILE… | skein1024 -q`: the hex digest of the files one after the other. */
  skein1024(files: readonly string[]): Promise<string>;
  /** `signify -S -s SECKEY -m FILE`: signs FILE into `FILE.sig`. */
  sign(secretKey: string, file: string): Promise<void>;
  /** `signify -V -p PUBKEY -x SIGNATURE -m FILE`: whether the signature verifies (a mismatch is an answer, not an error). */
  verifySignature(publicKey: string, signature: string, file: string): Promise<boolean>;
}
