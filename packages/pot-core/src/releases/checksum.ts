/**
 * The sha256 of a file, computed in-process (node:crypto over a read stream;
 * shell pot ran `sha256 -q`), so no tool's output format is involved.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** Lower case hex sha256 of the file's bytes; rejects when it cannot be read. */
export async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Compares two hex digests (case does not matter). */
export const sameDigest = (a: string, b: string): boolean => a.toLowerCase() === b.toLowerCase();
