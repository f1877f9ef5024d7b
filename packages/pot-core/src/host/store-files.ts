/**
 * The file operations of pot's store (store/): pot.conf, fscomp.conf, bridge
 * and status files by their real paths. Failures are thrown as the system
 * reports them (the store names the pot and the file). Under dry-run a
 * replacement is shown as `# write FILE:` with its lines and nothing changes;
 * a pot's run state (status files: written with `runtime`, removed) is kept
 * in memory instead, unshown, so the later steps of the plan read the status
 * the plan moved the pot to.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { writeFileAtomic } from './atomic-write.js';
import type { CommandRunner } from './command.js';
import { systemClock } from './clock.js';
import type { ClockOps, StoreFiles } from './types.js';

/** The store's files on this machine; with a dry-run runner, writes are shown through it and run state is kept in memory. */
export function createStoreFiles(runner?: Pick<CommandRunner, 'dryRun' | 'note'>, clock: ClockOps = systemClock): StoreFiles {
  const local = localStoreFiles();
  if (runner?.dryRun !== true) return local;
  /** Run state the plan wrote (undefined: removed), with when. */
  const planned = new Map<string, { content: string | undefined; at: number }>();
  return {
    async readIfExists(file) {
      const p = planned.get(file);
      return p === undefined ? local.readIfExists(file) : p.content;
    },
    async replace(file, content, options = {}) {
      if (options.runtime === true) {
        planned.set(file, { content, at: clock.now() });
        return;
      }
      const body = content.replace(/\n$/, '');
      runner.note?.([`# write ${file}:`, ...(body === '' ? [] : body.split('\n').map((l) => `#   ${l}`))]);
    },
    async remove(file) {
      planned.set(file, { content: undefined, at: 0 });
    },
    async modifiedAt(file) {
      const p = planned.get(file);
      if (p === undefined) return local.modifiedAt(file);
      return p.content === undefined ? undefined : p.at;
    },
    entries: (dir) => local.entries(dir),
  };
}

function localStoreFiles(): StoreFiles {
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
      await fs.mkdir(path.dirname(file), { recursive: true });
      await writeFileAtomic(file, content);
    },
    async remove(file) {
      await fs.rm(file, { force: true });
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
