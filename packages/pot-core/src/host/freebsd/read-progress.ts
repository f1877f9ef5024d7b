/**
 * Progress of a tool reading a file on its standard input (tar extracting an
 * archive, xzcat decompressing an image): the file's size is the total, the
 * runner counts what the tool has read (HostCommand.inputRead).
 */
import { promises as fs } from 'node:fs';
import type { ByteProgress } from '../types.js';

export interface ReadProgress {
  /** For the command's `inputRead`. */
  inputRead(bytes: number): void;
  /** The command ended well: the last word of the display. */
  done(): void;
}

export async function readProgress(file: string, progress: ByteProgress): Promise<ReadProgress> {
  let total: number | undefined;
  try {
    total = (await fs.stat(file)).size;
  } catch {
    total = undefined;
  }
  let read = 0;
  progress(0, total);
  return {
    inputRead(bytes) {
      read = bytes;
      progress(read, total);
    },
    done() {
      progress(read, total);
    },
  };
}
