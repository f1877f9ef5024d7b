/**
 * A write that fails (ENOSPC injected beneath the store's atomic write) leaves
 * the previous pot.conf, fscomp.conf and bridge file whole, leaves no temporary
 * file behind, and is reported as an error naming the owner and the file.
 */
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PotError } from '../../src/errors/pot-error.js';
import { PotStore } from '../../src/store/store.js';

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'pot-enospc-'));

/** From now on every file opened for writing fails with ENOSPC after part of it was written. */
function diskFull(): void {
  const open = fs.open.bind(fs);
  vi.spyOn(fs, 'open').mockImplementation(async (...args: Parameters<typeof fs.open>) => {
    const handle = await open(...args);
    if (args[1] !== 'wx') return handle;
    const writeFile = handle.writeFile.bind(handle);
    handle.writeFile = async (data: Parameters<typeof handle.writeFile>[0]) => {
      await writeFile(String(data).slice(0, 5));
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    };
    return handle;
  });
}

afterEach(() => vi.restoreAllMocks());

async function failure(p: Promise<unknown>): Promise<PotError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PotError);
  return err as PotError;
}

describe('a write that fails on a full disk', () => {
  it('leaves pot.conf, fscomp.conf and the bridge file as they were', async () => {
    const fsRoot = tmp();
    const store = new PotStore({ fsRoot, tmp: path.join(fsRoot, 'tmp'), lockDir: path.join(fsRoot, 'locks') });
    await store.writePotConf('web', 'pot.level=1\nip=10.192.0.3\n');
    await store.writeFscompConf('web', 'zroot/pot/jails/web/m /m\n');
    await store.writeBridge({ name: 'stage', net: '10.192.1.0/28', gateway: '10.192.1.1' });
    const conf = path.join(fsRoot, 'jails', 'web', 'conf');
    const before = {
      pot: readFileSync(path.join(conf, 'pot.conf'), 'utf8'),
      fscomp: readFileSync(path.join(conf, 'fscomp.conf'), 'utf8'),
      bridge: readFileSync(path.join(fsRoot, 'bridges', 'stage'), 'utf8'),
    };

    diskFull();
    const e1 = await failure(store.updatePotConf('web', (c) => void c.set('ip', '10.192.0.9')));
    expect(e1.message).toBe(`pot web: ${path.join(conf, 'pot.conf')} cannot be written (no space left on the device)`);
    expect(e1.suggestion).toMatch(/previous file is unchanged/);
    await failure(store.updateFscompConf('web', (f) => void f.add({ source: '/data', mountpoint: '/mnt', option: '' })));
    const e3 = await failure(store.writeBridge({ name: 'stage', net: '10.192.2.0/28', gateway: '10.192.2.1' }));
    expect(e3.message).toMatch(/^bridge stage: .* cannot be written \(no space left on the device\)$/);

    expect(readFileSync(path.join(conf, 'pot.conf'), 'utf8')).toBe(before.pot);
    expect(readFileSync(path.join(conf, 'fscomp.conf'), 'utf8')).toBe(before.fscomp);
    expect(readFileSync(path.join(fsRoot, 'bridges', 'stage'), 'utf8')).toBe(before.bridge);
    expect(readdirSync(conf).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(path.join(fsRoot, 'bridges')).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
