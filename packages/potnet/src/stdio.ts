/**
 * Synchronous writes to stdout and stderr. The CLI ends with process.exit as
 * soon as its answer is written (node's own teardown costs a few ms per run);
 * that is safe only when nothing is left in a stream buffer, and node writes
 * pipes asynchronously on some systems (FreeBSD among them).
 */
import { writeSync } from 'node:fs';

/** A reader closed the pipe (`potnet show | head`): exit as a C program killed by SIGPIPE would. */
export class BrokenPipe extends Error {}

const pause = new Int32Array(new SharedArrayBuffer(4));

function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) {
    try {
      done += writeSync(fd, bytes, done, bytes.length - done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EPIPE') throw new BrokenPipe('broken pipe');
      if (code !== 'EAGAIN') throw error;
      Atomics.wait(pause, 0, 0, 1); // a non-blocking pipe is full: wait for the reader
    }
  }
}

export const writeOut = (text: string): void => writeAll(1, text);
export const writeErr = (text: string): void => writeAll(2, text);

/** Where the potnet command writes, and the PATH it finds `pot` (and so the configuration) through. */
export interface PotnetIO {
  out(text: string): void;
  err(text: string): void;
  path: string | undefined;
}

/** The process's own: fds 1 and 2, written synchronously, and its PATH. */
export function processIO(): PotnetIO {
  return { out: writeOut, err: writeErr, path: process.env.PATH };
}
