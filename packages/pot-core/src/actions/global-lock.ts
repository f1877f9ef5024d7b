/**
 * The global lock shell pot takes (with lockf) around commands that allocate
 * addresses. pot-core's locks module is landing in parallel; this stand-in uses
 * an atomically created directory with the holder's pid, waits for it, and takes
 * over a lock whose holder is gone. Swap for pot-core's lock when it lands.
 */
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { PotError } from '../errors/pot-error.js';

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks this process already holds (re-entrant: a nested call runs inside the outer one). */
const held = new Map<string, number>();

export async function withGlobalLock<T>(tmpDir: string, fn: () => Promise<T>, timeoutMs = 60_000): Promise<T> {
  const dir = path.join(tmpDir, 'pot-lock-global.d');
  const depth = held.get(dir) ?? 0;
  if (depth > 0) {
    held.set(dir, depth + 1);
    try {
      return await fn();
    } finally {
      held.set(dir, depth);
    }
  }
  const started = Date.now();
  await mkdir(tmpDir, { recursive: true });
  for (;;) {
    try {
      await mkdir(dir);
      await writeFile(path.join(dir, 'pid'), `${process.pid}\n`);
      break;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const holder = Number((await readFile(path.join(dir, 'pid'), 'utf8').catch(() => '')).trim());
      if (Number.isInteger(holder) && holder > 0 && !alive(holder)) {
        await rm(dir, { recursive: true, force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs) {
        throw new PotError('busy', 'another pot command holds the global lock', {
          suggestion: `wait for it to finish, or remove ${dir} if no pot command is running`,
        });
      }
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  held.set(dir, 1);
  try {
    return await fn();
  } finally {
    held.delete(dir);
    await rm(dir, { recursive: true, force: true });
  }
}
