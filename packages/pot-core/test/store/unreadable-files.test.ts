/** A pot's or bridge's file that is there but cannot be read: an error naming the owner and the file, never a raw EISDIR. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PotError } from '../../src/errors/pot-error.js';
import { PotStore } from '../../src/store/store.js';

async function failure(p: Promise<unknown>): Promise<PotError> {
  const err = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(PotError);
  return err as PotError;
}

describe('unreadable pot files', () => {
  it('pot.conf, fscomp.conf, the status file and a bridge file that are directories', async () => {
    const fsRoot = mkdtempSync(path.join(os.tmpdir(), 'pot-unreadable-'));
    const tmp = path.join(fsRoot, 'tmp');
    const store = new PotStore({ fsRoot, tmp, lockDir: path.join(fsRoot, 'locks') });
    const conf = path.join(fsRoot, 'jails', 'bad', 'conf');
    for (const d of [path.join(conf, 'pot.conf'), path.join(conf, 'fscomp.conf'), path.join(tmp, 'pot_status_bad'), path.join(fsRoot, 'bridges', 'stage')])
      mkdirSync(d, { recursive: true });
    const e = await failure(store.readPotConf('bad'));
    expect(e.code).toBe('host-state');
    expect(e.message).toBe(`pot bad: ${path.join(conf, 'pot.conf')} cannot be read (it is a directory)`);
    expect(e.suggestion).toContain("'pot destroy -F -p bad'");
    expect((await failure(store.readFscompConf('bad'))).message).toBe(`pot bad: ${path.join(conf, 'fscomp.conf')} cannot be read (it is a directory)`);
    expect((await failure(store.readStatus('bad'))).message).toMatch(/^pot bad: .*pot_status_bad cannot be read \(it is a directory\)$/);
    expect((await failure(store.readBridge('stage'))).message).toMatch(/^bridge stage: .*bridges\/stage cannot be read \(it is a directory\)$/);
  });
});
