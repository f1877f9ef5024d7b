import { mkdirSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, goldenEffects, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

function potConf(h: FakeHost, name: string, lines: string[]): void {
  mkdirSync(`${h.fsRoot}/jails/${name}/conf`, { recursive: true });
  writeFileSync(`${h.fsRoot}/jails/${name}/conf/pot.conf`, `${lines.join('\n')}\n`);
}

describe('private bridges', () => {
  it('create -B stove -S 4, info -B, list -B (golden bridge-create-s4)', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    expect(await host.pot('create-private-bridge', '-B', 'stove', '-S', '4')).toEqual({ code: 0, stdout: '', stderr: '' });
    const { readFileSync } = await import('node:fs');
    expect(readFileSync(`${host.fsRoot}/bridges/stove`, 'utf8')).toBe('net=10.192.0.8/29\ngateway=10.192.0.9\nname=stove\n');
    const info = await host.pot('info', '-B', 'stove');
    expect(info).toEqual({
      code: 0,
      stdout: '\t10.192.0.8\tstove bridge - network \n\t10.192.0.9\tstove bridge - gateway \n\t10.192.0.15\tstove bridge - broadcast \n',
      stderr: '',
    });
    expect(await host.pot('list', '-B')).toEqual({ code: 0, stdout: 'bridge: stove\n', stderr: '' });
    expect(await host.pot('ls', '-qB')).toEqual({ code: 0, stdout: 'stove\n', stderr: '' });
    expect(JSON.parse((await host.pot('list', '-B', '--json')).stdout)).toEqual({
      schemaVersion: 1,
      bridges: [{ name: 'stove', network: '10.192.0.8/29', gateway: '10.192.0.9' }],
    });
    expect(JSON.parse((await host.pot('info', '-B', 'stove', '--json')).stdout).bridge).toMatchObject({
      name: 'stove',
      network: '10.192.0.8/29',
      addresses: [{ ip: '10.192.0.8' }, { ip: '10.192.0.9' }, { ip: '10.192.0.15' }],
    });
    // the only host effect of create-private-bridge is its syslog line (no potnet process, no lockf)
    expect(host.effects().split('### [2]')[0]).toBe(goldenEffects('bridge-create-s4').split('### [2]')[0]);
  });

  it('-S 2 makes a /30 (golden bridge-create-s2)', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    expect((await host.pot('create-private-bridge', '-B', 'tiny', '-S', '2')).code).toBe(0);
    expect((await host.pot('info', '-B', 'tiny')).stdout).toBe(
      '\t10.192.0.4\ttiny bridge - network \n\t10.192.0.5\ttiny bridge - gateway \n\t10.192.0.7\ttiny bridge - broadcast \n',
    );
  });

  it('two bridges side by side; info -B stove prints the lines of the network guide', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    expect((await host.pot('create-private-bridge', '-B', 'oven', '-S', '4')).code).toBe(0);
    expect((await host.pot('create-private-bridge', '-B', 'stove', '-S', '4')).code).toBe(0);
    const info = await host.pot('info', '-B', 'stove');
    // the seed (pot network configuration guide): potnet show -b stove
    const seed = ['10.192.0.16 stove bridge - network', '10.192.0.17 stove bridge - gateway', '10.192.0.23 stove bridge - broadcast'];
    expect(
      info.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.trim().replace(/\t/g, ' ').trim()),
    ).toEqual(seed);
    expect((await host.pot('list', '-B')).stdout).toBe('bridge: oven\nbridge: stove\n');
    // both up side by side
    expect((await host.pot('vnet-start', '-B', 'oven')).code).toBe(0);
    expect((await host.pot('vnet-start', '-B', 'stove')).code).toBe(0);
    expect(host.look('ifconfig', 'bridge0')).toContain('inet 10.192.0.9 netmask 0xfffffff8');
    expect(host.look('ifconfig', 'bridge1')).toContain('inet 10.192.0.17 netmask 0xfffffff8');
    // a pot on the bridge shows up in info -B
    potConf(host, 'casserole', ['ip=10.192.0.18', 'vnet=true', 'network_type=private-bridge', 'bridge=stove']);
    expect((await host.pot('info', '-B', 'stove')).stdout).toBe(
      '\t10.192.0.16\tstove bridge - network \n\t10.192.0.17\tstove bridge - gateway \n\t10.192.0.18\tcasserole\n\t10.192.0.23\tstove bridge - broadcast \n',
    );
  });

  it('a bridge that no longer fits: clear error, no file', async () => {
    // a /27: .0/29 holds the gateway and the DNS address, .24/29 the broadcast address
    host = createFakeHost(['POT_NETWORK=10.192.0.0/27', 'POT_NETMASK=255.255.255.224']);
    host.setup('host_pot_root');
    expect((await host.pot('create-private-bridge', '-B', 'one', '-S', '4')).code).toBe(0);
    expect((await host.pot('create-private-bridge', '-B', 'two', '-S', '4')).code).toBe(0);
    const r = await host.pot('create-private-bridge', '-B', 'three', '-S', '4');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('###>  Not able to get a valid network with size 4\n');
    expect(r.stderr).toContain('no free segment for 4 hosts is left in POT_NETWORK (10.192.0.0/27)');
    expect((await host.pot('list', '-B')).stdout).toBe('bridge: one\nbridge: two\n');
    expect((await host.pot('info', '-B', 'two')).stdout).toContain('\t10.192.0.16\ttwo bridge - network \n');
  });

  it('errors: no -B, no -S, -S 1, an existing name, a bad name (golden bridge-create-errors)', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const noB = await host.pot('create-private-bridge', '-S', '4');
    expect(noB.code).toBe(1);
    expect(noB.stderr).toMatch(/^###> {2}A bridge name is mandatory \(-B option\)\npot create-private-bridge/);
    const noS = await host.pot('create-private-bridge', '-B', 'stove');
    expect(noS.code).toBe(1);
    expect(noS.stderr).toMatch(/^###> {2}The amount of host is mandatory \(-S option\)\n/);
    const one = await host.pot('create-private-bridge', '-B', 'stove', '-S', '1');
    expect(one.code).toBe(1);
    expect(one.stderr).toMatch(/^###> {2}Not able to get a valid network with size 1\n/);
    expect((await host.pot('create-private-bridge', '-B', 'stove', '-S', '4')).code).toBe(0);
    const again = await host.pot('create-private-bridge', '-B', 'stove', '-S', '4');
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/^###> {2}A bridge with name stove already exists\n/);
    const bad = await host.pot('create-private-bridge', '-B', '../x', '-S', '4');
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('is not a valid bridge name');
    const notNumber = await host.pot('create-private-bridge', '-B', 'x', '-S', 'four');
    expect(notNumber.code).toBe(1);
    expect((await host.pot('list', '-B')).stdout).toBe('bridge: stove\n');
  });

  it('destroy -B: refused while a pot uses it, then removes file and host bridge; unknown bridge', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    await host.pot('create-private-bridge', '-B', 'stove', '-S', '4');
    await host.pot('vnet-start', '-B', 'stove');
    potConf(host, 'priv', ['ip=10.192.0.10', 'vnet=true', 'network_type=private-bridge', 'bridge=stove']);
    const refused = await host.pot('destroy', '-B', 'stove');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('###>  the bridge stove is still used by the pot priv - unable to delete');
    const { rmSync } = await import('node:fs');
    rmSync(`${host.fsRoot}/jails/priv`, { recursive: true });
    const ok = await host.pot('destroy', '-B', 'stove');
    expect(ok).toEqual({ code: 0, stdout: '===>  Destroying bridge stove\n', stderr: '' });
    expect(host.look('ifconfig', '-g', 'bridge').trim()).toBe('');
    expect(host.effects()).toContain('E ifconfig bridge0 destroy');
    const unknown = await host.pot('destroy', '-B', 'stove');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('###>  bridge stove not found');
    expect((await host.pot('list', '-B')).stdout).toBe('');
    const info = await host.pot('info', '-B', 'stove');
    expect(info.code).toBe(1);
  });

  it('destroy -B --dry-run prints and keeps everything', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    await host.pot('create-private-bridge', '-B', 'stove', '-S', '4');
    await host.pot('vnet-start', '-B', 'stove');
    const r = await host.pot('destroy', '-B', 'stove', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('ifconfig bridge0 destroy\n');
    expect(host.normalise(r.stdout)).toContain('rm -rf @FS@/bridges/stove\n');
    expect((await host.pot('list', '-B')).stdout).toBe('bridge: stove\n');
    expect(host.look('ifconfig', '-g', 'bridge').trim()).toBe('bridge0');
  });
});
