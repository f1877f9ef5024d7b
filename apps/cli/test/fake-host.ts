/**
 * A fake FreeBSD host for the end-to-end tests, and a runner for the BUILT pot
 * binary (bin/pot -> dist/pot.mjs) against it.
 *
 * Stop-gap until @pot/fake-freebsd lands: it drives the oracle's stubs copied to
 * ./fakebsd (see its README). Everything the tests need from a host is in this
 * file, so switching over is local.
 */
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const STUBS = path.resolve(here, '../../../testing/fake-freebsd');
export const POT_BIN = path.resolve(here, '..', 'bin', 'pot');
const NODE_DIR = path.dirname(process.execPath);

export interface PotRun {
  code: number;
  stdout: string;
  stderr: string;
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
  /** Runs fakehost.sh set-up words (host_pot_root, host_iface vlan20 ..., host_pf unloaded). */
  setup(script: string): void;
  /** Runs the built pot binary. */
  pot(...args: string[]): Promise<PotRun>;
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

export function createFakeHost(extraConf: string[] = []): FakeHost {
  const dir = mkdtempSync(path.join(tmpdir(), 'pot-e2e-'));
  const state = path.join(dir, 'state');
  const hostRoot = path.join(dir, 'hostroot');
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
    FAKEBSD_STATE: state,
    FAKEBSD_STUBS: STUBS,
    FAKEBSD_HOSTROOT: hostRoot,
    FAKEBSD_SLEEP_MAX: '0.01',
    // node compiles pot's bundle once per run instead of once per command
    NODE_COMPILE_CACHE: path.join(tmpdir(), 'pot-test-node-compile-cache'),
    POT_HOST_ROOT: hostRoot,
    POT_ETC_DIR: etcDir,
    POT_FS_ROOT: fsRoot,
    POT_CACHE: cache,
    POT_TMP: tmp,
    POT_ZFS_ROOT: 'zroot/pot',
    SCENARIO_FILES: path.join(dir, 'files'),
  };
  const setupEnv = { ...env, FAKEBSD_NOLOG: '1' };
  bash(`. "$FAKEBSD_STUBS/lib/fakehost.sh"; fakehost_boot`, setupEnv);
  let n = 0;
  const logFile = path.join(state, 'calls.log');

  // Epair host sides are renamed p<4|6><hex epoch><hex pid>: numbered by first appearance, as the golden logs are.
  const epairIds = new Map<string, number>();
  const epairs = (text: string): string =>
    text.replace(/\bp([46])([0-9a-f]{8}[0-9a-f]{1,7})\b/g, (_, family: string, id: string) => {
      if (!epairIds.has(id)) epairIds.set(id, epairIds.size + 1);
      return `p${family}@ID${epairIds.get(id)}@`;
    });
  const normalise = (text: string): string =>
    epairs(text)
      .split(fsRoot).join('@FS@')
      .split(cache).join('@CACHE@')
      .split(tmp).join('@TMP@')
      .split(state).join('@STATE@')
      .split(path.join(dir, 'files')).join('@FILES@')
      .split(hostRoot).join('')
      .split(dir).join('@WORK@');

  const host: FakeHost = {
    dir, state, hostRoot, fsRoot, cache, tmp, etcDir, env,
    conf(...lines) {
      writeFileSync(path.join(etcDir, 'pot.conf'), `${readFileSync(path.join(etcDir, 'pot.conf'), 'utf8')}${lines.join('\n')}\n`);
    },
    setup(script) {
      bash(`set -e; . "$FAKEBSD_STUBS/lib/fakehost.sh"; ${script}`, setupEnv);
    },
    pot(...args) {
      n += 1;
      writeFileSync(logFile, `${existsSync(logFile) ? readFileSync(logFile, 'utf8') : ''}### [${n}] pot ${args.map(shellWord).join(' ')}\n`);
      return new Promise((resolve, reject) => {
        const child = spawn(POT_BIN, args, { env, cwd: home, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        let stderr = '';
        child.stdout.on('data', (d) => (stdout += String(d)));
        child.stderr.on('data', (d) => (stderr += String(d)));
        child.on('error', reject);
        child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
      });
    },
    look(command, ...args) {
      return execFileSync(path.join(STUBS, 'bin', command), args, { env: setupEnv, encoding: 'utf8' });
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
      return normalise(bash(`. "$FAKEBSD_STUBS/lib/dump.sh"; dump_host_files() { :; }; dump_host now`, setupEnv));
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
  const lines = ['pot.level=1', 'pot.type=multi', 'pot.base=13.1', 'pot.potbase=', 'pot.dns=inherit', 'pot.cmd=sh /etc/rc', `host.hostname="${name}.host.example.org"`, 'osrelease="13.1-RELEASE"', `pot.stack=${stack}`, `network_type=${network}`, `vnet=${network === 'inherit' ? 'false' : 'true'}`];
  if (network !== 'inherit') lines.push(`ip=${ip}`);
  writeFileSync(conf, `${lines.join('\n')}\n`);
  return conf;
}
