/** Every error code is documented in the README, with the same meaning as in POT_ERROR_CODES. */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { listingHint, notFound } from '../../src/errors/not-found.js';
import { POT_ERROR_CODES } from '../../src/errors/pot-error.js';

const readme = readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../../README.md'), 'utf8');

describe('error codes', () => {
  it("the README's table lists every code of POT_ERROR_CODES, in order, with its meaning", () => {
    const rows = [...readme.matchAll(/^\| `([a-z-]+)` \| (.*) \|$/gm)].map((m) => [m[1], m[2]]);
    expect(rows).toEqual(Object.entries(POT_ERROR_CODES));
  });
});

describe('notFound', () => {
  it('names the thing and the command that lists what exists', () => {
    const e = notFound('fscomp', 'data');
    expect([e.code, e.exitCode, e.message, e.suggestion]).toEqual(['not-found', 1, 'fs component data not found', "'pot ls -f' lists the fs components"]);
    expect(notFound('pot', 'db', { role: 'dependency pot' }).message).toBe('dependency pot db not found');
    expect(notFound('snapshot', '123', { of: 'web' }).message).toBe('snapshot 123 not found in pot web');
    expect(listingHint('snapshot', 'web')).toBe("'pot info -s -p web' lists its snapshots");
    for (const kind of ['pot', 'base', 'bridge', 'flavour'] as const) expect(listingHint(kind)).toMatch(/^'pot ls( -[bBF])?' lists the /);
  });
});
