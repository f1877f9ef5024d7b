/**
 * The emulator (src/emulator) as a function and as the stand-in processes of bin/ (launchers of
 * dist/stand-in.mjs): the state lock across processes, standard input read only when a command
 * reads it, xz/xzcat, lockf, potnet, and the set-up words.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runEmulated, runStandIn } from '../src/emulator/index.ts';
import { createFakeHost, type FakeHost } from '../src/index.ts';
import { runSetupWords } from '../src/setup.ts';

let host: FakeHost;
afterEach(() => host?.cleanup());

const run = (h: FakeHost, argv: string[], input?: string | Buffer, env: Record<string, string> = {}) => {
  const r = runStandIn({ argv, env: { ...h.env, ...env }, cwd: h.dir, ...(input === undefined ? {} : { input }) });
  return { ...r, stdout: r.stdout.toString('utf8') };
};

/** A stand-in process through PATH; resolves when it ends. */
function proc(
  h: FakeHost,
  argv: string[],
  stdin: 'ignore' | 'pipe' = 'ignore',
): { child: ReturnType<typeof spawn>; done: Promise<{ code: number; stdout: string; stderr: string }> } {
  const child = spawn(argv[0] as string, argv.slice(1), { env: h.env, stdio: [stdin, 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => (stdout += String(d)));
  child.stderr?.on('data', (d) => (stderr += String(d)));
  const done = new Promise<{ code: number; stdout: string; stderr: string }>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, stdout, stderr }));
  });
  return { child, done };
}

