/**
 * Files below a root directory: host files below the host root
 * (POT_HOST_ROOT, `/` on a real host) and files inside a pot's root. Paths are
 * absolute inside the root; `..` and symlinks can never lead outside it (an
 * absolute symlink target is taken relative to the root, as inside a jail).
 * In dry-run, writes and removals are announced through the runner instead.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PotError } from '../errors/pot-error.js';
import { commandError, formatArgv, type CommandRunner } from './command.js';
import { createStoreFiles } from './store-files.js';
import type { ClockOps, FileOps, RootedFiles } from './types.js';

const MAX_LINKS = 40;

async function lstatOrUndefined(p: string) {
  try {
    return await fs.lstat(p);
  } catch {
    return undefined;
  }
}

/** Resolves `file` (absolute inside `root`) to a real path inside `root`, following symlinks inside the root. */
export async function resolveUnder(root: string, file: string): Promise<string> {
  const base = path.resolve(root);
  const pending = file.split('/').filter((c) => c !== '' && c !== '.');
  const done: string[] = [];
  let links = 0;
  while (pending.length > 0) {
    const part = pending.shift()!;
    if (part === '..') {
      done.pop();
      continue;
    }
    const candidate = path.join(base, ...done, part);
    const st = await lstatOrUndefined(candidate);
    if (st?.isSymbolicLink()) {
      links += 1;
      if (links > MAX_LINKS) throw new PotError('host-state', `Too many symbolic links below ${root} resolving ${file}`);
      const target = await fs.readlink(candidate);
      if (target.startsWith('/')) done.length = 0;
      pending.unshift(...target.split('/').filter((c) => c !== '' && c !== '.'));
      continue;
    }
    done.push(part);
  }
  return path.join(base, ...done);
}

export interface RootedFilesOptions {
  runner: CommandRunner;
  /** When a dry run's run-state writes happened (default: the machine's clock). */
  clock?: ClockOps;
}

export function createRootedFiles(root: string, options: RootedFilesOptions): RootedFiles {
  const { runner } = options;
  const note = (lines: string[]): void => runner.note?.(lines);
  const shown = (file: string): string => (root === '/' || root === '' ? file : path.join(root, file));
  const resolve = (file: string): Promise<string> => resolveUnder(root === '' ? '/' : root, file);

  const self: RootedFiles = {
    root: root === '' ? '/' : root,
    resolve,
    async read(file) {
      try {
        return await fs.readFile(await resolve(file), 'utf8');
      } catch {
        return undefined;
      }
    },
    async write(file, content, writeOptions = {}) {
      if (runner.dryRun) {
        const body = content.replace(/\n$/, '');
        note([`# write ${shown(file)}:`, ...(body === '' ? [] : body.split('\n').map((l) => `#   ${l}`))]);
        return;
      }
      const real = await resolve(file);
      try {
        await fs.writeFile(real, content, writeOptions.mode === undefined ? {} : { mode: writeOptions.mode });
        if (writeOptions.mode !== undefined) await fs.chmod(real, writeOptions.mode);
      } catch (cause) {
        throw new PotError('host-state', `Cannot write ${shown(file)}: ${(cause as Error).message}`, { cause });
      }
    },
    async exists(file) {
      return (await lstatOrUndefined(await resolve(file))) !== undefined;
    },
    async isExecutable(file) {
      try {
        const st = await fs.stat(await resolve(file));
        return st.isFile() && (st.mode & 0o111) !== 0;
      } catch {
        return false;
      }
    },
    async isDirectory(file) {
      try {
        return (await fs.stat(await resolve(file))).isDirectory();
      } catch {
        return false;
      }
    },
    async list(dir) {
      try {
        return (await fs.readdir(await resolve(dir))).sort();
      } catch {
        return [];
      }
    },
    async mkdirp(dir) {
      if (runner.dryRun) {
        if (!(await self.isDirectory(dir))) note([formatArgv('mkdir', ['-p', shown(dir)])]);
        return;
      }
      try {
        await fs.mkdir(await resolve(dir), { recursive: true });
      } catch (cause) {
        throw new PotError('host-state', `Cannot create ${shown(dir)}: ${(cause as Error).message}`, { cause });
      }
    },
    async remove(file) {
      if (runner.dryRun) {
        if (await self.exists(file)) note([formatArgv('rm', ['-rf', shown(file)])]);
        return;
      }
      await fs.rm(await resolve(file), { recursive: true, force: true });
    },
    async copy(from, to) {
      const content = await self.read(from);
      if (content === undefined) return false;
      if (runner.dryRun) {
        note([formatArgv('cp', [shown(from), shown(to)])]);
        return true;
      }
      const mode = (await fs.stat(await resolve(from))).mode & 0o7777;
      await self.write(to, content, { mode });
      return true;
    },
    async rename(from, to) {
      if (runner.dryRun) {
        note([formatArgv('mv', [shown(from), shown(to)])]);
        return;
      }
      try {
        await fs.rename(await resolve(from), await resolve(to));
      } catch (cause) {
        throw new PotError('host-state', `Cannot move ${shown(from)} to ${shown(to)}: ${(cause as Error).message}`, { cause });
      }
    },
    async chmod(file, mode) {
      if (runner.dryRun) {
        note([formatArgv('chmod', [mode.toString(8), shown(file)])]);
        return;
      }
      await fs.chmod(await resolve(file), mode);
    },
    async chown(file, owner) {
      // the host root '/' keeps the path as given (as shell pot's log shows it); other roots resolve links inside them
      const target = root === '/' || root === '' ? path.resolve('/', file) : await resolve(file);
      const command = { file: 'chown', args: [owner, target], mutating: true };
      const result = await runner.run(command);
      if (result.exitCode !== 0) throw commandError(command, result);
    },
    async modifiedAt(file) {
      try {
        return (await fs.stat(await resolve(file))).mtimeMs;
      } catch {
        return undefined;
      }
    },
    async rmdirIfEmpty(dir) {
      if (!(await self.isDirectory(dir)) || (await self.list(dir)).length > 0) return false;
      if (runner.dryRun) {
        note([formatArgv('rmdir', [shown(dir)])]);
        return true;
      }
      try {
        await fs.rmdir(await resolve(dir));
        return true;
      } catch {
        return false;
      }
    },
  };
  return self;
}

export function createFileOps(hostRoot: string, options: RootedFilesOptions): FileOps {
  const host = createRootedFiles(hostRoot, options);
  return { ...host, under: (root: string) => createRootedFiles(root, options), store: createStoreFiles(options.runner, options.clock) };
}
