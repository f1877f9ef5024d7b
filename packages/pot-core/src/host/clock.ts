/**
 * Time as pot sees it. Actions read the time and wait only through `host.clock`;
 * this module is the one place that touches the real clock, so a test can give a
 * host a clock of its own (`createManualClock`) and never wait for real.
 */
import { setTimeout as delay } from 'node:timers/promises';
import type { ClockOps } from './types.js';

/** The machine's clock: wall time and real waits. */
export const systemClock: ClockOps = {
  now: () => Date.now(),
  sleep: (ms) => delay(Math.max(0, ms)),
};

/** A clock that only moves when something sleeps on it: every wait returns at once. */
export interface ManualClock extends ClockOps {
  /** Every wait asked for, in milliseconds, in order. */
  readonly slept: readonly number[];
  /** Moves the time forward without a wait. */
  advance(ms: number): void;
}

export function createManualClock(start = Date.UTC(2023, 10, 14, 22, 13)): ManualClock {
  let now = start;
  const slept: number[] = [];
  return {
    now: () => now,
    async sleep(ms) {
      slept.push(ms);
      now += Math.max(0, ms);
    },
    advance(ms) {
      now += ms;
    },
    slept,
  };
}

export interface WaitOptions {
  /** Give up after this long (the condition is still checked once at the end). */
  timeoutMs: number;
  /** Time between two checks. */
  intervalMs: number;
}

/**
 * Checks `condition` until it holds or the deadline passes; answers whether it
 * held. A condition that holds at once costs no wait at all.
 */
export async function waitUntil(clock: ClockOps, condition: () => Promise<boolean>, o: WaitOptions): Promise<boolean> {
  const deadline = clock.now() + o.timeoutMs;
  for (;;) {
    if (await condition()) return true;
    const left = deadline - clock.now();
    if (left <= 0) return false;
    await clock.sleep(Math.min(o.intervalMs, left));
  }
}
