import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createExecaRunner, createRecordingRunner } from '../../src/host/index.js';

const env = { PATH: '/usr/bin:/bin' };

describe('execa runner', () => {
  it('runs argv without a shell, passes stdin, keeps exit status and stderr', async () => {
    const run = createExecaRunner({ env });
    expect(await run.run({ file: 'echo', args: ['$HOME', '*', 'a b'], mutating: false })).toEqual({
      exitCode: 0,
      stdout: '$HOME * a b\n',
      stderr: '',
    });
    expect((await run.run({ file: 'cat', args: [], input: 'x\ny\n', mutating: false })).stdout).toBe('x\ny\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'pot-run-'));
    writeFileSync(path.join(dir, 'in'), 'from file\n');
    expect((await run.run({ file: 'cat', args: [], inputFile: path.join(dir, 'in'), mutating: false })).stdout).toBe('from file\n');
    const failed = await run.run({ file: 'sh', args: ['-c', 'echo oops >&2; exit 3'], mutating: true });
    expect(failed).toMatchObject({ exitCode: 3, stderr: 'oops\n' });
  });

  it('counts what a command reads of its input file, also as the producer of a pipe', async () => {
    const run = createExecaRunner({ env });
    const dir = mkdtempSync(path.join(tmpdir(), 'pot-run-'));
    const file = path.join(dir, 'in');
    writeFileSync(file, 'a'.repeat(200_000));
    const read: number[] = [];
    const r = await run.run({ file: 'wc', args: ['-c'], inputFile: file, inputRead: (n) => void read.push(n), mutating: false });
    expect(r.stdout.trim()).toBe('200000');
    expect(read.at(-1)).toBe(200_000);
    expect(read).toEqual([...read].sort((a, b) => a - b));
    const piped: number[] = [];
    const p = await run.run({
      file: 'wc',
      args: ['-c'],
      mutating: false,
      pipeFrom: { file: 'cat', args: [], inputFile: file, inputRead: (n) => void piped.push(n), mutating: false },
    });
    expect(p.stdout.trim()).toBe('200000');
    expect(piped.at(-1)).toBe(200_000);
  });

  it('gives the environment LC_ALL=C and IFCONFIG_FORMAT', async () => {
    const out = await createExecaRunner({ env: { ...env, LC_ALL: 'de_DE.UTF-8', FOO: 'bar' } }).run({ file: 'env', args: [], mutating: false });
    expect(out.stdout).toContain('LC_ALL=C\n');
    expect(out.stdout).toContain('IFCONFIG_FORMAT=addr:default\n');
    expect(out.stdout).toContain('FOO=bar\n');
  });

  it('answers 127 for a missing tool and 128+N for a signal', async () => {
    const run = createExecaRunner({ env });
    const missing = await run.run({ file: 'no-such-tool-pot', args: [], mutating: false });
    expect(missing.exitCode).toBe(127);
    expect(missing.stderr).not.toBe('');
    expect((await run.run({ file: 'sh', args: ['-c', 'kill -TERM $$'], mutating: false })).exitCode).toBe(143);
  });

  it('pipes one command into another', async () => {
    const run = createExecaRunner({ env });
    const r = await run.run({
      file: 'tr',
      args: ['a-z', 'A-Z'],
      mutating: true,
      pipeFrom: { file: 'echo', args: ['stream'], mutating: false },
    });
    expect(r).toMatchObject({ exitCode: 0, stdout: 'STREAM\n' });
    const bad = await run.run({ file: 'cat', args: [], mutating: true, pipeFrom: { file: 'sh', args: ['-c', 'echo no >&2; exit 2'], mutating: false } });
    expect(bad.exitCode).toBe(2);
    expect(bad.stderr).toContain('no');
  });
});

describe('recording runner', () => {
  it('answers by longest command prefix, then the delegate, then exit 0', async () => {
    const delegate = createRecordingRunner({ responses: () => ({ stdout: 'delegated' }) });
    const rec = createRecordingRunner({
      responses: { zfs: { stdout: 'any zfs' }, 'zfs list -o name': { exitCode: 1 }, 'ifconfig -g': (c) => ({ stdout: c.args[1] ?? '' }) },
      delegate,
    });
    expect((await rec.run({ file: 'zfs', args: ['get', 'x'], mutating: false })).stdout).toBe('any zfs');
    expect((await rec.run({ file: 'zfs', args: ['list', '-o', 'name', '-H', 'zroot'], mutating: false })).exitCode).toBe(1);
    expect((await rec.run({ file: 'ifconfig', args: ['-g', 'bridge'], mutating: false })).stdout).toBe('bridge');
    expect((await rec.run({ file: 'jls', args: [], mutating: false })).stdout).toBe('delegated');
    expect(rec.commands.map((c) => c.command.file)).toEqual(['zfs', 'zfs', 'ifconfig', 'jls']);
    rec.clear();
    expect(rec.commands).toEqual([]);
  });
});
