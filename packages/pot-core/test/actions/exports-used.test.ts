// The `actions` namespace exports only what its callers use (issue 13): every name a folder's
// index exports is used outside pot-core's src (the CLI, its tests, pot-core's tests).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tsFiles } from '../source-files.js';

const CORE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const ACTIONS = path.join(CORE, 'src', 'actions');
const CALLERS = [path.resolve(CORE, '../../apps/cli/src'), path.resolve(CORE, '../../apps/cli/test'), path.join(CORE, 'test')];

/** The names `export { a, b as c, type T } from '…'` lines of an index give out. */
function exportedNames(index: string): string[] {
  const text = readFileSync(index, 'utf8');
  return [...text.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/g)].flatMap((m) =>
    (m[1] ?? '')
      .split(',')
      .map((n) => n.trim().replace(/^type\s+/, ''))
      .filter((n) => n !== '')
      .map((n) => n.split(/\s+as\s+/).pop() as string),
  );
}

describe('the actions namespace', () => {
  it('exports only names its callers use', () => {
    const callers = CALLERS.flatMap((dir) => tsFiles(dir, { tests: true }))
      .filter((f) => !f.endsWith('exports-used.test.ts'))
      .map((f) => readFileSync(f, 'utf8'))
      .join('\n');
    const folders = readdirSync(ACTIONS, { withFileTypes: true }).filter((e) => e.isDirectory());
    const unused = folders.flatMap((f) =>
      exportedNames(path.join(ACTIONS, f.name, 'index.ts'))
        .filter((n) => !new RegExp(`\\b${n}\\b`).test(callers))
        .map((n) => `${f.name}: ${n}`),
    );
    expect(unused).toEqual([]);
  });
});
