/**
 * pgrep/pkill on a jail's processes (pseudo pids, -F, signals that do not end a process) and rctl -u's raw counters;
 * pgrep -f on the host's real processes (skipping itself and its ancestors) and a jail command that lasts (jexec_wait).
 */
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runStandIn } from '../src/emulator/index.ts';
import { createFakeHost, type FakeHost } from '../src/index.ts';

/** One stand-in call in process, answered as spawnSync answers with encoding utf8. */
function standIn(env: Record<string, string>, argv: string[], input?: string) {
  const r = runStandIn({ argv, env, ...(input === undefined ? {} : { input }) });
  return { status: r.exitCode, stdout: r.stdout.toString('utf8'), stderr: r.stderr };
}

let host: FakeHost;
afterEach(() => host?.cleanup());

const sh = (h: FakeHost, input: string | undefined, command: string, ...args: string[]) => standIn(h.env, [command, ...args], input);

function jailWith(h: FakeHost, ...procs: string[]): number {
  expect(sh(h, undefined, 'jail', '-c', 'name=web', 'path=/', 'persist').status).toBe(0);
  appendFileSync(path.join(h.stateDir, 'jail', 'web', 'procs'), procs.map((p) => `${p}\n`).join(''));
  return Number(readFileSync(path.join(h.stateDir, 'jail', 'web', 'jid'), 'utf8')) * 1000;
}
const procs = (h: FakeHost): string => readFileSync(path.join(h.stateDir, 'jail', 'web', 'procs'), 'utf8');

describe('processes of a jail', () => {
  it('pgrep -j prints pseudo pids; -F picks one (stdin logged as input)', () => {
    host = createFakeHost();
    const base = jailWith(host, 'nginx: master', 'nginx: worker', 'cron');
    expect(sh(host, undefined, 'pgrep', '-j', 'web', 'nginx').stdout).toBe(`${base + 1}\n${base + 2}\n`);
    expect(sh(host, undefined, 'pgrep', '-q', '-j', 'web', 'nginx').stdout).toBe('');
    expect(sh(host, `${base + 3}\n`, 'pgrep', '-j', 'web', '-F', '/dev/stdin').stdout).toBe(`${base + 3}\n`);
    expect(sh(host, `${base + 4}\n`, 'pgrep', '-j', 'web', '-F', '/dev/stdin').status).toBe(1);
    expect(sh(host, '7\n', 'pgrep', '-j', 'web', '-F', '/dev/stdin').status).toBe(1);
    expect(sh(host, undefined, 'pgrep', '-j', 'web', 'sshd').status).toBe(1);
    expect(host.calls().find((c) => c.argv.includes('/dev/stdin'))).toEqual({
      class: 'Q',
      rc: 0,
      argv: ['pgrep', '-j', 'web', '-F', '/dev/stdin'],
      input: `${base + 3}`,
    });
  });

  it('pkill: TERM, KILL, INT and QUIT end a process, other signals leave it running', () => {
    host = createFakeHost();
    const base = jailWith(host, 'nginx: master', 'nginx: worker', 'cron');
    expect(sh(host, undefined, 'pkill', '-HUP', '-j', 'web', 'nginx').status).toBe(0);
    expect(sh(host, undefined, 'pkill', '-SIGUSR1', '-j', 'web', 'nginx').status).toBe(0);
    expect(sh(host, `${base + 3}\n`, 'pkill', '-INFO', '-j', 'web', '-F', '/dev/stdin').status).toBe(0);
    expect(procs(host)).toBe('nginx: master\nnginx: worker\ncron\n');
    expect(sh(host, `${base + 3}\n`, 'pkill', '-j', 'web', '-F', '/dev/stdin').status).toBe(0);
    expect(sh(host, undefined, 'pkill', '-KILL', '-j', 'web', 'worker').status).toBe(0);
    expect(procs(host)).toBe('nginx: master\n');
    expect(sh(host, `${base + 9}\n`, 'pkill', '-TERM', '-j', 'web', '-F', '/dev/stdin').status).toBe(1);
    expect(sh(host, undefined, 'pkill', '-HUP', '-j', 'web', 'sshd').status).toBe(1);
    expect(host.effects().map((c) => c.argv.join(' '))).toContain('pkill -INFO -j web -F /dev/stdin');
  });
});

