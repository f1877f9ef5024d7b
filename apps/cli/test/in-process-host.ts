/**
 * pot in this process against the fake FreeBSD host in this process: the same dispatcher,
 * actions and FreeBSD driver as the binary, but the driver's commands reach the fake host's
 * emulation as function calls instead of a bash process each, and waits are virtual. A tool
 * the emulation does not cover (a hook script, tar, a stand-in not ported) runs as a process
 * through execa, as in the binary.
 */
import { accessSync, constants, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createExecaRunner, host as hostApi, type CommandResult, type CommandRunner, type HostCommand } from '@pot/core';
import { isEmulated, runEmulated, STAND_IN_DIR } from '../../../testing/fake-freebsd/src/emulator/index.ts';
import type { CliIO } from '../src/io.js';

/** A clock whose waits return at once and move its time forward instead (one turn of the event loop each). */
export interface VirtualClock extends hostApi.ClockOps {
  /** Moves the time forward without a wait. */
  advance(ms: number): void;
}

export function virtualClock(): VirtualClock {
  let offset = 0;
  return {
    now: () => Date.now() + offset,
    async sleep(ms) {
      offset += Math.max(0, ms);
      await new Promise((resolve) => setImmediate(resolve));
    },
    advance(ms) {
      offset += ms;
    },
  };
}

/** The directory PATH finds FILE in, as execvp would (undefined when none). */
function lookup(file: string, pathVar: string, cache: Map<string, string | undefined>): string | undefined {
  if (file.includes('/')) return path.dirname(file);
  if (cache.has(file)) return cache.get(file);
  let found: string | undefined;
  for (const dir of pathVar.split(':')) {
    if (dir === '') continue;
    try {
      accessSync(path.join(dir, file), constants.X_OK);
      found = dir;
      break;
    } catch {
      // not here
    }
  }
  cache.set(file, found);
  return found;
}

/**
 * How long host tools take, in virtual time: each run of a tool named here moves the clock
 * forward by its time once it has run (a slow download or extraction, without a wait).
 */
export type ToolTimes = Map<string, number>;

/** stdin of a command from its `input` or `inputFile`; a reader of the file is told it was read at once. */
function stdinOf(c: HostCommand): Buffer | string | undefined {
  if (c.input !== undefined || c.inputFile === undefined) return c.input;
  const bytes = readFileSync(c.inputFile);
  c.inputRead?.(bytes.length);
  return bytes;
}

/** A moment of a command chosen by a test: its first host call matching, held until released. */
export interface CallGate {
  /** Settles when the matching call is reached (and held). */
  reached: Promise<void>;
  /** Lets the held call run. */
  release(): void;
}

/** Gates waiting for their call: `hold` holds a matching call until its gate is released. */
export class CallGates {
  private readonly waiting: Array<{ match: (argv: readonly string[]) => boolean; reached: () => void; released: Promise<void> }> = [];

  add(match: (argv: readonly string[]) => boolean): CallGate {
    let reached = (): void => undefined;
    let release = (): void => undefined;
    const gate: CallGate = { reached: new Promise<void>((r) => (reached = r)), release: () => release() };
    this.waiting.push({ match, reached, released: new Promise<void>((r) => (release = r)) });
    return gate;
  }

  async hold(c: HostCommand): Promise<void> {
    const argv = [path.basename(c.file), ...c.args];
    const at = this.waiting.findIndex((g) => g.match(argv));
    if (at < 0) return;
    const [gate] = this.waiting.splice(at, 1);
    gate?.reached();
    await gate?.released;
  }
}

/** A runner that answers the fake host's commands in process and hands everything else to execa; `gates` hold chosen calls. */
export function inProcessRunner(io: CliIO, times?: { clock: VirtualClock; tools: ToolTimes }, gates?: CallGates): CommandRunner {
  const execa = createExecaRunner({ env: io.env, ...(io.cwd === undefined ? {} : { cwd: io.cwd }) });
  const env = hostApi.hostToolEnv(io.env);
  const found = new Map<string, string | undefined>();
  const emulated = (c: HostCommand): boolean =>
    lookup(c.file, env.PATH ?? '', found) === STAND_IN_DIR && isEmulated(path.basename(c.file)) && (c.pipeFrom === undefined || emulated(c.pipeFrom));

  const call = (c: HostCommand, input: Buffer | string | undefined) => {
    const answer = runEmulated({
      argv: [path.basename(c.file), ...c.args],
      env: c.env === undefined ? env : { ...env, ...c.env },
      input,
      cwd: io.cwd ?? process.cwd(),
    });
    if (answer === undefined) throw new Error(`${c.file} is not emulated`);
    return answer;
  };

  const runHere = (c: HostCommand): CommandResult => {
    let input = stdinOf(c);
    let producerFailed: { exitCode: number; stderr: string } | undefined;
    if (c.pipeFrom !== undefined) {
      const source = call(c.pipeFrom, stdinOf(c.pipeFrom));
      input = source.stdout;
      if (source.exitCode !== 0) producerFailed = source;
    }
    const answer = call(c, input);
    if (c.outputFile !== undefined) writeFileSync(c.outputFile, answer.stdout);
    const stdout = c.outputFile === undefined ? answer.stdout.toString('utf8') : '';
    if (c.passOutput === true || c.interactive === true) {
      io.stdout(stdout);
      io.stderr(answer.stderr);
      return { exitCode: answer.exitCode, stdout: '', stderr: '' };
    }
    if (c.detached === true) return { exitCode: 0, stdout: '', stderr: '' };
    if (producerFailed !== undefined) return { exitCode: producerFailed.exitCode, stdout, stderr: `${producerFailed.stderr}${answer.stderr}` };
    return { exitCode: answer.exitCode, stdout, stderr: answer.stderr };
  };

  const took = (c: HostCommand): void => {
    for (let one: HostCommand | undefined = c; one !== undefined; one = one.pipeFrom) times?.clock.advance(times.tools.get(path.basename(one.file)) ?? 0);
  };

  const runOne = async (command: HostCommand): Promise<CommandResult> => {
    if (emulated(command)) return runHere(command);
    if (command.passOutput !== true && command.interactive !== true) return execa.run(command);
    // the binary's stdout is the test's pipe; here it is the io
    const answer = await execa.run({ ...command, passOutput: false, interactive: false });
    io.stdout(answer.stdout);
    io.stderr(answer.stderr);
    return { exitCode: answer.exitCode, stdout: '', stderr: '' };
  };

  return {
    dryRun: false,
    async run(command) {
      await gates?.hold(command);
      const result = await runOne(command);
      took(command);
      return result;
    },
  };
}

/** The CliIO fields that put pot on the in-process fake host, the virtual time its tools take, and `gates` holding chosen calls of its commands. */
export function inProcessHost(): { hostRunner: (io: CliIO) => CommandRunner; clock: VirtualClock; toolTimes: ToolTimes; gates: CallGates } {
  const clock = virtualClock();
  const toolTimes: ToolTimes = new Map();
  const gates = new CallGates();
  return { hostRunner: (io) => inProcessRunner(io, { clock, tools: toolTimes }, gates), clock, toolTimes, gates };
}
