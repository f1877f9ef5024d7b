/** Where a command's output goes; the tests and the binary share it. */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  env: NodeJS.ProcessEnv;
  /** stderr is a terminal: downloads draw a progress bar there. */
  stderrIsTTY?: boolean;
}

export const processIO: CliIO = {
  stdout: (t) => void process.stdout.write(t),
  stderr: (t) => void process.stderr.write(t),
  env: process.env,
  stderrIsTTY: process.stderr.isTTY === true,
};
