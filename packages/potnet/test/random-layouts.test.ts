/**
 * potnet on seeded random layouts (issue 14): no crash, no internal error or
 * stack trace, one error line per error. The long campaign (2,000 layouts,
 * and the 2 s bound per run) is scripts/potnet-random-layouts.ts; here 400
 * runs of the command in process (runPotnetCli, what the binary runs) and 20
 * of the built binary, with the slowest reported but not asserted (a shared
 * CI machine is no stopwatch).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, expect, it } from 'vitest';
import { runPotnetCli } from '../src/cli-main.js';
import { type PotnetRun, processRun, runLayouts } from './random-layouts.js';

const potnet = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'potnet');
const work = mkdtempSync(path.join(os.tmpdir(), 'potnet-layouts-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** The command in this process, on the layout's PATH. */
const inProcess: PotnetRun = (argv, env) => {
  let stderr = '';
  const code = runPotnetCli(argv, { out: () => {}, err: (t) => void (stderr += t), path: env.PATH });
  return { code, signal: null, stderr };
};

it('survives 80 random layouts in process (400 runs)', () => {
  const c = runLayouts({ count: 80, firstSeed: 1, run: inProcess, work, limitMs: Number.POSITIVE_INFINITY });
  console.log(`potnet random layouts in process: ${c.layouts} layouts, ${c.runs} runs, ${c.failed} failed, slowest ${c.maxMs} ms`);
  expect(c.failures).toEqual([]);
  expect(c.runs).toBe(400);
});

it('survives 4 random layouts as the built binary (20 runs)', () => {
  const c = runLayouts({ count: 4, firstSeed: 1001, run: processRun(potnet), work, limitMs: Number.POSITIVE_INFINITY });
  console.log(`potnet random layouts as processes: ${c.layouts} layouts, ${c.runs} runs, ${c.failed} failed, slowest ${c.maxMs} ms`);
  expect(c.failures).toEqual([]);
  expect(c.runs).toBe(20);
});
