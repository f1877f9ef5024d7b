/**
 * What shell pot left to chance: parallel creates sharing the address pool,
 * parallel starts sharing the host ports, and a create that dies halfway.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, POT_BIN, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const ipOf = (h: FakeHost, pot: string): string => /^ip=(.*)$/m.exec(readFileSync(path.join(h.fsRoot, 'jails', pot, 'conf', 'pot.conf'), 'utf8'))?.[1] ?? '';

const createAuto = (i: number): string[] => ['create', '-p', `p${i}`, '-b', '13.1', '-N', 'public-bridge', '-i', 'auto'];

function expectDistinctAddresses(n: number): void {
  const ips = range(n).map((i) => ipOf(host, `p${i}`));
  expect(new Set(ips).size).toBe(n);
  expect(ips.every((ip) => /^10\.192\.0\.\d+$/.test(ip))).toBe(true);
}

// A burst in one process interleaves the commands at every host call (the fake host answers in
// process); a few processes show the same through pot's lock files between processes.
describe('concurrency', () => {
  it('20 concurrent creates with -i auto get 20 distinct addresses', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    const runs = await Promise.all(range(20).map((i) => host.pot(...createAuto(i))));
    expect(runs.map((r) => r.code)).toEqual(range(20).map(() => 0));
    expectDistinctAddresses(20);
  });

  it('3 creates in 3 processes with -i auto get 3 distinct addresses', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    const runs = await Promise.all(range(3).map((i) => host.potProcess(...createAuto(i))));
    expect(runs.map((r) => r.code)).toEqual(range(3).map(() => 0));
    expectDistinctAddresses(3);
  });

  async function startExporting(n: number, run: (...args: string[]) => Promise<{ code: number }>): Promise<void> {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    for (const i of range(n)) {
      expect((await host.pot('create', '-p', `w${i}`, '-b', '13.1', '-N', 'public-bridge')).code).toBe(0);
      expect((await host.pot('export-ports', '-p', `w${i}`, '-e', '80')).code).toBe(0);
    }
    const starts = await Promise.all(range(n).map((i) => run('start', `w${i}`)));
    expect(starts.map((r) => r.code)).toEqual(range(n).map(() => 0));
    const ports = range(n).map((i) => {
      const rules = host.look('pfctl', '-a', `pot-rdr/w${i}`, '-s', 'nat', '-P');
      return /port = (\d+) ->/.exec(rules)?.[1];
    });
    expect(new Set(ports).size).toBe(n);
    expect(host.look('ifconfig', '-g', 'bridge').trim().split('\n')).toHaveLength(1);
    const stops = await Promise.all(range(n).map((i) => run('stop', `w${i}`)));
    expect(stops.map((r) => r.code)).toEqual(range(n).map(() => 0));
    expect(host.look('ifconfig', '-g', 'epair').trim()).toBe('');
  }

  it('10 concurrent starts of pots exporting port 80 get 10 distinct host ports, and one public bridge', async () => {
    await startExporting(10, (...args) => host.pot(...args));
  });

  it('2 starts in 2 processes of pots exporting port 80 get 2 distinct host ports, and one public bridge', async () => {
    await startExporting(2, (...args) => host.potProcess(...args));
  });
});

/** Starts pot create in the background; resolves when its first dataset exists. */
function createInBackground(h: FakeHost, pot: string) {
  const child = spawn(POT_BIN, ['create', '-p', pot, '-b', '13.1', '-N', 'public-bridge'], { env: h.env, stdio: 'ignore', detached: true });
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  const datasetMade = (async () => {
    const dir = path.join(h.state, 'zfs', 'ds');
    for (let i = 0; i < 2000; i++) {
      if (existsSync(dir) && readdirSync(dir).includes(`zroot%pot%jails%${pot}`)) return true;
      await sleep(5);
    }
    return false;
  })();
  return { child, exited, datasetMade };
}

describe('a create that dies halfway', () => {
  it('interrupted (TERM) it removes what it made', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    const run = createInBackground(host, 'half');
    expect(await run.datasetMade).toBe(true);
    run.child.kill('SIGTERM');
    const code = await run.exited;
    const left = host
      .look('zfs', 'list', '-H', '-o', 'name')
      .split('\n')
      .filter((l) => l.includes('jails/half'));
    // either create finished before the signal, or nothing of it is left
    if (code === 0) expect(left.length).toBeGreaterThan(0);
    else expect({ left, dir: existsSync(path.join(host.fsRoot, 'jails', 'half')) }).toEqual({ left: [], dir: false });
  });

  it('killed (KILL) it leaves a pot that destroy -F removes', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    const run = createInBackground(host, 'half');
    expect(await run.datasetMade).toBe(true);
    process.kill(-(run.child.pid as number), 'SIGKILL'); // the wrapper, node and the tool it runs
    await run.exited;
    const destroy = await host.pot('destroy', '-F', '-p', 'half');
    expect({ code: destroy.code, stderr: destroy.stderr }).toEqual({ code: 0, stderr: expect.any(String) });
    expect(host.look('zfs', 'list', '-H', '-o', 'name')).not.toContain('jails/half');
    expect(existsSync(path.join(host.fsRoot, 'jails', 'half'))).toBe(false);
    expect((await host.pot('create', '-p', 'half', '-b', '13.1', '-N', 'public-bridge')).code).toBe(0);
  });
});
