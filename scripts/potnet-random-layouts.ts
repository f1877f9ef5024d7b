// The long potnet campaign of issue 14: `node scripts/potnet-random-layouts.ts [COUNT] [FIRST_SEED]`
// (default 2,000 layouts from seed 1, five runs each) against the built potnet; every run must end
// without a crash, an internal error or a stack trace, with one line per error, within 2 s.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { processRun, runLayouts } from '../packages/potnet/test/random-layouts.ts';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const count = Number(process.argv[2] ?? 2000);
const firstSeed = Number(process.argv[3] ?? 1);
const work = mkdtempSync(path.join(os.tmpdir(), 'potnet-layouts-'));
try {
  const c = runLayouts({ count, firstSeed, run: processRun(path.join(root, 'packages', 'potnet', 'bin', 'potnet')), work, limitMs: 2000 });
  for (const f of c.failures) console.error(f);
  console.log(
    `potnet random layouts: ${c.layouts} layouts (seeds ${firstSeed}-${firstSeed + count - 1}), ${c.runs} runs, ${c.failed} failed, slowest ${c.maxMs} ms`,
  );
  process.exitCode = c.failed === 0 ? 0 : 1;
} finally {
  rmSync(work, { recursive: true, force: true });
}
