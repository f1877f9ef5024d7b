/**
 * The state lock across processes (bash's `flock $FAKEBSD_STATE/.lock` around a call): the
 * holder creates `.lock.owner` exclusively and writes its pid into it; the others wait in
 * steps of a few milliseconds. A holder that has died (its pid is gone) left a stale lock,
 * which the next one removes. In one process calls are synchronous, so never nested.
 */
import { closeSync, linkSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import path from 'node:path';

const pauseCell = new Int32Array(new SharedArrayBuffer(4));

function pause(ms: number): void {
  Atomics.wait(pauseCell, 0, 0, ms);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

function codeOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** How long a lock file may stay without a pid (its holder died between create and write). */
const EMPTY_GRACE_MS = 2000;

/** Is the lock at OWNER held by a process that is gone? */
function stale(owner: string): boolean {
  let text: string;
  try {
    text = readFileSync(owner, 'utf8');
  } catch {
    return false; // released meanwhile: try again
  }
  const pid = Number.parseInt(text, 10);
  if (Number.isInteger(pid) && pid > 0) return pid !== process.pid && !alive(pid);
  try {
    return Date.now() - statSync(owner).mtimeMs > EMPTY_GRACE_MS;
  } catch {
    return false;
  }
}

/**
 * Removes the stale lock at OWNER: moved aside first under a name of this process, and removed
 * only when it is still the stale one (another waiter may have replaced it meanwhile; then it
 * is put back where it was, if nobody took the lock in between).
 */
function breakStale(owner: string): void {
  const aside = `${owner}.stale.${process.pid}`;
  try {
    renameSync(owner, aside);
  } catch {
    return;
  }
  if (stale(aside)) {
    unlinkSync(aside);
    return;
  }
  // a live holder's lock, taken after the stale one went: put it back (link: only if the
  // place is still free), then drop the name aside
  try {
    linkSync(aside, owner);
  } catch {
    // taken again meanwhile
  }
  unlinkSync(aside);
}

/** Takes the state lock of the state directory DIR; returns its release. */
export function lockState(dir: string): () => void {
  const owner = path.join(dir, '.lock.owner');
  for (let i = 0; ; i++) {
    let fd: number | undefined;
    try {
      fd = openSync(owner, 'wx');
    } catch (e) {
      if (codeOf(e) !== 'EEXIST') throw e;
    }
    if (fd !== undefined) {
      try {
        writeSync(fd, `${process.pid}\n`);
      } finally {
        closeSync(fd);
      }
      return () => {
        try {
          unlinkSync(owner);
        } catch {
          // removed as stale: nothing to release
        }
      };
    }
    if (i % 8 === 7 && stale(owner)) breakStale(owner);
    else pause(Math.min(1 + (i >> 2), 5));
  }
}
