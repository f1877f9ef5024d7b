/**
 * The 520 public cases recorded from the Rust potnet 0.5.0, judged by the
 * oracle's own rules (test/golden/README.md) against the BUILT binary. The
 * judge is the oracle's compare.py, copied here unchanged, so a case passes
 * here exactly when it passes for the team's oracle.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const here = path.dirname(fileURLToPath(import.meta.url));
const potnet = path.resolve(here, '..', 'bin', 'potnet');
const goldenDir = path.join(here, 'golden');

interface CaseResult {
  case: string;
  passed: boolean;
  reason: string | null;
  accepted_as: string | null;
}

const caseNames = readFileSync(path.join(goldenDir, 'cases', 'INDEX.tsv'), 'utf8')
  .split('\n')
  .slice(1)
  .filter((line) => line.trim() !== '')
  .map((line) => line.split('\t')[0] as string);

let results = new Map<string, CaseResult>();

beforeAll(() => {
  // compare.py puts the fixture's prefix/bin first and keeps the caller's PATH
  // dirs, so `node` is the one this test runs under.
  const out = execFileSync('python3', [path.join(goldenDir, 'compare.py'), '--potnet', `${process.execPath} ${potnet}`, '--cases', 'public', '--jobs', '2', '--json'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    env: { ...process.env, PATH: `${path.dirname(process.execPath)}:${process.env.PATH ?? ''}` },
  }).toString();
  const report = JSON.parse(out) as { results: CaseResult[] };
  results = new Map(report.results.map((r) => [r.case, r]));
});

describe('potnet golden cases (Rust potnet 0.5.0)', () => {
  it('ran every public case', () => {
    expect(results.size).toBe(caseNames.length);
  });
  it.each(caseNames)('%s', (name) => {
    const result = results.get(name);
    expect(result, `no result for ${name}`).toBeDefined();
    expect(result?.reason ?? 'passed').toBe('passed');
    expect(result?.passed).toBe(true);
  });
});
