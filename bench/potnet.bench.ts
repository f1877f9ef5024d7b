/**
 * potnet speed: whole processes (node start-up included, clean environment)
 * and in-process library calls, on generated host layouts of 0, 1k, 10k and
 * 50k pots. Run with `npm run bench`; writes bench/results/potnet.json and
 * prints a Markdown table for bench/README.md.
 *
 * BENCH_ORIGINAL=/path/to/potnet (a Rust potnet 0.5.0 built elsewhere: none
 * of its code is in this repository) times the original too, run for run
 * interleaved with ours so both see the same machine.
 *
 * Layouts come from the golden fixture builder's `scale` spec: pots numbered
 * from network+3, every 10th a private-bridge pot inside a bridge, /28
 * bridges from the upper half of 10.192.0.0/10.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const potnetBin = path.join(root, 'packages/potnet/bin/potnet');
const makeFixture = path.join(root, 'packages/potnet/test/golden/make-fixture.py');
const work = path.join(root, 'bench/results/layouts');
const runs = Number(process.env.BENCH_RUNS || 7);
const original = process.env.BENCH_ORIGINAL;
/** The programs timed: ours, and the original when given. */
const programs: Array<{ suffix: string; argv: string[] }> = [
  { suffix: '', argv: [process.execPath, potnetBin] },
  ...(original ? [{ suffix: ' (original)', argv: [original] }] : []),
];

const layouts = [
  { name: '0', pots: 0, bridges: 0 },
  { name: '1k/50', pots: 1000, bridges: 50 },
  { name: '10k/500', pots: 10000, bridges: 500 },
  { name: '50k/2000', pots: 50000, bridges: 2000 },
];

function bridgeName(layoutDir: string): string {
  return spawnSync('ls', [path.join(layoutDir, 'fsroot/bridges')], { encoding: 'utf8' }).stdout.split('\n')[0] ?? 'none';
}

const commands = (bridge: string): Array<[string, string[]]> => [
  ['next', ['next']],
  ['next -b', ['next', '-b', bridge]],
  ['show', ['show']],
  ['etc-hosts', ['etc-hosts']],
  ['new-net -s 5', ['new-net', '-s', '5']],
  ['validate', ['validate', '-H', '10.200.0.1']],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

function ensureLayout(layout: (typeof layouts)[number]): string {
  const dir = path.join(work, layout.name.replace('/', '-'));
  if (!existsSync(path.join(dir, 'prefix'))) {
    mkdirSync(work, { recursive: true });
    const spec = { scale: { pots: layout.pots, bridges: layout.bridges, network: '10.192.0.0/10', bridge_prefix: 28 } };
    execFileSync('python3', [makeFixture, '--spec-json', JSON.stringify(spec), dir], { stdio: 'inherit' });
  }
  return dir;
}

/** Median wall time of each program running `args`, the programs taking turns run by run. */
function timeProcesses(dir: string, args: string[]): number[] {
  const env = { PATH: `${path.join(dir, 'prefix/bin')}:${path.dirname(process.execPath)}:/usr/bin:/bin`, HOME: dir, LC_ALL: 'C' };
  const samples: number[][] = programs.map(() => []);
  for (let i = 0; i < runs; i++) {
    programs.forEach(({ argv }, p) => {
      const started = process.hrtime.bigint();
      // Exit codes are not checked: the empty layout has no bridge for `next -b`.
      spawnSync(argv[0] as string, [...argv.slice(1), ...args], { cwd: dir, env, stdio: ['ignore', 'ignore', 'ignore'] });
      (samples[p] as number[]).push(Number(process.hrtime.bigint() - started) / 1e6);
    });
  }
  return samples.map(median);
}

async function timeLibrary(dir: string, bridge: string): Promise<{ first: number; repeat: number }> {
  const lib = await import(path.join(root, 'packages/potnet/dist/index.js'));
  const load = () => {
    const config = lib.loadSystemConfig({ prefix: path.join(dir, 'prefix') });
    const fsRoot = path.isAbsolute(config.fsRoot) ? config.fsRoot : path.join(dir, config.fsRoot);
    return new lib.AddressBook({ ...config, fsRoot }, lib.readInventory(fsRoot));
  };
  const query = (book: InstanceType<typeof lib.AddressBook>) => {
    book.next();
    const b = book.bridge(bridge);
    if (b) book.nextInBridge(b);
    book.newNet(5);
  };
  const firsts: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    query(load());
    firsts.push(performance.now() - started);
  }
  const book = load();
  const repeats: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    query(book);
    repeats.push(performance.now() - started);
  }
  return { first: median(firsts), repeat: median(repeats) };
}

const table: Record<string, Record<string, number>> = {};
for (const layout of layouts) {
  const dir = ensureLayout(layout);
  const bridge = bridgeName(dir);
  const row: Record<string, number> = {};
  for (const [label, args] of commands(bridge)) {
    timeProcesses(dir, args).forEach((ms, p) => (row[`${label}${programs[p]!.suffix}`] = ms));
  }
  const lib = await timeLibrary(dir, bridge);
  row['library: load + next, next -b, new-net'] = lib.first;
  row['library: repeat on a loaded book'] = lib.repeat;
  table[layout.name] = row;
  console.error(`${layout.name}: ${JSON.stringify(row)}`);
}

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/potnet.json'), `${JSON.stringify({ runs, node: process.version, table }, null, 1)}\n`);
const columns = Object.keys(table[layouts[0]!.name]!);
console.log(`| operation (median of ${runs}, ms) | ${layouts.map((l) => l.name).join(' | ')} |`);
console.log(`|---|${layouts.map(() => '---:').join('|')}|`);
for (const column of columns)
  console.log(`| ${column} | ${layouts.map((l) => (table[l.name]![column] as number).toFixed(column.startsWith('library: repeat') ? 2 : 0)).join(' | ')} |`);
