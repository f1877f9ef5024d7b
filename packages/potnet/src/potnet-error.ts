/**
 * A failure potnet reports. `message` is what the Rust original printed after
 * `Error: ` where it had such a line, so scripts matching it keep working;
 * `detail` is the longer explanation the original logged before it, if any.
 */
export class PotnetError extends Error {
  readonly exitCode: number;
  readonly detail: string | undefined;

  constructor(message: string, exitCode = 1, detail?: string) {
    super(message);
    this.name = 'PotnetError';
    this.exitCode = exitCode;
    this.detail = detail;
  }
}
