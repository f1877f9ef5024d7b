/**
 * Unknown things (pot, base, bridge, fs component, snapshot, flavour): one
 * line on stderr naming the thing and the command that lists what exists,
 * exit 1, JSON code `not-found` — never the command's help, never internal
 * rule names.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeHost, fakePot, type FakeHost } from './fake-host.js';

let host: FakeHost;
beforeAll(() => {
  host = createFakeHost();
  host.setup('host_pot_root; host_base 13.1');
  fakePot(host, 'web', 'inherit');
  mkdirSync(path.join(host.fsRoot, 'jails', 'web', 'm'));
  writeFileSync(path.join(host.fsRoot, 'jails', 'web', 'conf', 'fscomp.conf'), '');
});
afterAll(() => host?.cleanup());

const POTS = "'pot ls' lists the pots";

describe('not found: one line, exit 1', () => {
  it.each([
    [['info', '-p', 'nope'], `pot nope not found (${POTS})`],
    [['destroy', '-p', 'nope'], `pot nope not found (${POTS})`],
    [['start', 'nope'], `pot nope not found (${POTS})`],
    [['set-attribute', '-p', 'nope', '-A', 'persistent', '-V', 'NO'], `pot nope not found (${POTS})`],
    [['add-dep', '-p', 'web', '-P', 'nope'], `dependency pot nope not found (${POTS})`],
    [['create', '-p', 'new', '-b', 'nope'], "base nope not found ('pot ls -b' lists the bases)"],
    [['destroy', '-b', 'nope'], "base nope not found ('pot ls -b' lists the bases)"],
    [['info', '-B', 'nope'], "bridge nope not found ('pot ls -B' lists the bridges)"],
    [['create', '-p', 'new', '-b', '13.1', '-N', 'private-bridge', '-B', 'nope'], "bridge nope not found ('pot ls -B' lists the bridges)"],
    [['snapshot', '-f', 'nope'], "fs component nope not found ('pot ls -f' lists the fs components)"],
    [['mount-in', '-p', 'web', '-f', 'nope', '-m', '/x'], "fs component nope not found ('pot ls -f' lists the fs components)"],
    [['clone', '-p', 'new', '-P', 'web', '-s', '123'], "snapshot 123 not found in pot web ('pot info -s -p web' lists its snapshots)"],
    [['create', '-p', 'new', '-b', '13.1', '-f', 'nope'], "flavour nope not found (looked in @CWD@ and @ETC@/flavours) ('pot ls -F' lists the flavours)"],
  ])('pot %j', async (argv, message) => {
    const r = await host.pot(...argv);
    const expected = message.replace('@CWD@', path.join(host.dir, 'home')).replace('@ETC@', host.etcDir);
    expect(r).toMatchObject({ code: 1, stdout: '', stderr: `###>  ${expected}\n` });
  });

  it('--json gives the code not-found with the message and the listing command', async () => {
    const r = await host.pot('info', '-p', 'nope', '--json');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({ schemaVersion: 1, error: 'not-found', message: 'pot nope not found', suggestion: POTS });
  });

  it('an incomplete pot is told apart from a missing one, with the command that removes it', async () => {
    host.look('zfs', 'create', 'zroot/pot/jails/half');
    const r = await host.pot('destroy', '-p', 'half');
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      "###>  pot half is incomplete: its directory, dataset or configuration is missing\n      fix: 'pot destroy -F -p half' removes what is left of it\n",
    );
  });
});

describe('messages carry no internal identifiers', () => {
  it('a refused name says which rule it broke in words, not as a rule code', async () => {
    const r = await host.pot('create', '-p', 'a b', '-b', '13.1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"a b" is not a valid pot name: it contains whitespace\n');
    expect(r.stderr).not.toMatch(/^\s+pot: /m);
  });

  it('a name no file can have is the name rule, never a path error, whatever -F says', async () => {
    const name = 'a'.repeat(300);
    for (const argv of [
      ['destroy', '-p', name],
      ['destroy', '-F', '-p', name],
      ['start', name],
    ]) {
      const r = await host.pot(...argv);
      expect(r.code, argv.join(' ')).toBe(1);
      expect(r.stderr).toContain(`is not a valid pot name: it has 300 characters, more than 255 (no directory of that name can exist)\n`);
      expect(r.stderr).not.toMatch(/too long|cannot be read/);
    }
  });
});
