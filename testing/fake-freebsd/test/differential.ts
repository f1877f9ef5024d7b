/**
 * Differential check of the in-process emulator against the bash stand-ins: two fake hosts
 * set up alike, the same calls through `bin/CMD` on one and `runEmulated` on the other, then
 * every answer (exit status, stdout, stderr), both logs and the whole host tree compared
 * (paths of the second host written as the first's).
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { runEmulated } from '../src/emulator/index.ts';
import { createFakeHost, FAKE_FREEBSD_BIN, type FakeHost, type FakeHostOptions } from '../src/index.ts';

export interface DiffCall {
  argv: string[];
  input?: string;
  /** Extra environment for this call only. */
  env?: Record<string, string>;
}

export interface Answer {
  exitCode: number;
  stdout: string;
  stderr: string;
}

/** What the host tree holds: `path type mode [content|target]`, state tmp/ left out. */
export function treeOf(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string, rel: string): void => {
    for (const name of readdirSync(d).sort()) {
      const p = path.join(d, name);
      const r = rel === '' ? name : `${rel}/${name}`;
      if (r === 'state/tmp') continue;
      const st = lstatSync(p);
      const mode = (st.mode & 0o7777).toString(8);
      if (st.isSymbolicLink()) out.push(`${r} l ${readlinkSync(p)}`);
      else if (st.isDirectory()) {
        out.push(`${r} d ${mode}`);
        walk(p, r);
      } else out.push(`${r} f ${mode} ${readFileSync(p, 'latin1')}`);
    }
  };
  walk(dir, '');
  return out;
}

export interface DiffHosts {
  bash: FakeHost;
  emu: FakeHost;
  /** Runs one call on both; expects the same answer and answers it. */
  call(c: DiffCall | string[]): Answer;
  /** Expects both host trees (state, logs, host files, mounted trees) to be the same. */
  expectSameTree(): void;
  cleanup(): void;
}

/**
 * Two hosts with the same set-up. `options.env` may use @DIR@ for the host's directory
 * (POT_FS_ROOT=@DIR@/fs); set-up runs through bash on both.
 */
export function diffHosts(options: FakeHostOptions = {}): DiffHosts {
  const make = (): FakeHost => {
    const dir = path.join(process.env.TMPDIR ?? '/tmp', `fbdiff-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
    const env = Object.fromEntries(Object.entries(options.env ?? {}).map(([k, v]) => [k, v.split('@DIR@').join(dir)]));
    const setup = (options.setup ?? []).map((s) => s.split('@DIR@').join(dir));
    return createFakeHost({ ...options, dir, env, setup });
  };
  const bash = make();
  const emu = make();
  // shadow directories are named after mount points with '/' as '%'
  const norm = (text: string): string => text.split(emu.dir).join(bash.dir).split(emu.dir.replaceAll('/', '%')).join(bash.dir.replaceAll('/', '%'));
  return {
    bash,
    emu,
    call(c) {
      const call: DiffCall = Array.isArray(c) ? { argv: c } : c;
      const [cmd, ...args] = call.argv;
      const b = spawnSync(path.join(FAKE_FREEBSD_BIN, cmd as string), args, {
        env: { ...bash.env, ...call.env },
        input: call.input ?? '',
        encoding: 'latin1',
        cwd: bash.dir,
      });
      const fromBash: Answer = { exitCode: b.status ?? -1, stdout: b.stdout, stderr: b.stderr };
      const e = runEmulated({ argv: call.argv, env: { ...emu.env, ...call.env }, input: call.input ?? '', cwd: emu.dir });
      if (e === undefined) throw new Error(`${cmd} is not emulated`);
      const fromEmu: Answer = { exitCode: e.exitCode, stdout: norm(e.stdout.toString('latin1')), stderr: norm(e.stderr) };
      expect(fromEmu, `${call.argv.join(' ')}`).toEqual(fromBash);
      return fromBash;
    },
    expectSameTree() {
      const b = treeOf(bash.dir);
      const e = treeOf(emu.dir).map(norm);
      expect(e).toEqual(b);
    },
    cleanup() {
      bash.cleanup();
      emu.cleanup();
    },
  };
}
