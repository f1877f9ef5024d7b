/**
 * Scenario by scenario against the golden effect logs of shell pot 0.16.0:
 * the host commands that change state (E lines, with the content they read),
 * in order. Where ours differ on purpose, the expected text is the golden one
 * with that documented change applied (README, "Differences from shell pot").
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, goldenEffects, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

describe('golden scenarios', () => {
  it('init-bad-extif: same failures, but nothing is created before the check', async () => {
    host = createFakeHost(['POT_EXTIF=em9']);
    const r1 = await host.pot('init', '-s');
    host.conf('POT_EXTIF=em0', 'POT_EXTRA_EXTIF=vlan99');
    const r2 = await host.pot('init', '-s');
    expect([r1.code, r2.code]).toEqual([1, 1]);
    expect(r1.stderr.split('\n')[0]).toBe('###>  The network interface em9 seems not valid [POT_EXTIF]');
    expect(r2.stderr.split('\n')[0]).toBe('###>  The network interface vlan99 seems not valid [POT_EXTRA_EXTIF]');
    const golden = goldenEffects('init-bad-extif')
      .split('\n')
      .filter((l) => !l.startsWith('E zfs create') && !l.startsWith('E chown'))
      .join('\n');
    expect(host.effects()).toBe(golden);
  });

  it('bridge-create-errors: usage errors are refused before logging; the rest is the same', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const runs = [
      await host.pot('create-private-bridge', '-S', '4'),
      await host.pot('create-private-bridge', '-B', 'stove'),
      await host.pot('create-private-bridge', '-B', 'stove', '-S', '1'),
      await host.pot('create-private-bridge', '-B', 'stove', '-S', '4'),
      await host.pot('create-private-bridge', '-B', 'stove', '-S', '4'),
    ];
    expect(runs.map((r) => r.code)).toEqual([1, 1, 1, 0, 1]);
    const golden = goldenEffects('bridge-create-errors')
      .split('\n')
      .filter(
        (l) =>
          l !== "E logger -p local2.info -t pot 'pot-create-private-bridge -S 4'" &&
          l !== "E logger -p local2.info -t pot 'pot-create-private-bridge -B stove'",
      )
      .join('\n');
    expect(host.effects()).toBe(golden);
  });

  it('bridge-create-s2 and bridge-create-s4: identical effects and outputs', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    await host.pot('create-private-bridge', '-B', 'tiny', '-S', '2');
    const info = await host.pot('info', '-B', 'tiny');
    expect(info.stdout).toBe('\t10.192.0.4\ttiny bridge - network \n\t10.192.0.5\ttiny bridge - gateway \n\t10.192.0.7\ttiny bridge - broadcast \n');
    expect(host.effects()).toBe(goldenEffects('bridge-create-s2'));
  });

  it('destroy-bridge (the -B part): refused while used, then destroyed, then unknown', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    await host.pot('create-private-bridge', '-B', 'stove', '-S', '4');
    const { mkdirSync, writeFileSync, rmSync } = await import('node:fs');
    mkdirSync(`${host.fsRoot}/jails/priv/conf`, { recursive: true });
    writeFileSync(`${host.fsRoot}/jails/priv/conf/pot.conf`, 'ip=10.192.0.10\nvnet=true\nnetwork_type=private-bridge\nbridge=stove\n');
    const used = await host.pot('destroy', '-B', 'stove');
    rmSync(`${host.fsRoot}/jails/priv`, { recursive: true });
    const ok = await host.pot('destroy', '-B', 'stove');
    const gone = await host.pot('destroy', '-B', 'stove');
    const list = await host.pot('list', '-B');
    expect([used.code, ok.code, gone.code, list.code]).toEqual([1, 0, 1, 0]);
    expect(used.stderr.split('\n')[0]).toBe('###>  the bridge stove is still used by the pot priv - unable to delete');
    expect(ok.stdout).toBe('===>  Destroying bridge stove\n');
    expect(gone.stderr.split('\n')[0]).toBe("###>  bridge stove not found ('pot ls -B' lists the bridges)");
    expect(list.stdout).toBe('');
  });
});
