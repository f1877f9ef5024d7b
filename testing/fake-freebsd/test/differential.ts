/**
 * Differential check of the in-process emulator against the bash stand-ins: two fake hosts
 * set up alike, the same calls through `bin/CMD` on one and `runEmulated` on the other, then
 * every answer (exit status, stdout, stderr), both logs and the whole host tree compared
 * (paths of the second host written as the first's).
 *
 * @DIR@ in a call's argv, input and environment, and in the set-up, stands for each host's own
 * directory. The second host's directory is read as the first's plain and '%'-encoded (the
 * shadow directories of emulated mounts are named after their mount points), and wherever a
 * test adds another form of it (alias).
 */
import { spawnSync } from 'node:child_process';
import { lstatSync, readdirSync, readFileSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { type EmuRequest, type EmuResult, runEmulated } from '../src/emulator/index.ts';
import { createFakeHost, FAKE_FREEBSD_BIN, type FakeHost, type FakeHostOptions } from '../src/index.ts';

export interface CallOptions {
  /** Standard input. */
  input?: string;
  /** Extra environment for this call only. */
  env?: Record<string, string>;
  /** Runs the call on the emulator's host (runEmulated unless given: an unlogged stand-in's function, say). */
  emulate?: (request: EmuRequest) => EmuResult | undefined;
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
  /** Runs one call on both (@DIR@ in ARGV, input and env: each host's directory); expects the same answer and answers it. */
  call(argv: readonly string[], opts?: CallOptions): Answer;
  /** `FROM | TO` on each host: TO reads what FROM wrote there; both answers are compared, TO's answered. */
  pipe(from: readonly string[], to: readonly string[]): Answer;
  /** Runs F on each host (a change made alike on both, not through a stand-in). */
  both(f: (host: FakeHost) => void): void;
  /** Reads EMU (a form of the emulator's host directory) as BASH in answers and trees. */
  alias(emu: string, bash: string): void;
  /** Expects both host trees (state, logs, host files, mounted trees) to be the same. */
  expectSameTree(): void;
  cleanup(): void;
}

/** Each host's text of one call: its input, or its standard output. */
interface PerHost {
  bash: string;
  emu: string;
}

/**
 * Two hosts with the same set-up. `options.env` may use @DIR@ for the host's directory
 * (POT_FS_ROOT=@DIR@/fs); set-up runs through bash on both.
 */
export function diffHosts(options: FakeHostOptions = {}): DiffHosts {
  const at = (text: string, dir: string): string => text.split('@DIR@').join(dir);
  const envAt = (env: Record<string, string> | undefined, dir: string): Record<string, string> =>
    Object.fromEntries(Object.entries(env ?? {}).map(([k, v]) => [k, at(v, dir)]));
  const make = (): FakeHost => {
    const dir = path.join(process.env.TMPDIR ?? '/tmp', `fbdiff-${process.pid}-${Math.random().toString(36).slice(2, 10)}`);
    const setup = (options.setup ?? []).map((s) => at(s, dir));
    return createFakeHost({ ...options, dir, env: envAt(options.env, dir), setup });
  };
  const bash = make();
  const emu = make();
  const enc = (dir: string): string => dir.replaceAll('/', '%');
  const aliases: Array<[string, string]> = [
    [emu.dir, bash.dir],
    [enc(emu.dir), enc(bash.dir)],
  ];
  const norm = (text: string): string => aliases.reduce((t, [from, to]) => t.split(from).join(to), text);
  /** The call on both hosts, each with its own input; compares the answers, answers bash's and each host's standard output. */
  const run = (argv: readonly string[], input: PerHost, opts: CallOptions = {}): { answer: Answer; stdout: PerHost } => {
    const [cmd, ...args] = argv.map((a) => at(a, bash.dir));
    const b = spawnSync(path.join(FAKE_FREEBSD_BIN, cmd as string), args, {
      env: { ...bash.env, ...envAt(opts.env, bash.dir) },
      input: input.bash,
      encoding: 'latin1',
      cwd: bash.dir,
    });
    const fromBash: Answer = { exitCode: b.status ?? -1, stdout: b.stdout, stderr: b.stderr };
    const e = (opts.emulate ?? runEmulated)({
      argv: argv.map((a) => at(a, emu.dir)),
      env: { ...emu.env, ...envAt(opts.env, emu.dir) },
      input: input.emu,
      cwd: emu.dir,
    });
    if (e === undefined) throw new Error(`${argv[0]} is not emulated`);
    const emuOut = e.stdout.toString('latin1');
    const fromEmu: Answer = { exitCode: e.exitCode, stdout: norm(emuOut), stderr: norm(e.stderr) };
    expect(fromEmu, argv.join(' ')).toEqual(fromBash);
    return { answer: fromBash, stdout: { bash: b.stdout, emu: emuOut } };
  };
  return {
    bash,
    emu,
    call(argv, opts = {}) {
      const input = opts.input ?? '';
      return run(argv, { bash: at(input, bash.dir), emu: at(input, emu.dir) }, opts).answer;
    },
    pipe(from, to) {
      return run(to, run(from, { bash: '', emu: '' }).stdout).answer;
    },
    both(f) {
      f(bash);
      f(emu);
    },
    alias(e, b) {
      aliases.push([e, b]);
    },
    expectSameTree() {
      expect(treeOf(emu.dir).map(norm)).toEqual(treeOf(bash.dir));
    },
    cleanup() {
      bash.cleanup();
      emu.cleanup();
    },
  };
}
