/**
 * SIGKILL at chosen moments of create, start, stop and destroy (issue 14).
 * The moment is deterministic: a shim in front of one fake-host tool kills
 * the pot process (its parent) when that tool is called for the N-th time,
 * before the call runs. Afterwards the next command on the pot either works
 * or says to run `destroy -F`, no stale lock blocks anything, and
 * `destroy -F` brings the host back to what it was before the create.
 */
import { chmodSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, STUBS, type FakeHost } from '../fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

/** From now on, the `nth` call of `tool` (counted from now) SIGKILLs the pot process instead of running. */
function killAt(tool: string, nth: number, match = ''): void {
  const dir = path.join(host.dir, 'kill-shim');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  const counter = path.join(dir, 'count');
  writeFileSync(counter, '0');
  writeFileSync(
    path.join(dir, tool),
    [
      '#!/bin/sh',
      `case "$*" in *${match}*) n=$(($(cat ${counter}) + 1)); echo $n > ${counter}`,
      `  if [ "$n" -eq ${nth} ]; then kill -KILL $PPID; exit 137; fi;; esac`,
      `exec ${path.join(STUBS, 'bin', tool)} "$@"`,
      '',
    ].join('\n'),
  );
  chmodSync(path.join(dir, tool), 0o755);
  host.env.PATH = `${dir}:${host.env.PATH}`;
}

function noKill(): void {
  host.env.PATH = (host.env.PATH ?? '')
    .split(':')
    .filter((d) => !d.endsWith('kill-shim'))
    .join(':');
}

/** The host as pot sees it, without the logs. */
const hostState = (): string => host.dump();

interface Moment {
  name: string;
  /** What the host has before the pot (kept by destroy -F: a public bridge outlives its pots). */
  host?: string[][];
  /** Commands before the one killed (not killed). */
  before: string[][];
  killed: string[];
  tool: string;
  nth: number;
  match?: string;
}

const MOMENTS: Moment[] = [
  { name: 'create, at its third zfs call', before: [], killed: ['create', '-p', 'web', '-b', '13.1'], tool: 'zfs', nth: 3 },
  { name: 'destroy, at the dataset', before: [['create', '-p', 'web', '-b', '13.1']], killed: ['destroy', '-p', 'web'], tool: 'zfs', nth: 1, match: 'destroy' },
  ...(['epair', '-c'] as const).map((match) => ({
    name: `start of a public-bridge pot, at ${match === '-c' ? 'jail -c' : 'its epair'}`,
    host: [['vnet-start']],
    before: [['create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge']],
    killed: ['start', 'web'],
    tool: match === '-c' ? 'jail' : 'ifconfig',
    nth: 1,
    match,
  })),
  {
    name: 'stop of a public-bridge pot, at jail -r',
    host: [['vnet-start']],
    before: [
      ['create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge'],
      ['start', 'web'],
    ],
    killed: ['stop', 'web'],
    tool: 'jail',
    nth: 1,
    match: '-r',
  },
];

describe('SIGKILL at a seeded moment', () => {
  for (const m of MOMENTS) {
    it(m.name, async () => {
      host = createFakeHost();
      host.setup('host_pot_root; host_base 13.1');
      for (const argv of m.host ?? []) expect((await host.pot(...argv)).code, argv.join(' ')).toBe(0);
      const pristine = hostState();
      for (const argv of m.before) expect((await host.pot(...argv)).code, argv.join(' ')).toBe(0);
      killAt(m.tool, m.nth, m.match);
      const killed = await host.potProcess(...m.killed);
      noKill();
      expect(killed.code).not.toBe(0);
      // the next command on the pot works, or names destroy -F; no lock is left to wait for
      const next = await host.pot('info', '-p', 'web');
      if (next.code !== 0) expect(next.stderr).toMatch(/destroy -F|is not a pot|not found/);
      expect(next.stderr).not.toMatch(/internal error|busy|lock/i);
      const forced = await host.pot('destroy', '-F', '-p', 'web');
      expect(forced.stderr).not.toMatch(/internal error|lock/i);
      expect(hostState()).toBe(pristine);
    }, 900_000);
  }
});
