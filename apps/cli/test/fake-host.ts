/**
 * A fake FreeBSD host (@pot/fake-freebsd) for the end-to-end tests, and two ways to run pot
 * against it: `pot()` in this process (runPot with the fake host's commands as function calls,
 * see in-process-host.ts) and `potProcess()`, the BUILT binary (bin/pot -> dist/pot.mjs -> dist/pot-cli.mjs) with
 * the bash stand-ins as processes, for what needs processes (parallel runs, signals, SIGKILL).
 * POT_E2E_PROCESSES=1 runs every `pot()` as a process. Every `--json` output either way is
 * checked against its shipped JSON Schema (json-schemas.ts).
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { appendFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { dumpHost } from '../../../testing/fake-freebsd/src/dump.ts';
import { runStandIn } from '../../../testing/fake-freebsd/src/emulator/index.ts';
import { hostDirsEnv, standInEnv } from '../../../testing/fake-freebsd/src/index.ts';
import { bootHost, runSetupWords } from '../../../testing/fake-freebsd/src/setup.ts';
import { runPot } from '../src/main.js';
import { type CallGate, inProcessHost } from './in-process-host.js';
import { assertJsonContract } from './json-schemas.js';

const here = path.dirname(fileURLToPath(import.meta.url));
// every in-process pot command listens for SIGINT/SIGTERM while it runs; a test may run twenty at once
process.setMaxListeners(64);
export const STUBS = path.resolve(here, '../../../testing/fake-freebsd');
export const POT_BIN = path.resolve(here, '..', 'bin', 'pot');
const NODE_DIR = path.dirname(process.execPath);

export interface PotRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** A child's exit status and what it wrote (stdout and stderr piped), once it has closed. */
export function outcome(child: ChildProcess): Promise<PotRun> {
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (d) => (stdout += String(d)));
    child.stderr?.on('data', (d) => (stderr += String(d)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
}

export interface FakeHost {
  dir: string;
  state: string;
  hostRoot: string;
  fsRoot: string;
  cache: string;
  tmp: string;
  etcDir: string;
  env: NodeJS.ProcessEnv;
  /** Appends lines to pot.conf. */
  conf(...lines: string[]): void;
  /** Runs a set-up line of host_* words (host_pot_root, host_iface vlan20 ..., host_pf unloaded; src/setup.ts). */
  setup(script: string): void;
  /** Runs pot in this process against the fake host in this process (POT_E2E_PROCESSES=1: the built binary). */
  pot(...args: string[]): Promise<PotRun>;
  /** Runs the built pot binary (a process of its own, the stand-ins as processes). */
  potProcess(...args: string[]): Promise<PotRun>;
  /** Runs pot in this process with its stderr taken for a terminal (progress bars); never as a process. */
  potOnTerminal(...args: string[]): Promise<PotRun>;
  /** In-process runs: every run of the host tool `tool` takes `ms` of virtual time (0: none). */
  toolTime(tool: string, ms: number): void;
  /** Holds the next in-process host call whose argv (tool name first) matches, until released: a chosen moment of a command. */
  pauseAt(match: (argv: readonly string[]) => boolean): CallGate;
  /** A stub command run without logging (to look at the host). */
  look(command: string, ...args: string[]): string;
  /** The command log, normalised like the golden files. */
  log(): string;
  /** Only the E lines (with their content lines), per pot command marker. */
  effects(): string;
  /** The host state dump (interfaces, pf, jails, zfs, mount, sysctl, kld). */
  dump(): string;
  hostFile(p: string): string | undefined;
  normalise(text: string): string;
  cleanup(): void;
}

/** A word as the golden logs quote it: bare when safe, else in single quotes. */
function shellWord(word: string): string {
  return /^[A-Za-z0-9_@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, "'\\''")}'`;
}

function bash(script: string, env: NodeJS.ProcessEnv): string {
  return execFileSync('bash', ['-c', script], { env, encoding: 'utf8' });
}

let lastPid = 40_000;
/** A pid of its own for each in-process pot command, as each pot command is a process. */
const nextPid = (): number => (lastPid += 1);

