import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createManualClock, waitUntil } from '../../src/host/clock.js';
import { acquireLock } from '../../src/locks/locks.js';

describe('host clock', () => {
  it('a manual clock moves only when something sleeps on it, and records the waits', async () => {
    const clock = createManualClock(1_000);
    await clock.sleep(250);
    clock.advance(50);
    expect(clock.now()).toBe(1_300);
    expect(clock.slept).toEqual([250]);
  });

  it('waitUntil answers at once when the condition holds, without a wait', async () => {
    const clock = createManualClock();
    expect(await waitUntil(clock, async () => true, { timeoutMs: 1_000, intervalMs: 100 })).toBe(true);
    expect(clock.slept).toEqual([]);
  });

  it('waitUntil polls until the condition holds, and gives up at the deadline', async () => {
    const clock = createManualClock(0);
    let checks = 0;
    expect(await waitUntil(clock, async () => ++checks === 3, { timeoutMs: 1_000, intervalMs: 100 })).toBe(true);
    expect(clock.slept).toEqual([100, 100]);
    const never = createManualClock(0);
    expect(await waitUntil(never, async () => false, { timeoutMs: 250, intervalMs: 100 })).toBe(false);
    expect(never.slept).toEqual([100, 100, 50]);
    expect(never.now()).toBe(250);
  });
});

describe('locks on a host clock', () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a lock held by a live process times out on the clock given, not on the wall clock', async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'pot-clock-'));
    const file = path.join(dir, 'pot.lock');
    // held by this (live) process, as another pot command would hold it
    writeFileSync(file, `pid=${process.pid}\nhost=\nsince=2023-11-14T22:13:00.000Z\n`);
    const clock = createManualClock();
    await expect(acquireLock(file, { timeoutMs: 5_000, clock, what: 'the test lock' })).rejects.toThrow(/the test lock is busy/);
    // the 5 s went by on the clock given (the waits carry a random factor of 0.5 to 1.5)
    expect(clock.slept.reduce((a, b) => a + b, 0)).toBeGreaterThan(2_400);
  });
});
