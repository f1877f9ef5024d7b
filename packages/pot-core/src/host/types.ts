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
import type { StoreFiles } from './store-files.js';

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

export interface JailInfo {
  readonly jid: number;
  readonly name: string;
  readonly hostname: string;
  readonly path: string;
}

export interface ExecResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Some processes of a jail: those whose name matches `pattern` (an extended
 * regular expression; with `commandLine`, the whole command line is matched),
 * or the one process `pid`.
 */
export type JailProcessSelector = { readonly pattern: string; readonly commandLine?: boolean } | { readonly pid: number };

export interface JailStopOptions {
  /** Command run inside the jail before it stops. */
  readonly execStop?: string;
  /** Seconds to wait for processes to exit. */
  readonly stopTimeout?: number;
}

export interface AttachOptions {
  /** A user of the host (`jexec -u`). */
  readonly hostUser?: string;
  /** A user of the jail (`jexec -U`). */
  readonly jailUser?: string;
  /** Give the command a pseudo-terminal. */
  readonly tty?: boolean;
  /** Run it in the background, detached from pot's terminal. */
  readonly detach?: boolean;
}

/** Where a program runs: inside a running jail, or in a throw-away jail made on `root` for it alone (gone when it ends). */
export type JailPlace = { readonly jail: string } | { readonly root: string };

export interface JailOps {
  isRunning(name: string): Promise<boolean>;
  /** The jail id; undefined when not running. */
  jid(name: string): Promise<number | undefined>;
  list(): Promise<JailInfo[]>;
  /**
   * Creates a jail from parameters, in order: bare names (`persist`, `vnet`)
   * or `name=value` strings (values are single arguments; no quoting needed).
   */
  start(parameters: readonly string[]): Promise<ExecResult>;
  /** Removes a running jail; with options, stop settings are passed. */
  remove(name: string, options?: JailStopOptions): Promise<void>;
  /** Signals (TERM) the processes of a jail whose command line matches an extended regular expression; false when none matched. */
  killMatching(name: string, pattern: string): Promise<boolean>;
  /** The pids of the jail's processes the selector picks (empty when none). */
  findProcesses(name: string, selector: JailProcessSelector): Promise<number[]>;
  /** Sends `signal` (a name without `SIG`: `HUP`, `INFO`) to the jail's processes the selector picks; false when none matched. */
  signal(name: string, signal: string, selector: JailProcessSelector): Promise<boolean>;
  /**
   * Runs pot's command inside the jail with pot's own stdout and stderr (a
   * non-persistent pot's output is `pot start`'s output); answers its exit status.
   */
  run(name: string, argv: readonly string[]): Promise<number>;
  /**
   * Runs a command inside the jail on pot's terminal (a login environment) as a
   * host user or a jail user, with a pseudo-terminal (`tty`) or detached in the
   * background; answers its exit status (0 when detached).
   */
  attach(name: string, argv: readonly string[], options?: AttachOptions): Promise<number>;
  /** A login shell of `user` inside the jail, on pot's terminal; answers its exit status. */
  console(name: string, user: string): Promise<number>;
  /** A live view of the jail's processes (top) on pot's terminal; answers its exit status. */
  monitor(name: string): Promise<number>;
  /** Runs a command inside a jail; the exit status is returned, not thrown. */
  exec(name: string, argv: readonly string[], options?: { readonly input?: string }): Promise<ExecResult>;
  /**
   * Copies `from` to `to` (paths inside the jail) as a process of the jail, keeping modes,
   * owners, times and links (a directory `to` receives `from` under its name): links inside
   * the jail cannot lead the copy outside it. `verbose` lists each file copied on stdout.
   * The exit status is returned, not thrown.
   */
  copyInside(place: JailPlace, from: string, to: string, options?: { readonly verbose?: boolean }): Promise<ExecResult>;
  /** Creates a directory and its missing parents inside the jail, as a process of the jail; the exit status is returned. */
  makeDirectoryInside(place: JailPlace, dir: string): Promise<ExecResult>;
}

export interface PacketFilterOps {
  /** The packet filter's kernel module is loaded. */
  isLoaded(): Promise<boolean>;
  isEnabled(): Promise<boolean>;
  /** Loads the main ruleset from a file (replaces every main rule). */
  loadMain(file: string): Promise<void>;
  /** Loads rules into an anchor, from a file or from text. */
  loadAnchor(anchor: string, source: { readonly file: string } | { readonly rules: string }): Promise<void>;
  /** Removes the nat/rdr rules of an anchor. */
  flushAnchor(anchor: string): Promise<void>;
  /** Anchors below `parent` (top-level ones without). */
  anchors(parent?: string): Promise<string[]>;
  /** The nat/rdr rules of an anchor as the packet filter prints them (numeric ports with `numeric`). */
  natRules(anchor: string, options?: { readonly numeric?: boolean }): Promise<string[]>;
  /** Enables the packet filter; `alreadyEnabled` when it was (not an error). */
  enable(): Promise<{ alreadyEnabled: boolean; message: string }>;
}

