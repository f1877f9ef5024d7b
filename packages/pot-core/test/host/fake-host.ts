/**
 * The fake FreeBSD host for the host seam's integration test.
 *
 * Stop-gap until @pot/fake-freebsd (testing/fake-freebsd) lands: boots the
 * oracle's bash stand-ins (the in-repo package testing/fake-freebsd, which
 * keeps host files below FAKEBSD_HOSTROOT) into a temporary state directory.
 * Everything the test needs from a fake host is in this file.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const STUB_DIRS = [path.resolve(here, '../../../../testing/fake-freebsd')];

export interface TestFakeHost {
  env: NodeJS.ProcessEnv;
  binDir: string;
  stateDir: string;
  hostRoot: string;
  work: string;
  /** The golden-format command log (calls.log), paths below `work` shown as @WORK@. */
  calls(): string[];
  /** Only the E lines (and their content lines). */
  effects(): string[];
  /** A file of the state directory (undefined when absent). */
  state(rel: string): string | undefined;
  /** Runs a stand-in without logging (to look at the host). */
  look(command: string, ...args: string[]): string;
  cleanup(): void;
}

export function stubsAvailable(): string | undefined {
  return STUB_DIRS.find((d) => existsSync(path.join(d, 'lib', 'fakehost.sh')));
}

export function createTestFakeHost(): TestFakeHost {
  const stubs = stubsAvailable();
  if (stubs === undefined) throw new Error('no fake FreeBSD stand-ins found');
  const work = mkdtempSync(path.join(tmpdir(), 'pot-host-it-'));
  const stateDir = path.join(work, 'state');
  const hostRoot = path.join(work, 'hostroot');
  mkdirSync(stateDir, { recursive: true });
  mkdirSync(hostRoot, { recursive: true });
  const binDir = path.join(stubs, 'bin');
  const env: NodeJS.ProcessEnv = {
    PATH: `${binDir}:/usr/local/bin:/usr/bin:/bin`,
    HOME: work,
    TMPDIR: work,
    FAKEBSD_STATE: stateDir,
    FAKEBSD_STUBS: stubs,
    FAKEBSD_HOSTROOT: hostRoot,
    FAKEBSD_SLEEP_MAX: '0.01',
    POT_HOST_ROOT: hostRoot,
  };
  const quiet = { ...env, FAKEBSD_NOLOG: '1', LC_ALL: 'C' };
  execFileSync('bash', ['-c', '. "$FAKEBSD_STUBS/lib/fakehost.sh"; fakehost_boot'], { env: quiet, stdio: 'pipe' });
  const logFile = path.join(stateDir, 'calls.log');
  const calls = (): string[] =>
    (existsSync(logFile) ? readFileSync(logFile, 'utf8') : '')
      .split(work)
      .join('@WORK@')
      .split('\n')
      .filter((l) => l !== '');
  return {
    env,
    binDir,
    stateDir,
    hostRoot,
    work,
    calls,
    effects() {
      const out: string[] = [];
      let keep = false;
      for (const line of calls()) {
        if (line.startsWith('E ')) {
          out.push(line);
          keep = true;
        } else if (line.startsWith('    ') && keep) out.push(line);
        else keep = false;
      }
      return out;
    },
    state(rel) {
      const f = path.join(stateDir, rel);
      return existsSync(f) ? readFileSync(f, 'utf8') : undefined;
    },
    look(command, ...args) {
      return execFileSync(path.join(binDir, command), args, { env: quiet, encoding: 'utf8' });
    },
    cleanup() {
      rmSync(work, { recursive: true, force: true });
    },
  };
}
