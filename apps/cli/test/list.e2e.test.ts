import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, fakePot, type FakeHost, potWithCalls } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

describe('pot list (pots), golden inspect-list', () => {
  it('no pots yet', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    expect(await host.pot('list')).toMatchObject({ code: 0, stdout: 'No pot created yet...\n' });
    expect(await host.pot('list', '-q')).toMatchObject({ code: 0, stdout: '' });
    // no pot, no jail to ask about
    for (const args of [['list'], ['ps', '-q'], ['show']]) expect((await potWithCalls(host, ...args)).calls.filter(([c]) => c === 'jls')).toEqual([]);
  });

  it('lists network, ip and whether each pot runs, in name order; -q gives the names', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    fakePot(host, 'web', 'public-bridge', '10.192.0.3');
    fakePot(host, 'inh', 'inherit');
    fakePot(host, 'priv', 'private-bridge', '10.192.0.10');
    host.look('jail', '-c', 'name=web', 'path=/', 'persist');
    const r = await host.pot('list');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      'pot name : inh\n\tnetwork : inherit\n\tactive : false\n\n' +
        'pot name : priv\n\tnetwork : private-bridge\n\tip : 10.192.0.10\n\tactive : false\n\n' +
        'pot name : web\n\tnetwork : public-bridge\n\tip : 10.192.0.3\n\tactive : true\n\n',
    );
    expect((await host.pot('ls', '-q')).stdout).toBe('inh\npriv\nweb\n');
    expect(JSON.parse((await host.pot('list', '--json')).stdout).pots.map((p: { name: string; active: boolean }) => [p.name, p.active])).toEqual([
      ['inh', false],
      ['priv', false],
      ['web', true],
    ]);
  });

  it('list, ps and show ask the host for the running jails once, however many pots there are', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    for (let i = 0; i < 12; i++) fakePot(host, `p${i}`, 'public-bridge', `10.192.0.${i + 3}`);
    host.look('jail', '-c', 'name=p7', 'path=/', 'persist');
    const jlsCalls = async (...args: string[]) => {
      const { run, calls } = await potWithCalls(host, ...args);
      expect(run.code).toBe(0);
      return calls.filter((argv) => argv[0] === 'jls').length;
    };
    expect(await jlsCalls('list')).toBe(1);
    expect(await jlsCalls('ls', '-q')).toBe(1);
    expect(await jlsCalls('ps', '-q')).toBe(1);
    expect((await host.pot('ps', '-q')).stdout).toBe('p7\n');
    // show of the running pots: one listing, then the pot it shows
    expect(await jlsCalls('show')).toBeLessThanOrEqual(2);
  });

  it('-v adds base, level, datasets from fscomp.conf and snapshots', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    fakePot(host, 'web', 'public-bridge', '10.192.0.3');
    writeFileSync(
      path.join(host.fsRoot, 'jails', 'web', 'conf', 'fscomp.conf'),
      'zroot/pot/bases/13.1 / ro\nzroot/pot/jails/web/usr.local /usr/local zfs-remount\nzroot/pot/jails/web/custom /opt/custom zfs-remount\n',
    );
    mkdirSync(path.join(host.fsRoot, 'jails', 'web', 'm'), { recursive: true });
    const r = await host.pot('list', '-v');
    expect(r.stdout).toBe(
      'pot name : web\n\tnetwork : public-bridge\n\tip : 10.192.0.3\n\tactive : false\n\tbase : 13.1\n\tlevel : 1\n\tdatasets:\n' +
        '\t\t/ => bases/13.1\n\t\t/usr/local => jails/web/usr.local\n\t\t/opt/custom => jails/web/custom\n\tsnapshot:\n\t\tno snapshots\n\n',
    );
  });
});
