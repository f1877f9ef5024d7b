/** Sockets and processes of the host. */
import type { ExecResult } from './jails.js';

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
