/**
 * The resident stand-in (src/server.ts): a launcher it answers gives the bytes, status and log
 * line a Node process of the same emulator gives; what it must not answer (a piped stdin, a
 * command that runs programs) still runs as a process.
 */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from '../src/index.ts';

let hosts: FakeHost[] = [];
afterEach(() => {
  for (const h of hosts) h.cleanup();
  hosts = [];
});

function twoHosts(): [FakeHost, FakeHost] {
  const made = [0, 1].map(() => createFakeHost()) as [FakeHost, FakeHost];
  hosts.push(...made);
  return made;
}

/** Runs a stand-in through its launcher; AS_PROCESS drops the port (a Node process answers). */
function launch(h: FakeHost, asProcess: boolean, input: 'none' | string, command: string, ...args: string[]) {
  const env = { ...h.env, FAKEBSD_PORT: asProcess ? '' : (h.env.FAKEBSD_PORT ?? '') };
  const r = spawnSync(path.join(h.binDir, command), args, { env, cwd: h.dir, ...(input === 'none' ? { stdio: ['ignore', 'pipe', 'pipe'] } : { input }) });
  return { status: r.status, stdout: r.stdout.toString('latin1'), stderr: r.stderr.toString('utf8') };
}

/** calls.jsonl without what differs between two hosts (their directories, times). */
const logOf = (h: FakeHost) =>
  h.calls().map((c) =>
    JSON.stringify(c)
      .replaceAll(h.dir, 'DIR')
      .replace(/"(t|time|ts)":[^,}]*/g, ''),
  );

const CALLS: ReadonlyArray<readonly string[]> = [
  ['zfs', 'list', '-H', '-o', 'name'],
  ['zfs', 'create', '-p', 'zroot/pot/jails/web'],
  ['zfs', 'create', 'nope/x'],
  ['zfs', 'snapshot', 'zroot/pot/jails/web@one'],
  ['zfs', 'send', 'zroot/pot/jails/web@one'],
  ['ifconfig', 'bridge', 'create'],
  ['ifconfig', 'bridge0', 'inet', '10.192.0.1/10', 'up'],
  ['ifconfig'],
  ['sysctl', '-n', 'net.inet.ip.forwarding'],
  ['sysctl', 'no.such.key'],
  ['jls', '-j', 'web'],
  ['zfs', 'get', '-H', '-o', 'value', 'mountpoint', 'zroot/pot/jails/web'],
];

describe('the resident stand-in', () => {
  it('is started for a fake host on Linux', () => {
    const [h] = twoHosts();
    expect(h.env.FAKEBSD_PORT).toMatch(/^\d+$/);
  });

  it('answers as a stand-in process does: status, stdout, stderr, state and log', () => {
    const [served, spawned] = twoHosts();
    for (const argv of CALLS) {
      const [command, ...args] = argv as [string, ...string[]];
      expect({ argv, ...launch(served, false, 'none', command, ...args) }).toEqual({ argv, ...launch(spawned, true, 'none', command, ...args) });
    }
    expect(served.datasets()).toEqual(spawned.datasets());
    expect(logOf(served)).toEqual(logOf(spawned));
  });

  it('reads a stdin that is a file, and leaves a piped stdin to a process', () => {
    const [served, spawned] = twoHosts();
    const rules = path.join(served.dir, 'rules');
    writeFileSync(rules, 'rdr pass on em0 proto tcp from any to 10.0.0.1 port 80 -> 10.192.0.3 port 80\n');
    const fromFile = (h: FakeHost, asProcess: boolean) => {
      const r = spawnSync('bash', ['-c', `pfctl -a pot-rdr/web -f - < ${rules}; pfctl -a pot-rdr/web -s nat`], {
        env: { ...h.env, FAKEBSD_PORT: asProcess ? '' : (h.env.FAKEBSD_PORT ?? '') },
      });
      return { status: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
    };
    expect(fromFile(served, false)).toEqual(fromFile(spawned, true));
    expect(fromFile(served, false).stdout).toContain('10.192.0.3');
    const piped = launch(
      served,
      false,
      'rdr pass on em0 proto tcp from any to 10.0.0.1 port 81 -> 10.192.0.4 port 81\n',
      'pfctl',
      '-a',
      'pot-rdr/db',
      '-f',
      '-',
    );
    expect(piped.status).toBe(0);
    expect(served.pfRules('pot-rdr/db').join('\n')).toContain('10.192.0.4');
  });

  it('leaves commands that run programs to a process (lockf runs its command)', () => {
    const [served] = twoHosts();
    const r = launch(served, false, 'none', 'lockf', '-k', path.join(served.dir, 'lock'), 'echo', 'ran');
    expect(r).toEqual({ status: 0, stdout: 'ran\n', stderr: '' });
  });
});