describe('runEmulated', () => {
  it('answers undefined for what it does not emulate, and logs every call it runs', () => {
    host = createFakeHost();
    expect(runEmulated({ argv: ['cp', 'a', 'b'], env: host.env })).toBeUndefined();
    expect(run(host, ['zfs', 'create', 'zroot/pot']).exitCode).toBe(0);
    expect(run(host, ['zfs', 'list', '-H', '-o', 'name', 'zroot/nope']).stderr).toContain('dataset does not exist');
    expect(host.calls().map((c) => `${c.class} ${c.argv.join(' ')} ${c.rc}`)).toEqual(['E zfs create zroot/pot 0', 'Q zfs list -H -o name zroot/nope 1']);
    // the lock: .lock stays as with flock, the owner file goes with the call
    expect(existsSync(path.join(host.stateDir, '.lock'))).toBe(true);
    expect(existsSync(path.join(host.stateDir, '.lock.owner'))).toBe(false);
  });

  it('zfs get -p prints sizes as numbers of bytes, other values as they are', () => {
    host = createFakeHost();
    expect(run(host, ['zfs', 'create', 'zroot/pot']).exitCode).toBe(0);
    expect(run(host, ['zfs', 'set', 'used=1.5M', 'zroot/pot']).exitCode).toBe(0);
    expect(run(host, ['zfs', 'get', '-Ho', 'value', 'used', 'zroot/pot']).stdout).toBe('1.5M\n');
    expect(run(host, ['zfs', 'get', '-Hpo', 'value', 'used,available,mountpoint', 'zroot/pot']).stdout).toBe(`${1.5 * 1024 ** 2}\n${100 * 1024 ** 3}\nnone\n`);
  });

  it('tar reads a compressed archive on standard input as bsdtar does, unlogged', () => {
    host = createFakeHost();
    const src = path.join(host.dir, 'src');
    mkdirSync(src);
    writeFileSync(path.join(src, 'hello'), 'hi\n');
    const archive = path.join(host.dir, 'a.txz');
    spawnSync('tar', ['-cJf', archive, '-C', src, '.']);
    const into = path.join(host.dir, 'into');
    mkdirSync(into);
    const r = run(host, ['tar', '-xkf', '-', '-C', into], readFileSync(archive));
    expect(r.stderr).toBe('');
    expect(r.exitCode).toBe(0);
    expect(readFileSync(path.join(into, 'hello'), 'utf8')).toBe('hi\n');
    expect(host.calls().filter((c) => c.argv[0] === 'tar')).toEqual([]);
  });

  it('reads standard input only when the command reads it (a lazy provider)', () => {
    host = createFakeHost();
    let asked = 0;
    const input = () => {
      asked++;
      return 'nat on em0 from 10.192.0.0/10 to any -> (em0)\n';
    };
    expect(runEmulated({ argv: ['zfs', 'list'], env: host.env, input })?.exitCode).toBe(0);
    expect(asked).toBe(0);
    expect(runEmulated({ argv: ['pfctl', '-a', 'pot-nat', '-f', '-'], env: host.env, input })?.exitCode).toBe(0);
    expect(asked).toBe(1);
    expect(host.pfRules('pot-nat')).toHaveLength(1);
  });

  it('sends and receives a dataset, a stream through standard input', () => {
    host = createFakeHost();
    for (const ds of ['zroot/a', 'zroot/b']) expect(run(host, ['zfs', 'create', ds]).exitCode).toBe(0);
    expect(run(host, ['zfs', 'snapshot', 'zroot/a@1']).exitCode).toBe(0);
    const stream = runStandIn({ argv: ['zfs', 'send', 'zroot/a@1'], env: host.env }).stdout;
    expect(stream.toString('utf8')).toMatch(/^FAKEBSD-ZFS-STREAM\nzroot\/a@1\n/);
    expect(run(host, ['zfs', 'receive', 'zroot/b/c'], stream).exitCode).toBe(0);
    expect(host.datasets()).toContain('zroot/b/c');
    expect(run(host, ['zfs', 'receive', 'zroot/b/d'], 'garbage\n').stderr).toContain('invalid stream');
  });

  it('xz compresses standard input (class E), xzcat decompresses a file (class Q), xz -d is not logged', () => {
    host = createFakeHost();
    const packed = runStandIn({ argv: ['xz', '-9', '-T', '0'], env: host.env, input: 'hello\n' });
    expect(packed.exitCode).toBe(0);
    const file = path.join(host.dir, 'x.xz');
    writeFileSync(file, packed.stdout);
    expect(run(host, ['xzcat', file]).stdout).toBe('hello\n');
    expect(run(host, ['xz', '-d', '-c'], packed.stdout).stdout).toBe('hello\n');
    expect(run(host, ['xzcat', path.join(host.dir, 'missing.xz')]).exitCode).not.toBe(0);
    expect(host.calls().map((c) => `${c.class} ${c.argv[0]} ${c.rc === 0 ? 0 : 'x'}`)).toEqual(['E xz 0', 'Q xzcat 0', 'Q xzcat x']);
  });

  it('lockf logs, then runs its command with the call environment and input', () => {
    host = createFakeHost();
    const r = run(host, ['lockf', '-k', '-t', '0', path.join(host.dir, 'lock'), 'sh', '-c', 'cat; echo "$LC_ALL"'], 'in\n');
    expect(r).toMatchObject({ exitCode: 0, stdout: 'in\nC\n' });
    expect(run(host, ['lockf', path.join(host.dir, 'lock'), 'no-such-command']).exitCode).toBe(127);
    expect(host.calls()[0]).toMatchObject({
      class: 'Q',
      rc: 0,
      argv: ['lockf', '-k', '-t', '0', path.join(host.dir, 'lock'), 'sh', '-c', 'cat; echo "$LC_ALL"'],
    });
  });

  it('potnet: a missing POTNET_BIN is status 127 and a FATAL line', () => {
    host = createFakeHost();
    const missing = path.join(host.dir, 'no-potnet');
    const r = run(host, ['potnet', 'config-check'], undefined, { POTNET_BIN: missing });
    expect(r.exitCode).toBe(127);
    expect(r.stderr).toContain(`potnet binary '${missing}' is missing`);
    expect(readFileSync(path.join(host.stateDir, 'FATAL'), 'utf8')).toBe(`potnet binary missing: ${missing}\n`);
  });

  it('sleep sleeps at most FAKEBSD_SLEEP_MAX; ex inserts and writes', () => {
    host = createFakeHost();
    const t = Date.now();
    expect(run(host, ['sleep', '30']).exitCode).toBe(0);
    expect(Date.now() - t).toBeLessThan(1000);
    const f = path.join(host.dir, 'f');
    writeFileSync(f, 'b\n');
    expect(run(host, ['ex', f], '0a\na\n.\n$a\nc\n.\nx\n').exitCode).toBe(0);
    expect(readFileSync(f, 'utf8')).toBe('a\nb\nc\n');
  });
});

