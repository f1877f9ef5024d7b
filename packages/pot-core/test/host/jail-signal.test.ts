/** The host seam's jail signalling (pgrep/pkill -j) and raw rctl usage, as the FreeBSD driver issues them. */
import { describe, expect, it } from 'vitest';
import { rejected } from '../thrown-pot-error.js';
import { createDryRunRunner, createFreeBsdHost, createRecordingRunner, formatLogLines } from '../../src/host/index.js';

function recorded(responses: Parameters<typeof createRecordingRunner>[0]['responses'] = {}) {
  const rec = createRecordingRunner({ responses });
  const log = (): string[] => rec.commands.flatMap((c) => formatLogLines(c.command, c.result));
  return { host: createFreeBsdHost({ runner: rec, hostRoot: '/nonexistent' }), rec, log };
}

describe('jails.signal / jails.findProcesses', () => {
  it('a pattern on names, a whole command line, or one pid given on stdin', async () => {
    const { host, log } = recorded({ 'pgrep -j web nginx': { stdout: '101\n102\n' } });
    expect(await host.jails.signal('web', 'HUP', { pattern: 'nginx' })).toBe(true);
    expect(await host.jails.signal('web', 'INFO', { pattern: '^sh /etc/rc$', commandLine: true })).toBe(true);
    expect(await host.jails.signal('web', 'USR1', { pid: 4242 })).toBe(true);
    expect(await host.jails.findProcesses('web', { pattern: 'nginx' })).toEqual([101, 102]);
    expect(await host.jails.signal('web', 'TERM', { pattern: '-x' })).toBe(true);
    expect(log()).toEqual([
      'E pkill -HUP -j web nginx',
      "E pkill -INFO -j web -f '^sh /etc/rc$'",
      'E pkill -USR1 -j web -F /dev/stdin',
      '    | 4242',
      'Q pgrep -j web nginx',
      'E pkill -TERM -j web -- -x',
    ]);
  });

  it('exit 1 is "none matched"; more is an error', async () => {
    const { host } = recorded({ pkill: { exitCode: 1 }, pgrep: { exitCode: 1 } });
    expect(await host.jails.signal('web', 'HUP', { pattern: 'nginx' })).toBe(false);
    expect(await host.jails.findProcesses('web', { pid: 5 })).toEqual([]);
    const broken = recorded({ pkill: { exitCode: 2, stderr: 'pkill: Invalid pid in pidfile\n' }, pgrep: { exitCode: 3 } }).host;
    const e = await rejected(broken.jails.signal('web', 'HUP', { pid: 5 }));
    expect(e.code).toBe('host-command');
    expect(e.message).toContain('Invalid pid in pidfile');
    expect((await rejected(broken.jails.findProcesses('web', { pattern: 'x' }))).code).toBe('host-command');
  });

  it('refuses what a tool would misread before running anything', async () => {
    const { host, rec } = recorded();
    expect((await rejected(host.jails.signal('web', '-9', { pattern: 'x' }))).code).toBe('usage');
    expect((await rejected(host.jails.signal('web', 'hup', { pattern: 'x' }))).code).toBe('usage');
    expect((await rejected(host.jails.signal('web', 'HUP', { pid: 0 }))).code).toBe('usage');
    expect((await rejected(host.jails.signal('web', 'HUP', { pid: 1.5 }))).code).toBe('usage');
    expect((await rejected(host.jails.signal('-web', 'HUP', { pattern: 'x' }))).code).toBe('invalid-name');
    expect((await rejected(host.jails.findProcesses('a b', { pattern: 'x' }))).code).toBe('invalid-name');
    expect(rec.commands).toEqual([]);
  });

  it('dry-run prints pkill (with the pid it reads) and still runs pgrep', async () => {
    const printed: string[] = [];
    const rec = createRecordingRunner({ responses: { pgrep: { stdout: '7\n' } } });
    const host = createFreeBsdHost({ runner: createDryRunRunner(rec, { print: (l) => printed.push(l) }), hostRoot: '/nonexistent' });
    expect(await host.jails.signal('web', 'HUP', { pid: 7 })).toBe(true);
    expect(await host.jails.findProcesses('web', { pid: 7 })).toEqual([7]);
    expect(printed).toEqual(['pkill -HUP -j web -F /dev/stdin', '    | 7']);
    expect(rec.commands.map((c) => c.command.file)).toEqual(['pgrep']);
  });
});

describe('limits.usage', () => {
  it('human-readable by default (show), raw counters on request (get-rss)', async () => {
    const { host, log } = recorded({ 'rctl -hu': { stdout: 'memoryuse=12M\npcpu=3\n' }, 'rctl -u': { stdout: 'memoryuse=12582912\npcpu=3\n' } });
    expect(await host.limits.usage('web')).toEqual({ memoryuse: '12M', pcpu: '3' });
    expect(await host.limits.usage('web', { raw: true })).toEqual({ memoryuse: '12582912', pcpu: '3' });
    expect(log()).toEqual(['Q rctl -hu jail:web', 'Q rctl -u jail:web']);
  });
});
