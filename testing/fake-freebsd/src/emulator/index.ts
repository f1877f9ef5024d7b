/**
 * The fake FreeBSD host in process: the same commands as ../../bin, on the same state
 * directory, as functions (no process per call). `runEmulated` answers undefined for a
 * command it does not emulate; the caller then runs the stand-in in ../../bin.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, openSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Call, type Command, type EmuRequest, type EmuResult } from './call.js';
import { logCall } from './log.js';
import { COMMANDS } from './commands/index.js';

export type { EmuRequest, EmuResult } from './call.js';

/** Is NAME emulated in process? */
export function isEmulated(name: string): boolean {
  return Object.hasOwn(COMMANDS, name);
}

/** Runs one stand-in call in process (fb_run: main, then the log line, then the output). */
export function runEmulated(request: EmuRequest): EmuResult | undefined {
  if (request.env.FAKEBSD_REAL_MOUNTS === "1") return undefined;
  const call = new Call(request);
  const command: Command | undefined = COMMANDS[call.cmd];
  if (command === undefined) return undefined;
  // fb_lock opens the state lock file on every call: the tree looks as after a stand-in
  const lock = call.st.path('.lock');
  if (!existsSync(lock)) closeSync(openSync(lock, 'a'));
  const rc = command(call);
  logCall(call, rc);
  return call.result(rc);
}

/** The stand-ins' directory (../../bin). */
export const STAND_IN_DIR = fileURLToPath(new URL('../../bin', import.meta.url));

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
    input: request.input ?? '',
    ...(request.cwd === undefined ? {} : { cwd: request.cwd }),
    maxBuffer: 1 << 30,
  });
  return { exitCode: r.status ?? 128, stdout: r.stdout ?? Buffer.alloc(0), stderr: r.stderr?.toString('utf8') ?? String(r.error ?? '') };
}
