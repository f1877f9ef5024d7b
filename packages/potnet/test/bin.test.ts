/** The potnet binary (bin/potnet) as a process. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { installation } from './installation.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const inst = installation({ pots: { web: 'network_type=public-bridge\nip=10.192.0.3\n' } });
afterAll(() => rmSync(inst.dir, { recursive: true, force: true }));

describe('bin/potnet', () => {
  it('leaves nothing in the temporary directory: no compile cache where other users could plant code for root', () => {
    const tmp = path.join(inst.dir, 'tmp');
    mkdirSync(tmp);
    const r = spawnSync(process.execPath, [path.join(root, 'bin', 'potnet'), 'next'], {
      env: { PATH: inst.path, LC_ALL: 'C', TMPDIR: tmp },
      encoding: 'utf8',
    });
    expect({ status: r.status, stdout: r.stdout, stderr: r.stderr }).toEqual({ status: 0, stdout: '10.192.0.4\n', stderr: '' });
    expect(readdirSync(tmp)).toEqual([]);
  });
});
