import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  acquireLock,
  globalLockPath,
  heldLocksEnv,
  HELD_LOCKS_ENV,
  importLockPath,
  potLockPath,
  readLockOwner,
  runLockPath,
  withLock,
} from '../../src/locks/locks.js';
import { PotStore } from '../../src/store/store.js';

const here = path.dirname(fileURLToPath(import.meta.url));
let worker = '';

beforeAll(async () => {
  const out = mkdtempSync(path.join(os.tmpdir(), 'pot-lock-worker-'));
  worker = path.join(out, 'worker.mjs');
  await build({
    entryPoints: [path.join(here, 'worker.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    outfile: worker,
    packages: 'external',
    logLevel: 'silent',
  });
});

function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [worker, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, POT_LOCK_DIR: '' } });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

const tmp = (): string => mkdtempSync(path.join(os.tmpdir(), 'pot-lock-'));
const PROCESSES = 6;
const ITERATIONS = 25;

describe('locks across processes', () => {
  it('no contender loses an update of a shared counter', async () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'counter'), '0');
    const results = await Promise.all(Array.from({ length: PROCESSES }, (_, i) => run(['lock', dir, String(ITERATIONS), String(i)])));
    expect(results.map((r) => r.stderr)).toEqual(Array(PROCESSES).fill(''));
    expect(readFileSync(path.join(dir, 'counter'), 'utf8')).toBe(String(PROCESSES * ITERATIONS));
    expect(existsSync(path.join(dir, 'the.lock'))).toBe(false);
  }, 300_000);

  it('concurrent pot.conf updates through PotStore keep every change', async () => {
    const dir = tmp();
    const store = new PotStore({ fsRoot: path.join(dir, 'fs'), tmp: path.join(dir, 'tmp') });
    await store.writePotConf('web', 'pot.level=1\ncounter=0\n');
    const results = await Promise.all(Array.from({ length: PROCESSES }, (_, i) => run(['store', dir, String(ITERATIONS), String(i)])));
    expect(results.map((r) => r.code)).toEqual(Array(PROCESSES).fill(0));
    const conf = (await store.readPotConf('web'))!;
    expect(conf.get('counter')).toBe(String(PROCESSES * ITERATIONS));
    expect(conf.getAll('pot.depend')).toHaveLength(PROCESSES * ITERATIONS);
    expect(conf.lines[0]!.raw).toBe('pot.level=1');
  }, 300_000);
});

describe('locks in one process', () => {
  it('times out with a busy PotError naming the holder', async () => {
    const file = path.join(tmp(), 'x.lock');
    const held = await acquireLock(file);
    await expect(acquireLock(file, { timeoutMs: 80, what: 'the global pot lock' })).rejects.toMatchObject({
      code: 'busy',
      message: expect.stringMatching(new RegExp(`^the global pot lock is busy \\(held by pid ${process.pid}`)),
    });
    await held.release();
    const again = await acquireLock(file, { timeoutMs: 0 });
    expect(again.acquired).toBe(true);
    await again.release();
  });

  it('breaks a lock whose owner is dead', async () => {
    const dir = tmp();
    const file = path.join(dir, 'x.lock');
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(file, `pid=${dead}\nhost=${os.hostname()}\nsince=then\n`);
    const started = Date.now();
    const handle = await acquireLock(file, { timeoutMs: 2000 });
    expect(Date.now() - started).toBeLessThan(1000);
    expect((await readLockOwner(file))?.pid).toBe(process.pid);
    await handle.release();
    expect(existsSync(file)).toBe(false);
  });

  it('an ownerless lock file is stale only after staleAfterMs', async () => {
    const file = path.join(tmp(), 'x.lock');
    writeFileSync(file, '');
    await expect(acquireLock(file, { timeoutMs: 50, staleAfterMs: 60_000 })).rejects.toMatchObject({ code: 'busy' });
    const h = await acquireLock(file, { timeoutMs: 2000, staleAfterMs: 0 });
    await h.release();
  });

  it('is re-entrant along one call chain, exclusive between concurrent tasks', async () => {
    const file = path.join(tmp(), 'x.lock');
    const order: string[] = [];
    await withLock(file, async () => {
      order.push('outer');
      await withLock(file, async () => order.push('nested'), { timeoutMs: 0 });
    });
    expect(order).toEqual(['outer', 'nested']);
    const log: string[] = [];
    const task = (name: string) =>
      withLock(file, async () => {
        log.push(`${name}+`);
        await new Promise((r) => setTimeout(r, 20));
        log.push(`${name}-`);
      });
    await Promise.all([task('a'), task('b')]);
    expect([log.join(' ')]).toContainEqual(expect.stringMatching(/^(a\+ a- b\+ b-|b\+ b- a\+ a-)$/));
  });

  it('child processes re-enter locks their parent holds (POT_HELD_LOCKS)', async () => {
    const file = path.join(tmp(), 'x.lock');
    expect(heldLocksEnv()).toEqual({});
    await withLock(file, async () => {
      expect(heldLocksEnv()[HELD_LOCKS_ENV]).toBe(`${process.pid}:${file}`);
    });
    // the parent holds the lock; a child sees the parent's pid in its environment
    const parent = await acquireLock(file);
    const child = await acquireLock(file, { env: { [HELD_LOCKS_ENV]: `${process.pid}:${file}` }, timeoutMs: 0 });
    expect(child.acquired).toBe(false);
    await child.release();
    expect(existsSync(file)).toBe(true);
    await expect(acquireLock(file, { env: { [HELD_LOCKS_ENV]: `1:${file}` }, timeoutMs: 0 })).rejects.toMatchObject({ code: 'busy' });
    await parent.release();
    // once released, the leaked variable grants nothing: the lock is taken for real
    const after = await acquireLock(file, { env: { [HELD_LOCKS_ENV]: `99999999:${file}` }, timeoutMs: 0 });
    expect(after.acquired).toBe(true);
    await after.release();
  });

  it('lock paths', () => {
    expect(globalLockPath({ env: {} })).toBe('/tmp/pot-lock-file.lock');
    expect(globalLockPath({ env: { POT_LOCK_DIR: '/run/pot' } })).toBe('/run/pot/pot-lock-file.lock');
    expect(potLockPath('web', { potTmp: '/var/tmp/pot', env: {} })).toBe('/var/tmp/pot/pot-lock-web.lock');
    expect(() => potLockPath('../x', { env: {} })).toThrow(/cannot name a lock file/);
    expect(importLockPath('web_1_0', { potTmp: '/var/tmp/pot', env: {} })).toBe('/var/tmp/pot/pot-import-web_1_0.lock');
    expect(runLockPath('web', { potTmp: '/var/tmp/pot', env: { POT_LOCK_DIR: '/run/pot' } })).toBe('/run/pot/pot-run-web.lock');
    expect(() => runLockPath('a/b', { env: {} })).toThrow(/cannot name a lock file/);
    mkdirSync(tmp(), { recursive: true });
  });
});
