/** pot ps (running pots, internal network state) and pot prune (minipot's cron job). */
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

async function ok(...args: string[]) {
  const r = await host.pot(...args);
  expect(r, `pot ${args.join(' ')}: ${r.stderr}`).toMatchObject({ code: 0 });
  return r;
}

describe('pot ps', () => {
  it('says whether the internal network is up and lists the running pots', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge');
    await ok('create', '-p', 'idle', '-b', '13.1');
    expect((await ok('ps')).stdout).toBe('===>  Internal network down\n');
    await ok('start', 'web');
    expect((await ok('ps')).stdout).toBe('===>  Internal network up\nweb\n');
    expect((await ok('ps', '-q')).stdout).toBe('web\n');
    expect(JSON.parse((await ok('ps', '--json')).stdout)).toEqual({ schemaVersion: 1, networkUp: true, running: ['web'] });
    host.env.FAKEBSD_UID = '1001';
    expect((await ok('ps')).stdout).toBe('===>  Need privileges to read internal network status\nweb\n');
    delete host.env.FAKEBSD_UID;
    await ok('stop', 'web');
  });
});

describe('pot prune', () => {
  it('destroys stopped pots marked prunable once they ran; -n only says so; -g spares a pot that just ran', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok('create', '-p', 'job', '-b', '13.1');
    await ok('create', '-p', 'keep', '-b', '13.1');
    await ok('set-attribute', '-p', 'job', '-A', 'prunable', '-V', 'YES');
    expect((await ok('prune')).stdout).toBe(''); // never ran: not marked to-be-pruned
    await ok('start', 'job');
    await ok('stop', 'job');
    expect((await ok('prune', '-g')).stdout).toBe(''); // its last run is less than a minute old
    expect((await ok('prune', '-n')).stdout).toBe('===>  Pruning job\n');
    expect((await ok('list', '-q')).stdout).toBe('job\nkeep\n');
    expect((await ok('prune')).stdout).toBe('===>  Pruning job\n===>  Destroying pot job\n===>  Pruned job\n');
    expect((await ok('list', '-q')).stdout).toBe('keep\n');
  });

  it('needs root', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    host.env.FAKEBSD_UID = '1001';
    const r = await host.pot('prune');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("This operation needs 'root' privileges");
  });
});
