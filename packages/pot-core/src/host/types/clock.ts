/** Time. */

/** Time: the only way pot-core reads the clock or waits (host/clock.ts). */
export interface ClockOps {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms` milliseconds. */
  sleep(ms: number): Promise<void>;
}
