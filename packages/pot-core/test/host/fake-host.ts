/**
 * The fake FreeBSD host (@pot/fake-freebsd) for the host seam's integration test: the
 * driver runs its stand-ins as processes through execa, and the test reads the golden-format
 * command log.
 */
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createFakeHost } from '../../../../testing/fake-freebsd/src/index.ts';

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

export function createTestFakeHost(): TestFakeHost {
  const work = mkdtempSync(path.join(tmpdir(), 'pot-host-it-'));
  const fake = createFakeHost({ dir: work, env: { HOME: work, TMPDIR: work } });
  const { env, binDir, stateDir, hostRoot } = fake;
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
    look: (command, ...args) => fake.run(command, ...args),
    cleanup: () => fake.cleanup(),
  };
}
