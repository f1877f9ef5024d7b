import type { CommandRunner, host } from '@pot/core';

/** Where a command's output goes; the tests and the binary share it. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** stderr is a terminal: downloads draw a progress bar there. */
  stderrIsTTY?: boolean;
  /** The directory relative paths are taken from (the process's when unset): a flavour's, for its copy-in lines. */
  cwd?: string;
  /**
   * What runs the host's tools (default: execa, a process per command). Tests give pot the
   * fake FreeBSD host in process here; the io is handed over for commands that pass their
   * output through (a non-persistent pot's start).
   */
  hostRunner?: (io: CliIO) => CommandRunner;
  /** Time and waits (default: the machine's clock). */
  clock?: host.ClockOps;
  /** The id pot names things after as shell pot did after `$$` (default: this process's). */
  pid?: number;
}

export const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  env: process.env,
  stderrIsTTY: process.stderr.isTTY === true,
};
