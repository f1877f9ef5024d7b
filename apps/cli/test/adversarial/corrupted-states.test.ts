/**
 * Corrupted states (issue 14): a pot's pot.conf, fscomp.conf or status file,
 * or a bridge file, truncated, empty, binary or a directory; a pot's dataset
 * or the base gone. Run through list, info, show, start, stop, destroy and a
 * neighbour's create: no internal error, no stack trace, every failure an
 * error line, the healthy pot still listed, and `destroy -F` removes the
 * broken pot. In-process (runPot) against one fake host, restored between cases.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from '../fake-host.js';
import { type InProcessRun, potInProcess, refusalProblems } from './in-process.js';

let host: FakeHost;
let saved: string;

function restore(): void {
  for (const d of ['state', 'hostroot', 'rt']) rmSync(path.join(host.dir, d), { recursive: true, force: true });
  execFileSync('cp', ['-a', `${saved}/.`, host.dir]);
}

type Corruption = (file: string) => void;
const CORRUPTIONS: Record<string, Corruption> = {
  truncated: (f) => writeFileSync(f, readFileSync(f).subarray(0, 11)),
  empty: (f) => writeFileSync(f, ''),
  binary: (f) => writeFileSync(f, Buffer.from([0xff, 0x00, 0xfe, 0x0a, 0xc3, 0x28, 0x3d, 0x0a])),
  directory: (f) => {
    rmSync(f, { force: true });
    mkdirSync(path.join(f, 'x'), { recursive: true });
  },
};

interface State {
  name: string;
  apply(): void;
  /** The neighbour's create is part of this case (allocation reads every pot and bridge). */
  create?: boolean;
}

function states(): State[] {
  const conf = (f: string): string => path.join(host.fsRoot, 'jails', 'bad', 'conf', f);
  const out: State[] = [];
  // every corruption of pot.conf; the two that differ most (binary, a directory) of the others
  for (const [how, corrupt] of Object.entries(CORRUPTIONS))
    out.push({ name: `pot.conf ${how}`, apply: () => corrupt(conf('pot.conf')), create: how === 'directory' });
  for (const how of ['binary', 'directory'] as const) {
    const corrupt = CORRUPTIONS[how] as Corruption;
    out.push({ name: `fscomp.conf ${how}`, apply: () => corrupt(conf('fscomp.conf')) });
    out.push({ name: `status file ${how}`, apply: () => corrupt(path.join(host.tmp, 'pot_status_bad')) });
    out.push({ name: `bridge file ${how}`, apply: () => corrupt(path.join(host.fsRoot, 'bridges', 'stage')), create: how === 'directory' });
  }
  out.push({ name: 'dataset missing', apply: () => void host.look('zfs', 'destroy', '-r', 'zroot/pot/jails/bad') });
  out.push({ name: 'pot directory missing', apply: () => rmSync(path.join(host.fsRoot, 'jails', 'bad'), { recursive: true, force: true }) });
  out.push({ name: 'base missing', apply: () => void host.look('zfs', 'destroy', '-r', 'zroot/pot/bases/13.1') });
  return out;
}

beforeAll(async () => {
  host = createFakeHost();
  host.setup('host_pot_root; host_base 13.1');
  for (const argv of [
    ['create', '-p', 'good', '-b', '13.1'],
    ['create', '-p', 'bad', '-b', '13.1'],
    ['create-private-bridge', '-B', 'stage', '-S', '4'],
  ]) {
    const r = await potInProcess(host, argv);
    expect(r.code, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
  }
  writeFileSync(path.join(host.tmp, 'pot_status_bad'), 'pot.status=stopped,\n');
  saved = `${host.dir}.saved`;
  mkdirSync(saved);
  execFileSync('cp', ['-a', `${host.dir}/.`, saved]);
}, 600_000);
afterAll(() => {
  host?.cleanup();
  if (saved) rmSync(saved, { recursive: true, force: true });
});

/** What no run may show, whatever it answered. */
function crashProblems(r: InProcessRun): string[] {
  if (r.code === 0) return /internal error|^\s+at .+:\d+:\d+\)?$/m.test(r.stderr) ? ['internal error or stack trace'] : [];
  return refusalProblems(r);
}

describe('corrupted states', () => {
  it('stay with the broken pot: errors in a line, the others untouched, destroy -F removes it', async () => {
    const failures: string[] = [];
    let runs = 0;
    for (const s of states()) {
      restore();
      s.apply();
      const commands = [
        ['list'],
        ['list', '-a'],
        ['info', '-p', 'bad'],
        ['show', '-a'],
        ['start', 'bad'],
        ['stop', 'bad'],
        ...(s.create ? [['create', '-p', 'nb', '-b', '13.1', '-N', 'private-bridge', '-B', 'stage']] : []),
        ['destroy', '-p', 'bad'],
      ];
      for (const argv of commands) {
        const r = await potInProcess(host, argv);
        runs += 1;
        const problems = crashProblems(r);
        if (argv[0] === 'list' && s.name !== 'base missing' && !r.stdout.includes('pot name : good')) problems.push('the healthy pot is not listed');
        if (problems.length > 0) failures.push(`${s.name}: pot ${argv.join(' ')}: ${problems.join('; ')}: ${r.stderr.split('\n')[0]}`);
      }
      // what destroy -p left (a pot it refused), destroy -F removes
      if (
        (await potInProcess(host, ['list', '-q'])).stdout.split('\n').includes('bad') ||
        host.look('zfs', 'list', '-H', '-o', 'name').includes('zroot/pot/jails/bad')
      ) {
        const forced = await potInProcess(host, ['destroy', '-F', '-p', 'bad']);
        runs += 1;
        if (forced.code !== 0) failures.push(`${s.name}: destroy -F failed: ${forced.stderr.split('\n')[0]}`);
      }
      const listed = await potInProcess(host, ['list', '-q']);
      if (listed.stdout.split('\n').includes('bad')) failures.push(`${s.name}: bad is still listed after destroy -F`);
      if (
        host
          .look('zfs', 'list', '-H', '-o', 'name')
          .split('\n')
          .some((d) => d.startsWith('zroot/pot/jails/bad'))
      )
        failures.push(`${s.name}: a dataset of bad is left`);
    }
    console.log(`corrupted states: ${states().length} states, ${runs} runs, ${failures.length} failures`);
    expect(failures).toEqual([]);
  }, 1_800_000);
});
