import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDryRunRunner, createFreeBsdHost, createRecordingRunner, formatCommand, formatLogLines, type RecordingRunner } from '../../src/host/index.js';
import { parseFetchSize } from '../../src/host/freebsd/downloads.js';
import { isPotError } from '../../src/errors/pot-error.js';

const log = (rec: RecordingRunner): string[] => rec.commands.flatMap((c) => formatLogLines(c.command, c.result));
const URL = 'https://ftp.freebsd.org/pub/FreeBSD/releases/amd64/amd64/13.2-RELEASE/base.txz';

describe('host.downloads (FreeBSD fetch)', () => {
  it("fetch -q -o FILE URL; a failure is a host-command PotError with fetch's message", async () => {
    const rec = createRecordingRunner({ responses: { 'fetch -q -o /c/bad': { exitCode: 1, stderr: `fetch: ${URL}: Not Found\n` } } });
    const host = createFreeBsdHost({ runner: rec, hostRoot: '/nonexistent' });
    await host.downloads.fetch(URL, '/c/13.2-RELEASE_base.txz');
    expect(log(rec)).toEqual([`E fetch -q -o /c/13.2-RELEASE_base.txz ${URL}`]);
    const err = await host.downloads.fetch(URL, '/c/bad').catch((e: unknown) => e);
    expect(isPotError(err) && err.code).toBe('host-command');
    expect((err as Error).message).toBe(`Download of ${URL} failed: fetch -q -o /c/bad ${URL} failed (exit 1): fetch: ${URL}: Not Found`);
  });

  it('refuses what is not a URL or an absolute path', async () => {
    const host = createFreeBsdHost({ runner: createRecordingRunner(), hostRoot: '/nonexistent' });
    await expect(host.downloads.fetch('-o/etc/passwd', '/c/f')).rejects.toMatchObject({ code: 'invalid-name' });
    await expect(host.downloads.fetch(URL, 'relative/f')).rejects.toMatchObject({ code: 'invalid-name' });
  });

  it('progress: the announced size (fetch -s) and the growing file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pot-dl-'));
    const file = path.join(dir, 'base.txz');
    const rec = createRecordingRunner({
      responses: (c) => {
        if (c.args[0] === '-s') return { stdout: '1000\n' };
        writeFileSync(file, Buffer.alloc(1000));
        return { exitCode: 0 };
      },
    });
    const host = createFreeBsdHost({ runner: rec, hostRoot: '/nonexistent' });
    const seen: Array<[number, number | undefined]> = [];
    await host.downloads.fetch(URL, file, { progress: (r, t) => seen.push([r, t]) });
    expect(log(rec)).toEqual([`Q fetch -s ${URL}`, `E fetch -q -o ${file} ${URL}`]);
    expect(seen[0]).toEqual([0, 1000]);
    expect(seen.at(-1)).toEqual([1000, 1000]);
    expect(parseFetchSize('Unknown\n')).toBeUndefined();
    expect(parseFetchSize('  123 \n')).toBe(123);
  });

  it('dry-run prints the download and reports no progress', async () => {
    const lines: string[] = [];
    const host = createFreeBsdHost({ runner: createDryRunRunner(undefined, { print: (l) => lines.push(l) }), hostRoot: '/nonexistent' });
    const seen: number[] = [];
    await host.downloads.fetch(URL, '/c/f', { progress: (r) => seen.push(r) });
    expect(lines).toEqual([`fetch -q -o /c/f ${URL}`]);
    expect(seen).toEqual([]);
  });
});

describe('host.archives', () => {
  it('tar -xkf, cp -a, chflags -R noschg, ln -s', async () => {
    const rec = createRecordingRunner();
    const host = createFreeBsdHost({ runner: rec, hostRoot: '/nonexistent' });
    await host.archives.extract('/c/13.2-RELEASE_base.txz', '/fs/bases/13.2');
    await host.archives.copyTree('/fs/bases/13.2/etc/', '/fs/bases/13.2/opt/custom');
    await host.archives.clearImmutable('/fs/bases/13.2/var/empty');
    await host.archives.symlink('opt/custom/etc', '/fs/bases/13.2/etc');
    expect(log(rec)).toEqual([
      'E tar -xkf /c/13.2-RELEASE_base.txz -C /fs/bases/13.2',
      'E cp -a /fs/bases/13.2/etc /fs/bases/13.2/opt/custom/',
      'E chflags -R noschg /fs/bases/13.2/var/empty',
      'E ln -s opt/custom/etc /fs/bases/13.2/etc',
    ]);
    await expect(host.archives.symlink('-f', '/x')).rejects.toMatchObject({ code: 'invalid-name' });
    await expect(host.archives.extract('base.txz', '/x')).rejects.toMatchObject({ code: 'invalid-name' });
  });

  it('progress: tar and xzcat read the file on stdin, its size is the total, the runner counts what was read', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'pot-x-'));
    const archive = path.join(dir, 'base.txz');
    writeFileSync(archive, 'x'.repeat(1000));
    const rec = createRecordingRunner({ responses: () => ({}) });
    const reading = rec.run.bind(rec);
    // a runner that reads the file in two halves
    rec.run = async (c) => {
      c.inputRead?.(500);
      c.pipeFrom?.inputRead?.(500);
      c.inputRead?.(1000);
      c.pipeFrom?.inputRead?.(1000);
      return reading(c);
    };
    const host = createFreeBsdHost({ runner: rec, hostRoot: '/nonexistent' });
    const seen: string[] = [];
    const progress = (done: number, total: number | undefined) => void seen.push(`${done}/${total}`);
    await host.archives.extract(archive, '/fs/bases/13.2', { progress });
    expect(seen).toEqual(['0/1000', '500/1000', '1000/1000', '1000/1000']);
    seen.length = 0;
    await host.images.receiveCompressed(archive, 'zroot/pot/jails/web_1_0', { progress });
    expect(seen).toEqual(['0/1000', '500/1000', '1000/1000', '1000/1000']);
    expect(rec.commands.map((c) => formatCommand(c.command))).toEqual([
      `tar -xkf - -C /fs/bases/13.2 < ${archive}`,
      `xzcat < ${archive} | zfs receive zroot/pot/jails/web_1_0`,
    ]);
  });

  it('dry-run extracts and receives as without progress, and reports none', async () => {
    const rec = createRecordingRunner({ dryRun: true });
    const host = createFreeBsdHost({ runner: rec, hostRoot: '/nonexistent' });
    const progress = () => {
      throw new Error('no progress in dry-run');
    };
    await host.archives.extract('/c/base.txz', '/d', { progress });
    await host.images.receiveCompressed('/c/web_1.0.xz', 'zroot/pot/jails/web_1_0', { progress });
    expect(rec.plan()).toEqual(['tar -xkf /c/base.txz -C /d', 'xzcat /c/web_1.0.xz | zfs receive zroot/pot/jails/web_1_0']);
  });

  it('a failing tool is a host-command PotError', async () => {
    const rec = createRecordingRunner({ responses: { tar: { exitCode: 1, stderr: 'tar: Error opening archive\n' } } });
    const host = createFreeBsdHost({ runner: rec, hostRoot: '/nonexistent' });
    await expect(host.archives.extract('/c/f.txz', '/d')).rejects.toMatchObject({
      code: 'host-command',
      message: 'tar -xkf /c/f.txz -C /d failed (exit 1): tar: Error opening archive',
    });
  });
});
