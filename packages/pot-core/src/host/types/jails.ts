/** Jails: a pot's running system, and programs run in it. */

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
  /** The names of every running jail, from one listing (commands that walk all pots ask once, not once a pot). */
  running(): Promise<Set<string>>;
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
