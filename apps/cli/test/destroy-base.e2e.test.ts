/** pot destroy -b: a base with its level-0 pot, the pots on it refused or (-r) destroyed first. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

const datasets = (): string[] =>
  host
    .look('zfs', 'list', '-H', '-o', 'name')
    .split('\n')
    .filter((l) => l !== '');
const destroyed = (): string[] =>
  host
    .effects()
    .split('\n')
    .filter((l) => l.startsWith('E zfs destroy -f -r'));

/** Base 13.1 with its level-0 pot, web (level 1) and web2 (level 2 on web). */
async function baseWithPots(): Promise<void> {
  host = createFakeHost();
  host.setup('host_pot_root; host_base 13.1');
  const steps = [
    ['create', '-p', 'base-13_1', '-b', '13.1', '-l', '0'],
    ['create', '-p', 'web', '-b', '13.1'],
    ['snapshot', '-p', 'web'],
    ['create', '-p', 'web2', '-P', 'web', '-l', '2'],
  ];
  for (const args of steps) {
    const r = await host.pot(...args);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  }
}

describe('pot destroy -b', () => {
  it('refuses while other pots use the base, naming them, and destroys nothing', async () => {
    await baseWithPots();
    const before = host.dump();
    const r = await host.pot('destroy', '-b', '13.1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('base 13.1 is used by the pots web, web2');
    expect(r.stderr).toContain('use -r');
    expect(host.dump()).toBe(before);
  });

  it('-r destroys the pots on the base (level 2, then 1, then the level-0 pot), then the base', async () => {
    await baseWithPots();
    const r = await host.pot('destroy', '-b', '13.1', '-r');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Destroying recursively pot web2 based on 13.1');
    expect(r.stdout).toContain('Destroying base 13.1');
    expect(destroyed()).toEqual([
      'E zfs destroy -f -r zroot/pot/jails/web2',
      'E zfs destroy -f -r zroot/pot/jails/web',
      'E zfs destroy -f -r zroot/pot/jails/base-13_1',
      'E zfs destroy -f -r zroot/pot/bases/13.1',
    ]);
    expect(datasets().filter((d) => d.includes('/jails/') || d.includes('/bases/'))).toEqual([]);
    expect(existsSync(path.join(host.fsRoot, 'bases', '13.1'))).toBe(false);
    expect(existsSync(path.join(host.fsRoot, 'jails', 'base-13_1'))).toBe(false);
    expect((await host.pot('list', '-q')).stdout).toBe('');
    expect((await host.pot('list', '-b')).stdout).not.toContain('13.1');
  });

  it('a base with no pot at all goes at once; an unknown base is an error', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1; host_base 14.0');
    const r = await host.pot('destroy', '-b', '14.0');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(destroyed()).toEqual(['E zfs destroy -f -r zroot/pot/bases/14.0']);
    expect(datasets()).toContain('zroot/pot/bases/13.1');
    const unknown = await host.pot('destroy', '-b', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("###>  base nope not found ('pot ls -b' lists the bases)");
  });

  it('a running pot stops the destruction before anything is lost; -F stops it and goes on', async () => {
    await baseWithPots();
    expect((await host.pot('start', 'web')).code).toBe(0);
    const before = host.dump();
    const refused = await host.pot('destroy', '-b', '13.1', '-r');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('pot web is running');
    expect(host.dump()).toBe(before);
    const forced = await host.pot('destroy', '-b', '13.1', '-r', '-F');
    expect(forced.stderr).toBe('');
    expect(forced.code).toBe(0);
    expect(host.look('jls', '-q', 'name')).toBe('');
    expect(datasets().filter((d) => d.includes('/jails/') || d.includes('/bases/'))).toEqual([]);
  });

  it('--dry-run prints the zfs commands and changes nothing', async () => {
    await baseWithPots();
    const before = host.dump();
    const r = await host.pot('destroy', '-b', '13.1', '-r', '--dry-run');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('zfs destroy -f -r zroot/pot/jails/web2\n');
    expect(r.stdout).toContain('zfs destroy -f -r zroot/pot/bases/13.1\n');
    expect(host.dump()).toBe(before);
  });
});
