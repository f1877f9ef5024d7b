/**
 * One invocation of a stand-in, in process: its argv, environment, standard input and
 * working directory in; its output, exit status and log line out. A command is a function of
 * a Call that returns the exit status (the `main` of a bash stand-in); fb_run's order is kept:
 * main runs with its output held, the call is logged, then the output is released.
 */
import type { SpawnSyncOptionsWithBufferEncoding } from 'node:child_process';
import path from 'node:path';
import { State, type Env } from './state.js';

/**
 * Standard input: the bytes, or (a stand-in process) a provider the command calls only when it
 * reads its standard input, so that nothing waits on a stdin the caller never closes.
 */
export type EmuInput = Buffer | string | (() => Buffer | string);

export interface EmuRequest {
  /** argv[0] is the command's name (`zfs`), as the stand-in's `$0` basename. */
  argv: readonly string[];
  env: Env;
  input?: EmuInput;
  cwd?: string;
  /** The process the call is of (default this one; the resident stand-in: its launcher). */
  pid?: number;
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
  /** The calling process (pgrep skips it and its ancestors). */
  readonly pid: number;
  readonly st: State;
  /** E: the call changes the host or emits something; Q: a query (FB_CLASS). */
  cls: 'E' | 'Q' = 'Q';
  /** What the command read (fb_content): logged below its line. */
  content: string | undefined;
  /** The words its log lines record after the command's name, where they are not its arguments. */
  logArgs: readonly string[] | undefined;
  private readonly inputSource: EmuInput | undefined;
  private input: Buffer | undefined;
  private readonly outChunks: Buffer[] = [];
  private errText = '';

  constructor(request: EmuRequest) {
    const [cmd, ...args] = request.argv;
    this.cmd = path.basename(cmd ?? '');
    this.args = args;
    this.env = request.env;
    this.cwd = request.cwd ?? process.cwd();
    this.pid = request.pid ?? process.pid;
    this.st = new State(request.env);
    this.inputSource = request.input;
  }

  /** Standard input (empty when none was given), read on first use. */
  stdin(): Buffer {
    if (this.input === undefined) {
      const source = this.inputSource;
      const bytes = typeof source === 'function' ? source() : source;
      this.input = bytes === undefined ? Buffer.alloc(0) : Buffer.from(bytes);
    }
    return this.input;
  }

  stdinText(): string {
    return this.stdin().toString('utf8');
  }

  /** A stand-in process (its input is its own fd 0, read on demand), not a call in process. */
  get isProcess(): boolean {
    return typeof this.inputSource === 'function';
  }

  /**
   * spawnSync options giving a child this call's standard input: a stand-in process whose
   * stdin was not read hands its fd 0 over (as bash's child inherits it), else the bytes.
   * PASS_OUTPUT (a stand-in process only): the child writes to the call's stdout and stderr
   * itself, as after bash's `exec`.
   */
  childStdio(passOutput = false): SpawnSyncOptionsWithBufferEncoding {
    const out = passOutput && this.isProcess ? 'inherit' : 'pipe';
    if (this.isProcess && this.input === undefined) return { stdio: ['inherit', out, out] };
    return { input: this.stdin(), stdio: ['pipe', out, out] };
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
