// A contender for the lock tests, bundled by esbuild and run as its own node process.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { withLock } from '../../src/locks/locks.js';
import { PotStore } from '../../src/store/store.js';

const [mode, dir, iterations, id] = process.argv.slice(2) as [string, string, string, string];
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function main(): Promise<void> {
  const store = new PotStore({ fsRoot: path.join(dir, 'fs'), tmp: path.join(dir, 'tmp'), lock: { timeoutMs: 60_000 } });
  for (let i = 0; i < Number(iterations); i++) {
    if (mode === 'lock') {
      await withLock(path.join(dir, 'the.lock'), async () => {
        const file = path.join(dir, 'counter');
        const n = Number(readFileSync(file, 'utf8'));
        await sleep(Math.random() * 3);
        writeFileSync(file, String(n + 1));
      });
    } else {
      await store.updatePotConf('web', async (conf) => {
        const n = Number(conf.get('counter') ?? '0');
        await sleep(Math.random() * 3);
        conf.set('counter', String(n + 1));
        conf.add('pot.depend', `w${id}-${i}`);
      });
    }
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
