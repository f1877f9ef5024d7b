/**
 * Atomic file replacement: the new content goes to a temporary file in the
 * same directory (same file system, so rename(2) is atomic), is fsync'ed,
 * renamed over the target, and the directory is fsync'ed so the rename
 * survives a crash. Readers see the old or the new file, never a mix.
 */
import { randomBytes } from '../crypto.js';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface AtomicWriteOptions {
  /** File mode of a new file (default 0o644); an existing file keeps its mode. */
  mode?: number;
}

export async function writeFileAtomic(file: string, content: string | Uint8Array, options: AtomicWriteOptions = {}): Promise<void> {
  const dir = path.dirname(file);
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
  let mode = options.mode ?? 0o644;
  try {
    mode = (await fs.stat(file)).mode & 0o7777;
  } catch {
    // new file
  }
  const handle = await fs.open(tmp, 'wx', mode);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await handle.close();
  try {
    await fs.rename(tmp, file);
  } catch (e) {
    await fs.rm(tmp, { force: true });
    throw e;
  }
  try {
    const d = await fs.open(dir, 'r');
    try {
      await d.sync();
    } finally {
      await d.close();
    }
  } catch {
    // some file systems refuse fsync on a directory; the rename is done
  }
}
