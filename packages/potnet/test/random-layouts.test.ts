/**
 * potnet on seeded random layouts (issue 14): no crash, no internal error or
 * stack trace, one error line per error. The long campaign (2,000 layouts,
 * and the 2 s bound per run) is scripts/potnet-random-layouts.ts; here a few
 * hundred runs, with the slowest reported but not asserted (a shared CI
 * machine is no stopwatch).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { runLayouts } from './random-layouts.js';

const potnet = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'potnet');
const work = mkdtempSync(path.join(os.tmpdir(), 'potnet-layouts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

it('survives 40 random layouts (200 runs)', () => {
  const c = runLayouts({ count: 40, firstSeed: 1, potnet, work, limitMs: Number.POSITIVE_INFINITY });
  console.log(`potnet random layouts: ${c.layouts} layouts, ${c.runs} runs, ${c.failed} failed, slowest ${c.maxMs} ms`);
  expect(c.failures).toEqual([]);
  expect(c.runs).toBe(200);
}, 600_000);
