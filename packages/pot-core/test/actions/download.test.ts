/** Every download and extraction goes through download() and extractArchive(): the reporter's progress display while it runs, none when quiet. */
import { describe, expect, it } from 'vitest';
import { download, extractArchive, type ActionContext } from '../../src/actions/context/context.js';

function context(verbosity: number, seen: string[]): ActionContext {
  return {
    verbosity,
    settings: {} as ActionContext['settings'],
    host: {
      archives: {
        extract: async (archive: string, _dir: string, o: { progress?: (r: number, t: number | undefined) => void } = {}) => {
          o.progress?.(100, 400);
          if (archive.endsWith('broken.txz')) throw new Error('tar failed');
        },
      },
      downloads: {
        fetch: async (_url: string, _file: string, o: { progress?: (r: number, t: number | undefined) => void } = {}) => {
          o.progress?.(512, 1024);
          if (_url.endsWith('/broken')) throw new Error('fetch failed');
        },
      },
    } as unknown as ActionContext['host'],
    report: {
      print: () => {},
      diag: () => {},
      progress: (label) => {
        seen.push(`start ${label}`);
        return { update: (r, t) => void seen.push(`${r}/${t}`), done: () => void seen.push('done') };
      },
    },
  };
}

describe('download', () => {
  it('shows the progress of the file being downloaded and ends the display', async () => {
    const seen: string[] = [];
    await download(context(1, seen), 'https://example.org/web_1.0.xz', '/var/cache/pot/web_1.0.xz');
    expect(seen).toEqual(['start web_1.0.xz', '512/1024', 'done']);
  });

  it('ends the display when the download fails', async () => {
    const seen: string[] = [];
    await expect(download(context(1, seen), 'https://example.org/broken', '/tmp/x')).rejects.toThrow('fetch failed');
    expect(seen.at(-1)).toBe('done');
  });

  it('shows nothing when quiet (-q)', async () => {
    const seen: string[] = [];
    await download(context(0, seen), 'https://example.org/a.xz', '/tmp/a.xz');
    expect(seen).toEqual([]);
  });
});

describe('extractArchive', () => {
  it('shows how much of the archive was read and ends the display', async () => {
    const seen: string[] = [];
    await extractArchive(context(1, seen), '/var/cache/pot/13.2-RELEASE_base.txz', '/opt/pot/bases/13.2');
    expect(seen).toEqual(['start extracting 13.2-RELEASE_base.txz', '100/400', 'done']);
  });

  it('ends the display when the extraction fails', async () => {
    const seen: string[] = [];
    await expect(extractArchive(context(1, seen), '/tmp/broken.txz', '/tmp/x')).rejects.toThrow('tar failed');
    expect(seen.at(-1)).toBe('done');
  });

  it('shows nothing when quiet (-q)', async () => {
    const seen: string[] = [];
    await extractArchive(context(0, seen), '/tmp/a.txz', '/tmp/a');
    expect(seen).toEqual([]);
  });
});