describe('set-up words', () => {
  it('run in process; what only bash could run is declined, doing nothing', () => {
    host = createFakeHost({ setup: ['host_iface vlan20 10.1.0.1/24; host_sysctl net.inet.ip.forwarding=1', 'host_knob hostname pot.example.org'] });
    expect(host.iface('vlan20')?.addresses).toEqual(['10.1.0.1/24']);
    expect(host.sysctl('net.inet.ip.forwarding')).toBe('1');
    expect(run(host, ['hostname']).stdout).toBe('pot.example.org\n');
    const quiet = { ...host.env, FAKEBSD_NOLOG: '1' };
    for (const line of ['host_knob a $X', 'host_ncat | cat', 'host_knob a >f', 'host_no_such_word']) expect(runSetupWords(quiet, line)).toBe(false);
    expect(() => createFakeHost({ dir: path.join(host.dir, 'second'), setup: ['host_knob a $X'] })).toThrow(/set-up line not run/);
  });
});

describe('the stand-in processes (bin/ launchers)', () => {
  it('do not wait for a standard input that is never closed when they do not read it', async () => {
    host = createFakeHost();
    const { child, done } = proc(host, ['zfs', 'list', '-H', '-o', 'name'], 'pipe');
    const r = await done;
    child.stdin?.destroy();
    expect(r.code).toBe(0);
  });

  it('read a standard input that is ignored as empty input', async () => {
    host = createFakeHost();
    const r = await proc(host, ['pfctl', '-a', 'pot-nat', '-f', '-']).done;
    expect(r.code).toBe(0);
    expect(host.calls()[0]).toMatchObject({ argv: ['pfctl', '-a', 'pot-nat', '-f', '-'], input: '' });
  });

  it('wait for the state lock of a live holder, and take over the lock of a dead one', async () => {
    host = createFakeHost();
    const owner = path.join(host.stateDir, '.lock.owner');
    // a dead holder: a pid that has exited
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' }).stdout;
    writeFileSync(owner, `${dead}\n`);
    expect((await proc(host, ['hostname']).done).stdout).toBe('host.example.org\n');
    expect(existsSync(owner)).toBe(false);
    // a live holder (this process) for 300 ms
    writeFileSync(owner, `${process.pid}\n`);
    const t = Date.now();
    const waiting = proc(host, ['zfs', 'create', 'zroot/x']).done;
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(host.datasets()).not.toContain('zroot/x');
    unlinkSync(owner);
    expect((await waiting).code).toBe(0);
    expect(Date.now() - t).toBeGreaterThanOrEqual(300);
    expect(host.datasets()).toContain('zroot/x');
  });

  it('run in parallel without losing a log line', async () => {
    host = createFakeHost();
    const runs = Array.from({ length: 8 }, (_, i) => proc(host, ['zfs', 'create', `zroot/d${i}`]).done);
    expect((await Promise.all(runs)).map((r) => r.code)).toEqual(Array(8).fill(0));
    expect(host.calls()).toHaveLength(8);
    expect(host.datasets().filter((d) => d.startsWith('zroot/d'))).toHaveLength(8);
  });

  it('pipe xz into xzcat and zfs send into zfs receive as processes', async () => {
    host = createFakeHost();
    mkdirSync(path.join(host.dir, 'img'));
    for (const argv of [
      ['zfs', 'create', 'zroot/a'],
      ['zfs', 'snapshot', 'zroot/a@1'],
    ])
      expect(spawnSync(argv[0] as string, argv.slice(1), { env: host.env }).status).toBe(0);
    const send = spawn('zfs', ['send', 'zroot/a@1'], { env: host.env, stdio: ['ignore', 'pipe', 'inherit'] });
    const recv = spawn('zfs', ['receive', 'zroot/b'], { env: host.env, stdio: ['pipe', 'ignore', 'inherit'] });
    send.stdout.pipe(recv.stdin);
    expect(await new Promise((resolve) => recv.on('close', resolve))).toBe(0);
    expect(host.datasets()).toContain('zroot/b');
    const packed = spawnSync('xz', ['-1'], { env: host.env, input: 'image\n' });
    expect(packed.status).toBe(0);
    writeFileSync(path.join(host.dir, 'img', 'i.xz'), packed.stdout);
    expect(spawnSync('xzcat', [path.join(host.dir, 'img', 'i.xz')], { env: host.env, encoding: 'utf8' }).stdout).toBe('image\n');
  });
});