describe('rctl -u', () => {
  it('raw counters (-u), human-readable ones (-hu); the rctl_usage knob sets raw values', () => {
    host = createFakeHost();
    const raw = sh(host, undefined, 'rctl', '-u', 'jail:web').stdout;
    expect(raw).toContain('\nmemoryuse=12582912\n');
    expect(raw).toContain('\nvmemoryuse=67108864\n');
    expect(sh(host, undefined, 'rctl', '-hu', 'jail:web').stdout).toContain('\nmemoryuse=12M\n');
    host.env.FAKEBSD_RCTL_USAGE = 'pcpu=3 memoryuse=5';
    const set = sh(host, undefined, 'rctl', '-u', 'jail:web').stdout;
    expect(set).toContain('\npcpu=3\n');
    expect(set).toContain('\nmemoryuse=5\n');
    expect(sh(host, undefined, 'rctl', '-hu', 'jail:web').stdout).toContain('\npcpu=0\n');
  });
});

/** Looks every few milliseconds until `done` holds, for a minute at most (a process is starting or ending). */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 30_000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(done()).toBe(true);
}

describe('processes of the host', () => {
  it("pgrep -f finds this host's processes and skips its own ancestors (nomad-pot-driver's sh -c liveness check)", async () => {
    host = createFakeHost();
    // as /usr/local/bin/pot: a /bin/sh script that stays while its child runs (the real sleep: the host's sleep is a shim)
    const pot = path.join(host.dir, 'pot');
    writeFileSync(pot, '#!/bin/sh\n/bin/sleep 300\n', { mode: 0o755 });
    const child = spawn(pot, ['start', 'web'], { env: host.env, stdio: 'ignore', detached: true });
    const cmdline = (): string => (existsSync(`/proc/${child.pid}/cmdline`) ? readFileSync(`/proc/${child.pid}/cmdline`, 'utf8') : '');
    try {
      await until(() => cmdline() === `/bin/sh\0${pot}\0start\0web\0`);
      // the shell's own command line holds the pattern too: only the pot process is an answer
      const check = spawnSync('/bin/sh', ['-c', `pgrep -f '/bin/sh ${pot} start web'`], { env: host.env, encoding: 'utf8' });
      expect([check.status, check.stdout]).toEqual([0, `${child.pid}\n`]);
      expect(spawnSync('/bin/sh', ['-c', `pgrep -f '/bin/sh ${pot} start other'`], { env: host.env, encoding: 'utf8' }).status).toBe(1);
      // another fake host's pgrep does not see it
      const other = createFakeHost();
      try {
        expect(spawnSync('/bin/sh', ['-c', `pgrep -f '/bin/sh ${pot} start web'`], { env: other.env, encoding: 'utf8' }).status).toBe(1);
      } finally {
        other.cleanup();
      }
    } finally {
      process.kill(-(child.pid as number), 'SIGKILL'); // the script and its sleep
    }
  });

  it('jexec_wait: the command lasts as a process of the jail until jexec-done.NAME, or ends with its jail (143)', async () => {
    host = createFakeHost();
    const env = { ...host.env, FAKEBSD_JEXEC_WAIT: '/tmp/tinirc', FAKEBSD_JEXEC_RC: '7' };
    const run = (name: string) => {
      const child = spawn('jexec', [name, '/tmp/tinirc'], { env, stdio: 'ignore' });
      return new Promise<number | null>((resolve) => child.on('close', resolve));
    };
    const procs = (name: string): string => readFileSync(path.join(host.stateDir, 'jail', name, 'procs'), 'utf8');
    for (const name of ['done', 'gone']) expect(sh(host, undefined, 'jail', '-c', `name=${name}`, 'path=/', 'persist').status).toBe(0);
    const done = run('done');
    const gone = run('gone');
    await until(() => procs('done') === '/tmp/tinirc\n' && procs('gone') === '/tmp/tinirc\n');
    // in process nothing waits
    expect(runStandIn({ argv: ['jexec', 'done', '/tmp/tinirc'], env }).exitCode).toBe(7);
    writeFileSync(path.join(host.stateDir, 'jexec-done.done'), '');
    expect(await done).toBe(7);
    expect(procs('done')).toBe('');
    expect(sh(host, undefined, 'jail', '-r', 'gone').status).toBe(0);
    expect(await gone).toBe(143);
  });
});
