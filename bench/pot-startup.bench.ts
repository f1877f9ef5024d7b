/**
 * pot's start-up: the installed pot (install/install.sh into a temporary DESTDIR, its /bin/sh
 * entry running the toolchain's Node) as a whole process in a clean environment, with Node's
 * compile cache (the installation's default) and without it (POT_COMPILE_CACHE=''), the two
 * taking turns run by run, beside an empty `node -e 0`: wall time (median) and CPU time (user +
 * system of the whole process tree, mean; Linux /proc). Commands that need no host: every pot
 * command pays this before it does anything, and nomad-pot-driver runs a dozen per task.
 * Run with `npm run bench -- pot-startup`; writes bench/results/pot-startup.json.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.BENCH_RUNS || 21);
const destdir = mkdtempSync(path.join(tmpdir(), 'pot-startup-'));
const cacheDir = path.join(destdir, 'var/cache/pot-ts');
mkdirSync(path.dirname(cacheDir), { recursive: true });
execFileSync('sh', [path.join(root, 'apps/cli/install/install.sh'), `DESTDIR=${destdir}`, `NODE=${process.execPath}`, `COMPILE_CACHE=${cacheDir}`]);
const pot = path.join(destdir, 'usr/local/bin/pot');
// an empty pot root, so that commands reading the configuration and the pots can run
const fsRoot = path.join(destdir, 'opt/pot');
mkdirSync(path.join(fsRoot, 'jails'), { recursive: true });
writeFileSync(path.join(destdir, 'usr/local/etc/pot/pot.conf'), `POT_FS_ROOT=${fsRoot}\n`);

const variants: Array<{ label: string; env: Record<string, string> }> = [
  { label: 'compile cache', env: {} },
  { label: 'no compile cache', env: { POT_COMPILE_CACHE: '' } },
];
const commands: Array<[string, string[]]> = [
  ['node -e 0', [process.execPath, '-e', '0']],
  ['pot version', [pot, 'version']],
  ['pot config -g fs_root', [pot, 'config', '-g', 'fs_root']],
  ['pot help', [pot, 'help']],
  ['pot ls -q', [pot, 'ls', '-q']],
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] as number;
}

/** CPU seconds of this process's finished children (Linux /proc: cutime + cstime, in clock ticks of 1/100 s). */
function childrenCpu(): number {
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[13]) + Number(fields[14])) / 100;
}

function once(argv: string[], extra: Record<string, string>): number {
  const env = { PATH: '/usr/bin:/bin', HOME: destdir, LC_ALL: 'C', ...extra };
  const started = process.hrtime.bigint();
  const r = spawnSync(argv[0] as string, argv.slice(1), { cwd: '/', env, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`${argv.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const table: Record<string, Record<string, number>> = {};
try {
  for (const [label, argv] of commands) {
    for (const v of variants) once(argv, v.env); // the first run with the cache writes it
    const samples = variants.map(() => [] as number[]);
    const cpu = variants.map(() => 0);
    for (let i = 0; i < runs; i++) {
      variants.forEach((v, k) => {
        const before = childrenCpu();
        samples[k]?.push(once(argv, v.env));
        cpu[k] = (cpu[k] ?? 0) + childrenCpu() - before;
      });
    }
    table[label] = Object.fromEntries(
      variants.flatMap((v, k) => [
        [v.label, median(samples[k] ?? [])],
        [`${v.label}, CPU`, ((cpu[k] ?? 0) / runs) * 1000],
      ]),
    );
    console.error(`${label}: ${JSON.stringify(table[label])}`);
  }
} finally {
  rmSync(destdir, { recursive: true, force: true });
}

mkdirSync(path.join(root, 'bench/results'), { recursive: true });
writeFileSync(path.join(root, 'bench/results/pot-startup.json'), `${JSON.stringify({ runs, node: process.version, table }, null, 1)}\n`);
console.log(`| command (ms: wall median of ${runs}; CPU mean) | ${variants.map((v) => `${v.label} | CPU`).join(' | ')} | wall ratio |`);
console.log(`|---|${variants.map(() => '---:|---:').join('|')}|---:|`);
for (const [label, row] of Object.entries(table)) {
  const cells = variants.map((v) => `${(row[v.label] as number).toFixed(0)} | ${(row[`${v.label}, CPU`] as number).toFixed(0)}`);
  const [on, off] = variants.map((v) => row[v.label] as number) as [number, number];
  console.log(`| ${label} | ${cells.join(' | ')} | ${(on / off).toFixed(2)} |`);
}
