/**
 * What cross-process locks need of this machine (locks/): a file created only
 * when it does not exist yet, with its content already in place (link(2) from
 * a temporary file, so nobody ever sees an empty lock file), and whether the
 * process a lock names still lives. Never dry-run: a dry run takes real locks.
 */
import { randomBytes } from '../crypto.js';
import { promises as fs } from 'node:fs';

export interface LockFileOps {
  /** Creates `file` holding `content`; false when it exists already. */
  createExclusive(file: string, content: string): Promise<boolean>;
  /** The file's text, undefined when it cannot be read. */
  read(file: string): Promise<string | undefined>;
  /** When the file was last modified (ms since the epoch), undefined when it is gone. */
  modifiedAt(file: string): Promise<number | undefined>;
  remove(file: string): Promise<void>;
  mkdirp(dir: string): Promise<void>;
  /** Whether a process with this pid exists. */
  isAlive(pid: number): boolean;
}

export function localLockFiles(): LockFileOps {
  return {
    async createExclusive(file, content) {
      const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.new`;
      await fs.writeFile(tmp, content, { mode: 0o644 });
      try {
        await fs.link(tmp, file);
        return true;
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
        throw e;
      } finally {
        await fs.rm(tmp, { force: true });
      }
    },
    async read(file) {
      try {
        return await fs.readFile(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    async modifiedAt(file) {
      try {
        return (await fs.stat(file)).mtimeMs;
      } catch {
        return undefined;
      }
    },
    async remove(file) {
      await fs.rm(file, { force: true });
    },
    async mkdirp(dir) {
      await fs.mkdir(dir, { recursive: true });
    },
    isAlive(pid) {
      try {
        process.kill(pid, 0);
        return true;
      } catch (e) {
        return (e as NodeJS.ErrnoException).code === 'EPERM';
      }
    },
  };
}
