/**
 * One invocation of a stand-in, in process: its argv, environment, standard input and
 * working directory in; its output, exit status and log line out. A command is a function of
 * a Call that returns the exit status (the `main` of a bash stand-in); fb_run's order is kept:
 * main runs with its output held, the call is logged, then the output is released.
 */
import path from 'node:path';
import { State, type Env } from './state.js';

export interface EmuRequest {
  /** argv[0] is the command's name (`zfs`), as the stand-in's `$0` basename. */
  argv: readonly string[];
  env: Env;
  input?: Buffer | string;
  cwd?: string;
}

export interface EmuResult {
  exitCode: number;
  stdout: Buffer;
  stderr: string;
}

export class Call {
  readonly cmd: string;
  readonly args: readonly string[];
  readonly env: Env;
  readonly cwd: string;
  readonly st: State;
  /** E: the call changes the host or emits something; Q: a query (FB_CLASS). */
  cls: 'E' | 'Q' = 'Q';
  /** What the command read (fb_content): logged below its line. */
  content: string | undefined;
  /** The words its log lines record after the command's name, where they are not its arguments. */
  logArgs: readonly string[] | undefined;
  private readonly input: Buffer;
  private readonly outChunks: Buffer[] = [];
  private errText = '';

  constructor(request: EmuRequest) {
    const [cmd, ...args] = request.argv;
    this.cmd = path.basename(cmd ?? '');
    this.args = args;
    this.env = request.env;
    this.cwd = request.cwd ?? process.cwd();
    this.st = new State(request.env);
    this.input = request.input === undefined ? Buffer.alloc(0) : Buffer.from(request.input);
  }

  /** Standard input (empty when none was given). */
  stdin(): Buffer {
    return this.input;
  }

  stdinText(): string {
    return this.input.toString('utf8');
  }

  /** Writes to standard output as printf '%s' does (no newline added). */
  out(text: string | Buffer): void {
    this.outChunks.push(typeof text === 'string' ? Buffer.from(text, 'utf8') : text);
  }

  /** fb_err: one line on standard error. */
  err(line: string): void {
    this.errText += `${line}\n`;
  }

  /** Raw text on standard error (no newline added). */
  errRaw(text: string): void {
    this.errText += text;
  }

  /** The words the log lines record after the command's name: logArgs, else the arguments. */
  get loggedArgs(): readonly string[] {
    return this.logArgs ?? this.args;
  }

  /** fb_content: attach what the command read to its log line. */
  setContent(text: string): void {
    this.content = text;
  }

  /** A path as the command sees it (relative to its working directory). */
  resolve(p: string): string {
    return path.resolve(this.cwd, p);
  }

  result(exitCode: number): EmuResult {
    return { exitCode, stdout: Buffer.concat(this.outChunks), stderr: this.errText };
  }
}

export type Command = (call: Call) => number;
