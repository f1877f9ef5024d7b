// pot-core acts on the machine only through the host seam (src/host): no other module touches
// the file system, processes or the clock itself (issue 13: the seam is closed).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tsFiles } from '../source-files.js';

const SRC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src');

const FORBIDDEN: ReadonlyArray<[string, RegExp]> = [
  ['node:fs', /from 'node:fs(\/promises)?'|require\('(node:)?fs'\)/],
  ['child processes', /from 'node:child_process'|from 'execa'/],
  ['process.chdir', /process\.chdir\(/],
  ['process.kill', /process\.kill\(/],
  ['Date.now', /Date\.now\(\)/],
  ['real timers', /from 'node:timers(\/promises)?'|\bsetTimeout\(/],
];

describe('the host seam', () => {
  it('is the only way out of pot-core', () => {
    const found = tsFiles(SRC, { skip: [path.join(SRC, 'host')] }).flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return FORBIDDEN.filter(([, re]) => re.test(text)).map(([what]) => `${path.relative(SRC, file)}: ${what}`);
    });
    expect(found).toEqual([]);
  });
});