export function createFakeHost(extraConf: string[] = []): FakeHost {
  const dir = mkdtempSync(path.join(tmpdir(), 'pot-e2e-'));
  const dirs = hostDirsEnv(dir);
  const { FAKEBSD_STATE: state, FAKEBSD_HOSTROOT: hostRoot } = dirs;
  const fsRoot = path.join(dir, 'rt', 'fs');
  const cache = path.join(dir, 'rt', 'cache');
  const tmp = path.join(dir, 'rt', 'tmp');
  const etcDir = path.join(dir, 'prefix', 'etc', 'pot');
  const home = path.join(dir, 'home');
  for (const d of [state, hostRoot, path.join(dir, 'rt'), etcDir, home]) mkdirSync(d, { recursive: true });
  writeFileSync(
    path.join(etcDir, 'pot.conf'),
    ['POT_ZFS_ROOT=zroot/pot', `POT_FS_ROOT=${fsRoot}`, `POT_CACHE=${cache}`, `POT_TMP=${tmp}`, 'POT_EXTIF=em0', ...extraConf, ''].join('\n'),
  );
  const env: NodeJS.ProcessEnv = {
    PATH: `${STUBS}/bin:${NODE_DIR}:/usr/local/bin:/usr/bin:/bin`,
    HOME: home,
    LC_ALL: 'C',
    TMPDIR: path.join(dir, 'rt'),
    ...dirs,
    ...standInEnv(),
    POT_ETC_DIR: etcDir,
    POT_FS_ROOT: fsRoot,
    POT_CACHE: cache,
    POT_TMP: tmp,
    POT_ZFS_ROOT: 'zroot/pot',
    SCENARIO_FILES: path.join(dir, 'files'),
  };
  const setupEnv = { ...env, FAKEBSD_NOLOG: '1' };
  bootHost(setupEnv);
  let n = 0;
  const logFile = path.join(state, 'calls.log');
  const mark = (args: readonly string[]): void => {
    n += 1;
    appendFileSync(logFile, `### [${n}] pot ${args.map(shellWord).join(' ')}\n`);
  };
  const inProcess = inProcessHost();

  // Epair host sides are renamed p<4|6><hex epoch><hex pid>: numbered by first appearance, as the golden logs are.
  const epairIds = new Map<string, number>();
  const epairs = (text: string): string =>
    text.replace(/\bp([46])([0-9a-f]{8}[0-9a-f]{1,7})\b/g, (_, family: string, id: string) => {
      if (!epairIds.has(id)) epairIds.set(id, epairIds.size + 1);
      return `p${family}@ID${epairIds.get(id)}@`;
    });
  const normalise = (text: string): string =>
    epairs(text)
      .split(fsRoot)
      .join('@FS@')
      .split(cache)
      .join('@CACHE@')
      .split(tmp)
      .join('@TMP@')
      .split(state)
      .join('@STATE@')
      .split(path.join(dir, 'files'))
      .join('@FILES@')
      .split(hostRoot)
      .join('')
      .split(dir)
      .join('@WORK@');

  const potInProcess = async (args: readonly string[], stderrIsTTY: boolean): Promise<PotRun> => {
    mark(args);
    // every pot command is a process of its own: its own pid for the names pot derives from
    // (time, pid), such as an epair's, and it starts a second later
    inProcess.clock.advance(1000);
    let stdout = '';
    let stderr = '';
    const { hostRunner, clock } = inProcess;
    const io = {
      stdout: (t: string) => void (stdout += t),
      stderr: (t: string) => void (stderr += t),
      env,
      cwd: home,
      hostRunner,
      clock,
      stderrIsTTY,
      pid: nextPid(),
    };
    const code = await runPot([...args], io);
    assertJsonContract(args, stdout);
    return { code, stdout, stderr };
  };

  const host: FakeHost = {
    dir,
    state,
    hostRoot,
    fsRoot,
    cache,
    tmp,
    etcDir,
    env,
    conf(...lines) {
      writeFileSync(path.join(etcDir, 'pot.conf'), `${readFileSync(path.join(etcDir, 'pot.conf'), 'utf8')}${lines.join('\n')}\n`);
    },
    setup(script) {
      if (!runSetupWords(setupEnv, script)) bash(`set -e; ${script}`, setupEnv);
    },
    async pot(...args) {
      if (process.env.POT_E2E_PROCESSES === '1') return host.potProcess(...args);
      return potInProcess(args, false);
    },
    potOnTerminal(...args) {
      return potInProcess(args, true);
    },
    toolTime(tool, ms) {
      inProcess.toolTimes.set(tool, ms);
    },
    async potProcess(...args) {
      mark(args);
      const run = await outcome(spawn(POT_BIN, args, { env, cwd: home, stdio: ['ignore', 'pipe', 'pipe'] }));
      assertJsonContract(args, run.stdout);
      return run;
    },
    pauseAt(match) {
      return inProcess.gates.add(match);
    },
    look(command, ...args) {
      const r = runStandIn({ argv: [command, ...args], env: setupEnv, cwd: home });
      if (r.exitCode !== 0) throw new Error(`${command} ${args.join(' ')}: exit ${r.exitCode}: ${r.stderr}`);
      return r.stdout.toString('utf8');
    },
    log() {
      return normalise(existsSync(logFile) ? readFileSync(logFile, 'utf8') : '');
    },
    effects() {
      const out: string[] = [];
      let keep = false;
      for (const line of host.log().split('\n')) {
        if (line.startsWith('###')) {
          out.push(line);
          keep = false;
        } else if (line.startsWith('E ')) {
          out.push(line);
          keep = true;
        } else if (line.startsWith('    ') && keep) {
          out.push(line);
        } else {
          keep = false;
        }
      }
      return `${out.join('\n')}\n`;
    },
    dump() {
      return normalise(dumpHost(setupEnv, { label: 'now', hostFiles: false }));
    },
    hostFile(p) {
      const file = path.join(hostRoot, p);
      if (!existsSync(file)) return undefined;
      return statSync(file).isDirectory() ? '(directory)' : readFileSync(file, 'utf8');
    },
    normalise,
    cleanup() {
      rmSync(dir, { recursive: true, force: true });
    },
  };
  return host;
}

