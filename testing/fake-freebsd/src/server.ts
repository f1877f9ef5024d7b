/**
 * The resident stand-in: one Node process that answers the launchers of ../bin over a local
 * TCP port, so that a call costs a bash start and a round trip instead of a Node start (about
 * 80 ms of CPU each, hundreds per pot lifecycle). Started by resident.ts; it ends when its
 * standard input closes (the process that started it is gone). Its port goes into the file
 * named by its argument, written whole (renamed into place).
 *
 * A launcher (lib/stand-in.bash) sends one line, `PID ARGC NAME`. The call's arguments are the
 * last ARGC words of /proc/PID/cmdline, its environment /proc/PID/environ, its directory
 * /proc/PID/cwd, its standard input /proc/PID/fd/0 (read only when the command reads it; a
 * launcher whose stdin is a pipe never comes here: reading it could wait on a writer that waits
 * on this server). Reply: `STATUS OUTLEN ERRLEN\n`, then the bytes of stdout and stderr. STATUS
 * `F` asks the launcher to run the command as a process itself: the commands that run programs,
 * sleep or wait (a jexec of the jexec_wait program) would hold every other call up.
 */
import { readFileSync, readlinkSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createServer, type Socket } from 'node:net';
import { enterWaitingJexec, runEmulated, waitsAsProcess } from './emulator/index.js';

/** Commands that run other programs (which may call back) or wait: never answered here. */
const AS_PROCESS = new Set(['lockf', 'xz', 'xzcat', 'sleep', 'potnet', 'potcpu', 'tar']);

function nulSeparated(file: string): string[] {
  const words = readFileSync(file, 'latin1').split('\0');
  words.pop(); // the text ends with a NUL
  return words.map((w) => Buffer.from(w, 'latin1').toString('utf8'));
}

function environmentOf(pid: number): Record<string, string> {
  const env: Record<string, string> = {};
  for (const entry of nulSeparated(`/proc/${pid}/environ`)) {
    const eq = entry.indexOf('=');
    if (eq > 0) env[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return env;
}

/** The caller's stdin when it is a file (a terminal or a device reads as empty, as /dev/null). */
function stdinOf(pid: number): () => Buffer {
  return () => {
    const fd0 = `/proc/${pid}/fd/0`;
    try {
      return statSync(fd0).isFile() ? readFileSync(fd0) : Buffer.alloc(0);
    } catch {
      return Buffer.alloc(0);
    }
  };
}

/** The reply to one request line. */
function answer(line: string): Buffer {
  const [pidText, argcText, name] = line.split(' ');
  const pid = Number(pidText);
  const argc = Number(argcText);
  if (name === undefined || AS_PROCESS.has(name) || !Number.isInteger(pid) || !Number.isInteger(argc)) return Buffer.from('F 0 0\n');
  let result: ReturnType<typeof runEmulated>;
  try {
    const argv = nulSeparated(`/proc/${pid}/cmdline`);
    const args = argc === 0 ? [] : argv.slice(-argc);
    const request = { argv: [name, ...args], env: environmentOf(pid), cwd: readlinkSync(`/proc/${pid}/cwd`), input: stdinOf(pid), pid };
    if (waitsAsProcess(request)) {
      enterWaitingJexec(request);
      return Buffer.from('F 0 0\n');
    }
    result = runEmulated(request);
  } catch (e) {
    // what a stand-in process would have died of
    const text = Buffer.from(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    return Buffer.concat([Buffer.from(`1 0 ${text.length}\n`), text]);
  }
  if (result === undefined) return Buffer.from('F 0 0\n');
  const err = Buffer.from(result.stderr, 'utf8');
  return Buffer.concat([Buffer.from(`${result.exitCode} ${result.stdout.length} ${err.length}\n`), result.stdout, err]);
}

function serve(socket: Socket): void {
  let pending = '';
  socket.on('error', () => {}); // a launcher killed meanwhile: its answer has nowhere to go
  socket.on('data', (chunk) => {
    pending += chunk.toString('latin1');
    const nl = pending.indexOf('\n');
    if (nl < 0) return;
    socket.removeAllListeners('data');
    socket.end(answer(pending.slice(0, nl)));
  });
}

const server = createServer(serve);
const portFile = process.argv[2] ?? '';
server.listen(0, '127.0.0.1', () => {
  const address = server.address();
  writeFileSync(`${portFile}.new`, `${typeof address === 'object' && address !== null ? address.port : ''}\n`);
  renameSync(`${portFile}.new`, portFile);
});
process.stdin.on('end', () => process.exit(0));
process.stdin.on('error', () => process.exit(0));
process.stdin.resume();
