/**
 * Seeded random POT_FS_ROOT layouts for potnet (issue 14): configurations,
 * pot.conf and bridge files that are valid, odd or broken (garbage lines,
 * binary, empty, directories in place of files, names with blanks and
 * unicode), and the potnet command lines to run against each. The same seed
 * gives the same layout, so a failure can be replayed.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** mulberry32: small, fast, good enough to pick test inputs. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Layout {
  /** Environment to run potnet with (PATH finds the layout's `pot`, hence its etc/pot). */
  env: NodeJS.ProcessEnv;
  /** Command lines to run (without `potnet`). */
  commands: string[][];
}

const NETWORKS = [
  '10.192.0.0/10',
  '10.0.0.0/24',
  '192.168.0.0/30',
  '10.0.0.0/31',
  '10.0.0.0/32',
  '172.16.0.0/12',
  'fd00::/64',
  '10.0.0.0/33',
  '10.0.0.0',
  'x',
  '',
];
const TYPES = ['inherit', 'alias', 'public-bridge', 'private-bridge', 'bridge', '', 'public-bridge x'];

export function makeLayout(seed: number, dir: string): Layout {
  const r = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const int = (n: number): number => Math.floor(r() * n);
  const octet = (): number => (r() < 0.05 ? 256 + int(100) : int(256));
  const ip = (): string =>
    pick([
      () => `10.${int(4) === 0 ? 192 : int(256)}.${octet()}.${octet()}`,
      () => `10.0.0.${octet()}`,
      () => `192.168.0.${int(8)}`,
      () => `fd00::${int(0xffff).toString(16)}`,
      () => `em0|10.192.0.${octet()}`,
      () => `10.192.0.${octet()} 10.192.0.${octet()}`,
      () => pick(['', 'x', '::', '1.2.3', '10.0.0.1/24', '-1', '10.0.0.1\u0000', 'é']),
    ])();
  const name = (): string => (r() < 0.1 ? pick(['a b', 'pót', '日本', '-x', '.hidden', 'x'.repeat(200)]) : `p${int(1000)}`);
  const fsRoot = path.join(dir, 'fs');
  const etc = path.join(dir, 'prefix', 'etc', 'pot');
  const bin = path.join(dir, 'prefix', 'bin');
  for (const d of [etc, bin, path.join(fsRoot, 'jails'), path.join(fsRoot, 'bridges')]) mkdirSync(d, { recursive: true });
  writeFileSync(path.join(bin, 'pot'), '#!/bin/sh\n');
  chmodSync(path.join(bin, 'pot'), 0o755);
  const network = pick(NETWORKS);
  const conf = [
    `POT_FS_ROOT=${fsRoot}`,
    ...(r() < 0.9 ? ['POT_ZFS_ROOT=zroot/pot', 'POT_EXTIF=em0', `POT_DNS_NAME=${pick(['dns', 'a b', ''])}`] : []),
    `POT_NETWORK=${network}`,
    `POT_NETMASK=${pick(['255.192.0.0', '255.255.255.0', '255.255.255.252', 'x', ''])}`,
    `POT_GATEWAY=${pick(['10.192.0.1', '10.0.0.1', '192.168.0.1', '10.0.0.0', 'fd00::1', 'x', ''])}`,
    `POT_DNS_IP=${pick(['10.192.0.2', '10.0.0.2', '', '8.8.8.8', 'x'])}`,
    ...(r() < 0.2 ? ['garbage line', 'POT_NETWORK', '=x'] : []),
  ];
  writeFileSync(path.join(etc, 'pot.default.conf'), `${conf.join('\n')}\n`);
  if (r() < 0.5) writeFileSync(path.join(etc, 'pot.conf'), r() < 0.8 ? `POT_FS_ROOT=${fsRoot}\n` : Buffer.from([0xff, 0xfe, 0x00, 0x0a]));
  const bridges: string[] = [];
  for (let i = int(5); i > 0; i--) {
    const b = name();
    bridges.push(b);
    const file = path.join(fsRoot, 'bridges', b);
    if (r() < 0.1) mkdirSync(file, { recursive: true });
    else
      writeFileSync(
        file,
        pick([
          `name=${b}\nnet=10.192.${int(256)}.0/${pick([24, 28, 30, 31, 32, 33])}\ngateway=10.192.${int(256)}.1\n`,
          `net=${ip()}\ngateway=${ip()}\n`,
          '',
          'net=\n',
          Buffer.from([0xc3, 0x28]),
        ]),
      );
  }
  for (let i = int(30); i > 0; i--) {
    const p = name();
    const confDir = path.join(fsRoot, 'jails', p, 'conf');
    rmSync(path.join(fsRoot, 'jails', p), { recursive: true, force: true });
    mkdirSync(confDir, { recursive: true });
    const file = path.join(confDir, 'pot.conf');
    const roll = r();
    if (roll < 0.05) mkdirSync(file, { recursive: true });
    else if (roll < 0.1) writeFileSync(file, Buffer.from(Array.from({ length: int(64) }, () => int(256))));
    else if (roll < 0.15) writeFileSync(file, '');
    else if (roll < 0.2)
      continue; // no pot.conf at all
    else {
      const lines = [
        `network_type=${pick(TYPES)}`,
        `ip=${ip()}`,
        ...(r() < 0.5 ? [`bridge=${bridges.length ? pick(bridges) : name()}`] : []),
        ...(r() < 0.2 ? ['vnet=true', 'ip', '==', 'ip=', `pot.dns=${pick(['inherit', 'pot', 'custom:/x'])}`] : []),
      ];
      const text = lines.join('\n');
      writeFileSync(file, r() < 0.1 ? text.slice(0, int(text.length)) : `${text}\n`);
    }
  }
  const bridge = (): string => (bridges.length && r() < 0.7 ? pick(bridges) : name());
  // an address as a command-line operand: argv cannot hold NUL (the files can)
  const ipArg = (): string => ip().replaceAll('\u0000', '');
  const commands: string[][] = [];
  for (let i = 0; i < 5; i++) {
    commands.push(
      pick([
        () => ['show'],
        () => ['show', '-b', bridge()],
        () => ['next'],
        () => ['next', '-b', bridge()],
        () => ['validate', '-H', ipArg()],
        () => ['validate', '-H', ipArg(), '-b', bridge()],
        () => [pick(['ip4check', 'ip6check', 'ipcheck']), '-H', ipArg()],
        () => ['new-net', '-s', pick(['0', '1', '2', '14', '254', '65535', '65536', 'x', '-1'])],
        () => ['etc-hosts'],
        () => ['etc-hosts', '-b', bridge()],
        () => ['config-check'],
        () => [pick(['', 'nope', '-x', '--host', 'show -b'])],
        () => ['-vv', 'show'],
      ])(),
    );
  }
  return { env: { PATH: `${bin}:/usr/bin:/bin`, LC_ALL: 'C' }, commands };
}