export interface KernelParamOps {
  /** undefined when the parameter does not exist (`quiet`: the host tool prints no diagnostic either). */
  get(name: string, options?: { readonly quiet?: boolean }): Promise<string | undefined>;
  /** Sets a parameter (`verbose` prints old and new values as the host tool does). */
  set(name: string, value: string, options?: { readonly verbose?: boolean }): Promise<ExecResult>;
}

export interface KernelModuleOps {
  isLoaded(name: string): Promise<boolean>;
  /** Loads a module (no error when it is loaded already). */
  load(name: string): Promise<void>;
}

export interface ServiceConfigOps {
  /** A knob of the service configuration (`pf_rules`); undefined when unset. */
  get(knob: string, options?: { readonly file?: string }): Promise<string | undefined>;
  /** Sets a knob; answers the tool's report (`name: OLD -> NEW`), '' when quiet. */
  set(knob: string, value: string, options?: { readonly file?: string; readonly quiet?: boolean }): Promise<string>;
  remove(knob: string, options?: { readonly file?: string }): Promise<void>;
}

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

export interface SyslogOps {
  /** Sends one message to the system log (`facility.priority`, tag). */
  syslog(message: string, options: { readonly facility: string; readonly priority?: string; readonly tag?: string }): Promise<void>;
  /** Makes the system logger read its configuration again (after a pot's log configuration changed). */
  reload(): Promise<void>;
}

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

/** Listening sockets (host ports pot must not redirect). */
export interface SocketOps {
  /** TCP and UDP ports with an IPv4 listener, within the range. */
  listeningPorts(first: number, last: number): Promise<number[]>;
}

/** Background processes pot starts and stops (localhost tunnels) and programs it runs (hooks). */
export interface ProcessOps {
  /** Starts `argv` detached, its pid written to `pidFile`. */
  daemon(pidFile: string, argv: readonly string[]): Promise<void>;
  /** Signals (TERM) the process of a pid file when its command line matches `pattern`; false when none. */
  killByPidFile(pidFile: string, pattern: string): Promise<boolean>;
  /** Whether a process's command line matches `pattern`. */
  anyMatching(pattern: string): Promise<boolean>;
  /** Signals (TERM) every process whose command line matches `pattern`. */
  killMatching(pattern: string): Promise<void>;
  /**
   * Runs a program (a user's hook) and answers its result; a failure is not
   * thrown. `env` is added to its environment: the way values reach it.
   */
  run(file: string, args: readonly string[], options?: { env?: Readonly<Record<string, string>> }): Promise<ExecResult>;
  /** POSIX shared memory objects (their paths). */
  sharedMemory(): Promise<string[]>;
  removeSharedMemory(path: string): Promise<void>;
}

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

/** Users, groups and the machine's identity. */
export interface SystemOps {
  /** The effective user id of pot's own process tree (0 = root). */
  uid(): Promise<number>;
  groupExists(name: string): Promise<boolean>;
  hostname(): Promise<string>;
}

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

/** Time: the only way pot-core reads the clock or waits (host/clock.ts). */
export interface ClockOps {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}

/**
 * What a plan (`--dry-run`) cannot know, answered by the host (host/plan.ts). A dry-run host
 * prints the changes instead of making them, so a step that looks at what the changes before it
 * made (a download's digest, the directories an extraction made, a mountpoint just set, a jail
 * just started) has nothing to look at. Actions say that a step depends on earlier changes; they
 * never ask whether this is a dry run.
 */
export interface PlanOps {
  /** Runs `step`, which needs what earlier changes made; a plan does not run it and answers `planned()` instead (nothing, without it). */
  afterChanges(step: () => Promise<void>): Promise<void>;
  afterChanges<T>(step: () => Promise<T>, planned: () => T): Promise<T>;
  /** The line saying what was done; a plan's says what would be, and that nothing was. */
  report(done: string, planned: string): string;
}

export interface Host {
  /** Which driver: `freebsd` (later `linux`). */
  readonly platform: string;
  /** Wall time and waits (the machine's clock; a test's own in tests). */
  readonly clock: ClockOps;
  /** How steps that need earlier changes are answered: run (a real host) or as planned (dry-run). */
  readonly plan: PlanOps;
  readonly zfs: DatasetOps;
  readonly jails: JailOps;
  readonly net: NetworkOps;
  readonly pf: PacketFilterOps;
  readonly sysctl: KernelParamOps;
  readonly kmod: KernelModuleOps;
  readonly rc: ServiceConfigOps;
  readonly mounts: MountOps;
  readonly log: SyslogOps;
  readonly sockets: SocketOps;
  readonly processes: ProcessOps;
  readonly limits: ResourceLimitOps;
  readonly downloads: DownloadOps;
  readonly archives: ArchiveOps;
  readonly images: ImageOps;
  /** Host files (`/etc/pf.conf`, ...), below the host root. */
  readonly files: FileOps;
  readonly system: SystemOps;
}
