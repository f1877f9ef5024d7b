/**
 * The process behind every stand-in of ../bin: `node dist/stand-in.mjs NAME ARG…` runs the
 * emulated command NAME (src/emulator) on the fake host of its environment, as the in-process
 * runner does, and hands its output and status to the caller.
 *
 * Standard input is read only when the command reads it (a caller that gives none may never
 * close it); a TTY, a closed or an ignored stdin is empty input.
 */
import { fstatSync, readSync } from 'node:fs';
import { isatty } from 'node:tty';
import { allowBlockingWaits, runEmulated } from './emulator/index.js';

const pauseCell = new Int32Array(new SharedArrayBuffer(4));

/** All of fd 0, read synchronously (waiting out EAGAIN of a non-blocking pipe). */
export function readStdin(): Buffer {
  try {
    if (isatty(0)) return Buffer.alloc(0);
    fstatSync(0);
  } catch {
    return Buffer.alloc(0); // closed
  }
  const chunks: Buffer[] = [];
  const chunk = Buffer.allocUnsafe(1 << 16);
  for (;;) {
    let n: number;
    try {
      n = readSync(0, chunk, 0, chunk.length, null);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        Atomics.wait(pauseCell, 0, 0, 2);
        continue;
      }
      if (code === 'EOF') break;
      break; // EBADF, EISDIR, …: nothing (more) to read
    }
    if (n === 0) break;
    chunks.push(Buffer.from(chunk.subarray(0, n)));
  }
  return Buffer.concat(chunks);
}

function main(): void {
  const [name, ...args] = process.argv.slice(2);
  if (name === undefined) {
    process.stderr.write('usage: stand-in.mjs NAME [ARG…]\n');
    process.exitCode = 2;
    return;
  }
  allowBlockingWaits();
  const result = runEmulated({ argv: [name, ...args], env: process.env, cwd: process.cwd(), input: readStdin });
  if (result === undefined) {
    process.stderr.write(`fake-freebsd: ${name} is not emulated\n`);
    process.exitCode = 127;
    return;
  }
  // a reader that stops early (grep -q) closes the pipe: what it did not take is lost, as with SIGPIPE
  process.stdout.on('error', () => {});
  process.stderr.on('error', () => {});
  if (result.stdout.length > 0) process.stdout.write(result.stdout);
  if (result.stderr !== '') process.stderr.write(result.stderr);
  process.exitCode = result.exitCode;
}

main();
