/**
 * The fake FreeBSD host in process: the same commands as ../../bin, on the same state
 * directory, as functions (no process per call). `runEmulated` answers undefined for a
 * command it does not emulate; the caller then runs the stand-in in ../../bin.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { Call, type Command, type EmuRequest, type EmuResult } from './call.js';
import { logCall } from './log.js';
import { BEFORE_LOCK, COMMANDS, UNLOGGED } from './commands/index.js';
import { lockState } from './lock.js';
import { takeFsErrors } from './fsops.js';
import { STAND_IN_DIR } from './getopts.js';

export type { EmuRequest, EmuResult } from './call.js';
export { STAND_IN_DIR } from './getopts.js';
export { allowBlockingWaits, enterWaitingJexec, waitsAsProcess } from './jail-exec.js';

/** Is NAME emulated in process? */
export function isEmulated(name: string): boolean {
  return Object.hasOwn(COMMANDS, name) || Object.hasOwn(UNLOGGED, name);
}

/** Runs one stand-in call in process (fb_run: main, then the log line, then the output). */
export function runEmulated(request: EmuRequest): EmuResult | undefined {
  if (request.env.FAKEBSD_REAL_MOUNTS === '1') return undefined;
  const call = new Call(request);
  const logged = Object.hasOwn(COMMANDS, call.cmd);
  const command: Command | undefined = logged ? COMMANDS[call.cmd] : Object.hasOwn(UNLOGGED, call.cmd) ? UNLOGGED[call.cmd] : undefined;
  if (command === undefined) return undefined;
  takeFsErrors(); // what an earlier call left is not this one's
  if (!logged) return finish(call, command(call), false);
  const before = Object.hasOwn(BEFORE_LOCK, call.cmd) ? BEFORE_LOCK[call.cmd]?.(call) : undefined;
  if (before !== undefined) return finish(call, before, false);
  // bash opened the lock file on every call: the tree looks as after a stand-in
  const lock = call.st.path('.lock');
  if (!existsSync(lock)) closeSync(openSync(lock, 'a'));
  const release = lockState(call.st.dir);
  try {
    return finish(call, command(call), true);
  } finally {
    release();
  }
}

/** The end of a call: a file operation's complaint the command did not collect goes where bash's would (stderr); the log line. */
function finish(call: Call, rc: number, logged: boolean): EmuResult {
  call.errRaw(takeFsErrors());
  if (logged) logCall(call, rc);
  return call.result(rc);
}

/**
 * One stand-in call, in process when it is emulated, else through its bash stand-in
 * (synchronously, with the same environment, input and working directory).
 */
export function runStandIn(request: EmuRequest): EmuResult {
  const emulated = runEmulated(request);
  if (emulated !== undefined) return emulated;
  const [cmd, ...args] = request.argv;
  const r = spawnSync(path.join(STAND_IN_DIR, path.basename(cmd ?? '')), args, {
    env: request.env as NodeJS.ProcessEnv,
    input: (typeof request.input === 'function' ? request.input() : request.input) ?? '',
    ...(request.cwd === undefined ? {} : { cwd: request.cwd }),
    maxBuffer: 1 << 30,
  });
  return { exitCode: r.status ?? 128, stdout: r.stdout ?? Buffer.alloc(0), stderr: r.stderr?.toString('utf8') ?? String(r.error ?? '') };
}
