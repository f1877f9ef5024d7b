import type { Family } from './ip.js';

/** Addresses start..end (inclusive) of one family, as BigInt values. */
export interface Interval {
  start: bigint;
  end: bigint;
}

/**
 * Addresses as sorted runs of consecutive ones (pots numbered in order make
 * few runs). IPv4 values fit a double: a typed array sorts them natively and
 * the runs are found without a BigInt per address — 10,000 pots per command.
 */
export function runsOf(values: readonly bigint[], family: Family): Interval[] {
  if (family === 6) return bigintRuns([...values].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  const numbers = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) numbers[i] = Number(values[i]);
  numbers.sort();
  const runs: Interval[] = [];
  for (let i = 0; i < numbers.length; ) {
    const start = numbers[i] as number;
    let end = start;
    while (++i < numbers.length && (numbers[i] as number) <= end + 1) end = numbers[i] as number;
    runs.push({ start: BigInt(start), end: BigInt(end) });
  }
  return runs;
}

function bigintRuns(sorted: readonly bigint[]): Interval[] {
  const runs: Interval[] = [];
  let run: Interval | undefined;
  for (const v of sorted) {
    if (run && v <= run.end + 1n) {
      if (v > run.end) run.end = v;
    } else {
      run = { start: v, end: v };
      runs.push(run);
    }
  }
  return runs;
}

/** Sorted, with overlapping and adjacent intervals joined (new objects: the input is left alone). */
export function mergeIntervals(intervals: Interval[]): Interval[] {
  intervals.sort((a, b) => (a.start < b.start ? -1 : a.start > b.start ? 1 : 0));
  const merged: Interval[] = [];
  for (const iv of intervals) {
    const last = merged[merged.length - 1];
    if (last && iv.start <= last.end + 1n) {
      if (iv.end > last.end) last.end = iv.end;
    } else {
      merged.push({ ...iv });
    }
  }
  return merged;
}
