// The TypeScript files below a directory, for the tests that read the code's shape.
import { readdirSync } from 'node:fs';
import path from 'node:path';

export interface SourceFilter {
  /** Whether `*.test.ts` files count (default: no). */
  tests?: boolean;
  /** Directories (absolute paths) left out with everything below them. */
  skip?: readonly string[];
}

/** Every `.ts` file below DIR (no node_modules, no dist). */
export function tsFiles(dir: string, filter: SourceFilter = {}): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return e.name === 'node_modules' || e.name === 'dist' || filter.skip?.includes(p) ? [] : tsFiles(p, filter);
    return e.name.endsWith('.ts') && (filter.tests === true || !e.name.endsWith('.test.ts')) ? [p] : [];
  });
}