export interface RunOutcome {
  argv: string[];
  code: number | null;
  signal: string | null;
  stderr: string;
  ms: number;
}

/** What is wrong with one run: a crash, an internal error, a stack trace, an error of more than one line, a run over `limitMs`. */
export function runProblems(o: RunOutcome, limitMs: number): string[] {
  const out: string[] = [];
  if (o.signal !== null) out.push(`killed by ${o.signal}`);
  if (o.code === 70 || /internal error|panicked/.test(o.stderr)) out.push('internal error');
  if (/^\s+at .+:\d+:\d+\)?$/m.test(o.stderr)) out.push('stack trace');
  const errors = o.stderr.split('\n').filter((l) => /^(Error|error)\b/.test(l));
  if (errors.length > 1) out.push(`${errors.length} error lines`);
  // validate and ip*check answer by their exit status alone, as the original does
  const silentAnswer = ['validate', 'ipcheck', 'ip4check', 'ip6check'].includes(o.argv[0] ?? '');
  if (o.code !== 0 && o.stderr.trim() === '' && !silentAnswer) out.push('failed without a word');
  if (o.ms > limitMs) out.push(`ran ${o.ms} ms`);
  return out;
}

export interface Campaign {
  layouts: number;
  runs: number;
  failed: number;
  maxMs: number;
  failures: string[];
}

/** One potnet run: its exit status (null when killed), the signal that killed it, its stderr. */
export type PotnetRun = (argv: readonly string[], env: Record<string, string>) => { code: number | null; signal: string | null; stderr: string };

/** Runs the built potnet at POTNET as a process (10 s at most). */
export function processRun(potnet: string): PotnetRun {
  return (argv, env) => {
    const r = spawnSync(process.execPath, [potnet, ...argv], { env, encoding: 'utf8', timeout: 10_000 });
    return { code: r.status, signal: r.signal, stderr: r.stderr ?? '' };
  };
}

/** Runs `count` layouts from `firstSeed` through `run`, each in a fresh directory under `work`. */
export function runLayouts(options: { count: number; firstSeed: number; run: PotnetRun; work: string; limitMs: number }): Campaign {
  const c: Campaign = { layouts: 0, runs: 0, failed: 0, maxMs: 0, failures: [] };
  for (let seed = options.firstSeed; seed < options.firstSeed + options.count; seed++) {
    const dir = path.join(options.work, `layout-${seed}`);
    const layout = makeLayout(seed, dir);
    c.layouts += 1;
    for (const argv of layout.commands) {
      const started = process.hrtime.bigint();
      const r = options.run(
        argv.filter((a) => a !== ''),
        layout.env,
      );
      const ms = Number((process.hrtime.bigint() - started) / 1_000_000n);
      c.runs += 1;
      c.maxMs = Math.max(c.maxMs, ms);
      const problems = runProblems({ argv, ...r, ms }, options.limitMs);
      if (problems.length > 0) {
        c.failed += 1;
        c.failures.push(`seed ${seed} potnet ${JSON.stringify(argv)}: ${problems.join(', ')}: ${r.stderr.slice(0, 200)}`);
      }
    }
    rmSync(dir, { recursive: true, force: true });
  }
  return c;
}
