/**
 * Downloads on FreeBSD: `fetch -q -o FILE URL` (FreeBSD's fetch(1), argument
 * array, never a shell). The tool's own output is captured, so progress is
 * measured here instead: the size the server announces (`fetch -s URL`) and the
 * growing output file, polled while the download runs.
 */
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import { commandError, type CommandRunner, type HostCommand } from '../command.js';
import type { DownloadOps, DownloadProgress } from '../types.js';

/** How often the output file is looked at while a download with progress runs (ms). */
export const PROGRESS_INTERVAL_MS = 250;

/** Only absolute URLs of the schemes fetch(1) speaks; nothing a tool could take for an option. */
export function checkDownloadUrl(url: string): string {
  if (!/^(https?|ftp|file):\/\/[^\s]+$/.test(url)) {
    throw new PotError('invalid-name', `${JSON.stringify(url)} is not a URL pot can download`, { suggestion: 'use an http, https, ftp or file URL' });
  }
  return url;
}

/** Only absolute paths (a relative one could start with `-` or depend on the working directory). */
export function checkLocalPath(file: string): string {
  if (!path.isAbsolute(file) || /[\0\n]/.test(file)) {
    throw new PotError('invalid-name', `${JSON.stringify(file)} is not an absolute path`, { suggestion: 'give an absolute path' });
  }
  return file;
}

/** The size `fetch -s` printed: a number of bytes, or `Unknown`. */
export function parseFetchSize(stdout: string): number | undefined {
  const word = stdout.trim().split(/\s+/)[0] ?? '';
  return /^[0-9]+$/.test(word) ? Number(word) : undefined;
}

async function sizeOf(file: string): Promise<number> {
  try {
    return (await fs.stat(file)).size;
  } catch {
    return 0;
  }
}

export function createDownloadOps(runner: CommandRunner): DownloadOps {
  const run = (command: HostCommand) => runner.run(command);

  async function announcedSize(url: string): Promise<number | undefined> {
    const r = await run({ file: 'fetch', args: ['-s', url], mutating: false });
    return r.exitCode === 0 ? parseFetchSize(r.stdout) : undefined;
  }

  async function withProgress<T>(file: string, total: number | undefined, progress: DownloadProgress, fn: () => Promise<T>): Promise<T> {
    let polling = Promise.resolve();
    const timer = setInterval(() => {
      polling = polling.then(async () => progress(await sizeOf(file), total));
    }, PROGRESS_INTERVAL_MS);
    try {
      progress(0, total);
      return await fn();
    } finally {
      clearInterval(timer);
      await polling;
    }
  }

  return {
    async fetch(url, file, options = {}) {
      checkDownloadUrl(url);
      checkLocalPath(file);
      const command: HostCommand = { file: 'fetch', args: ['-q', '-o', file, url], mutating: true };
      const download = async (): Promise<void> => {
        const r = await run(command);
        if (r.exitCode !== 0) throw commandError(command, r, `Download of ${url} failed`);
      };
      const progress = options.progress;
      if (progress === undefined || runner.dryRun) {
        await download();
        return;
      }
      const total = await announcedSize(url);
      await withProgress(file, total, progress, download);
      progress(await sizeOf(file), total);
    },
  };
}