/**
 * Documented differences applied to the golden effect lines (README, "Differences
 * from shell pot"): the NAT rules reach pf on stdin instead of through a fixed
 * temporary file.
 */
const GOLDEN_FIXES: ReadonlyArray<[RegExp, string]> = [
  [/^E pfctl -a pot-nat -f @TMP@\/pot_pf_nat_rules/, 'E pfctl -a pot-nat -f -'],
  [/^E pfctl -a (pot-rdr\/\S+) -f @TMP@\/pot_pfrules_\S+/, 'E pfctl -a $1 -f -'],
];

/** Runs pot; answers its outcome and the argv of every host command it ran (queries included), in order. */
export async function potWithCalls(h: FakeHost, ...args: string[]): Promise<{ run: PotRun; calls: string[][] }> {
  const log = path.join(h.state, 'calls.jsonl');
  const logged = () => (existsSync(log) ? readFileSync(log, 'utf8') : '');
  const before = logged().length;
  const run = await h.pot(...args);
  const calls = logged()
    .slice(before)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => (JSON.parse(l) as { argv: string[] }).argv);
  return { run, calls };
}

/** The golden effect lines of a scenario (pot-shell-golden, copied to ./golden), with the documented fixes applied. */
export function goldenEffects(scenario: string): string {
  const text = readFileSync(path.join(here, 'golden', scenario, 'commands.log'), 'utf8');
  const out: string[] = [];
  let keep = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('### checkpoint')) continue;
    if (line.startsWith('###')) {
      out.push(line);
      keep = false;
    } else if (line.startsWith('E ')) {
      out.push(GOLDEN_FIXES.reduce((l, [re, to]) => l.replace(re, to), line));
      keep = true;
    } else if (line.startsWith('    ') && keep) out.push(line);
    else keep = false;
  }
  return `${out.join('\n')}\n`;
}

/** A pot as `pot create` leaves it (pot.conf of the golden export-ports scenario), without running create. */
export function fakePot(h: FakeHost, name: string, network: string, ip = '10.192.0.3', stack = 'ipv4'): string {
  h.look('zfs', 'create', `zroot/pot/jails/${name}`);
  const conf = path.join(h.fsRoot, 'jails', name, 'conf', 'pot.conf');
  mkdirSync(path.dirname(conf), { recursive: true });
  const lines = [
    'pot.level=1',
    'pot.type=multi',
    'pot.base=13.1',
    'pot.potbase=',
    'pot.dns=inherit',
    'pot.cmd=sh /etc/rc',
    `host.hostname="${name}.host.example.org"`,
    'osrelease="13.1-RELEASE"',
    `pot.stack=${stack}`,
    `network_type=${network}`,
    `vnet=${network === 'inherit' ? 'false' : 'true'}`,
  ];
  if (network !== 'inherit') lines.push(`ip=${ip}`);
  writeFileSync(conf, `${lines.join('\n')}\n`);
  return conf;
}
