/**
 * The help texts reproduce shell pot's: recorded before the commands were
 * declared once (test/fixtures/help-texts.json), they must stay byte-identical
 * unless a changeset documents the fix.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runPot } from '../src/main.js';

interface Recorded {
  code: number;
  stdout: string;
  stderr: string;
}

const recorded = JSON.parse(readFileSync(new URL('./fixtures/help-texts.json', import.meta.url), 'utf8')) as Record<string, Recorded>;

async function run(argv: string[]): Promise<Recorded> {
  let stdout = '';
  let stderr = '';
  const code = await runPot(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: { PATH: '/nonexistent' } });
  return { code, stdout, stderr };
}

describe('help texts (recorded from the hand-written help strings)', () => {
  it.each(Object.keys(recorded))('pot %s', async (line) => {
    expect(await run(line === '' ? [] : line.split(' '))).toEqual(recorded[line]);
  });
});
