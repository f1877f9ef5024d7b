/**
 * The file operations of pot's store (store/): pot.conf, fscomp.conf, bridge
 * and status files by their real paths. Failures are thrown as the system
 * reports them (the store names the pot and the file). Under dry-run a
 * replacement is shown as `# write FILE:` with its lines and nothing changes;
 * a removal is skipped (the store only removes status files, runtime state).
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { CommandRunner } from './command.js';

export interface StoreEntry {
  name: string;
  isFile: boolean;
  isDirectory: boolean;
}

export interface StoreFiles {
  /** The file's text; undefined when it does not exist. */
  readIfExists(file: string): Promise<string | undefined>;
  /** Replaces the file atomically (readers see the old or the new file), creating its directory when missing. */
  replace(file: string, content: string): Promise<void>;
  remove(file: string): Promise<void>;
  /** When the file was last modified (ms since the epoch); undefined when it cannot be seen. */
  modifiedAt(file: string): Promise<number | undefined>;
  /** A directory's entries (symbolic links not followed); [] when it cannot be read. */
  entries(dir: string): Promise<StoreEntry[]>;
}

/** The store's files on this machine; with a dry-run runner, writes are shown through it instead. */
export function createStoreFiles(runner?: Pick<CommandRunner, 'dryRun' | 'note'>): StoreFiles {
  const dryRun = runner?.dryRun === true;
  return {
    async readIfExists(file) {
      try {
        return await fs.readFile(file, 'utf8');
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
        throw e;
      }
    },
    async replace(file, content) {
      if (dryRun) {
        const body = content.replace(/\n$/, '');
        runner?.note?.([`# write ${file}:`, ...(body === '' ? [] : body.split('\n').map((l) => `#   ${l}`))]);
        return;
      }
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, content);
    },
    async remove(file) {
      if (!dryRun) await fs.rm(file, { force: true });
    },
    async modifiedAt(file) {
      try {
        return (await fs.stat(file)).mtimeMs;
      } catch {
        return undefined;
      }
    },
    async entries(dir) {
      try {
        const found = await fs.readdir(dir, { withFileTypes: true });
        return found.map((d) => ({ name: d.name, isFile: d.isFile(), isDirectory: d.isDirectory() }));
      } catch {
        return [];
      }
    },
  };
}
