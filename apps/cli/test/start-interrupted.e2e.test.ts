/**
 * stop and destroy -F while a start is in progress (Nomad stops a task whose start has not
 * finished): the start is asked to end, undoes what it did and exits non-zero; the stop or
 * destroy then does its work. The start is held at chosen host calls (in process: the fake
 * host's calls of that command wait until released), and the host must end as it was before
 * the prepare. A start killed halfway (a real process, SIGKILLed) leaves a doa pot that
 * destroy -F removes.
 */
import { chmodSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, STUBS, type FakeHost } from './fake-host.js';
import { IMAGE_URL, prepareArgs, serveImage } from './image-fixture.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

/** A host serving and holding the image web_1.0 (imported), with the internal network up. */
async function hostWithImage(): Promise<void> {
  host = createFakeHost();
  host.setup('host_pot_root');
  await serveImage(host);
  expect((await host.pot('import', '-U', IMAGE_URL, '-p', 'web', '-t', '1.0')).code).toBe(0);
  expect((await host.pot('vnet-start')).code).toBe(0);
}

/** nomad-pot-driver's prepare of allocation `alloc` with its task directory mounted at /local; answers the pot's name. */
async function prepared(alloc: string): Promise<string> {
  const r = await host.pot(...prepareArgs(alloc));
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const pot = `task_${alloc}`;
  const local = path.join(host.dir, 'alloc', alloc, 'local');
  mkdirSync(local, { recursive: true });
  expect((await host.pot('mount-in', '-p', pot, '-d', local, '-m', '/local')).code).toBe(0);
  return pot;
}

/**
 * The host as pot sees it. A flushed rdr anchor is left out: pf removes a ruleset once it is
 * empty, the fake host keeps it listed with no rules (as after any stop).
 */
const hostState = (): string => host.dump().replace(/^ *anchor pot-rdr\/\S+ rules:\n *\(none\)\n/gm, '');

/** Looks every few milliseconds until `done` holds (the other command runs meanwhile), for a minute at most. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 30_000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(done()).toBe(true);
}

interface Moment {
  name: string;
  /** The start's host call held (tool name first). */
  at: (argv: readonly string[]) => boolean;
}

const MOMENTS: Moment[] = [
  { name: 'the mount of /local', at: (a) => a[0] === 'mount_nullfs' },
  { name: 'the epair on the bridge', at: (a) => a[0] === 'ifconfig' && a.includes('addm') },
  { name: 'the epair', at: (a) => a[0] === 'ifconfig' && a.includes('epair') && a.includes('create') },
  { name: 'the rdr anchor', at: (a) => a[0] === 'pfctl' && a.some((w) => w.startsWith('pot-rdr/')) && a.includes('-f') },
  { name: 'the jail', at: (a) => a[0] === 'jail' && a[1] === '-c' },
  { name: 'the end of the placeholder, just before started', at: (a) => a[0] === 'pkill' && a.includes('-j') },
];

/** Starts the pot, holds it at `moment`, runs `other` meanwhile; answers both runs once the start was asked to end. */
async function race(pot: string, moment: Moment, other: string[]) {
  const gate = host.pauseAt(moment.at);
  const start = host.pot('start', pot);
  await gate.reached;
  const stopping = host.pot(...other);
  // the other command asks the start to end, then waits for it
  await until(() => existsSync(path.join(host.tmp, `pot-stop-request-${pot}`)));
  gate.release();
  const [started, stopped] = await Promise.all([start, stopping]);
  return { started, stopped };
}

describe('destroy -F and stop during a start', () => {
  it('destroy -F at each moment of the start: the start fails, the host is as before the prepare', async () => {
    await hostWithImage();
    const before = hostState();
    for (const [i, moment] of MOMENTS.entries()) {
      const pot = await prepared(`hash_${i}`);
      const { started, stopped } = await race(pot, moment, ['destroy', '-p', pot, '-F']);
      expect([moment.name, started.code, started.stderr]).toEqual([moment.name, 1, expect.stringContaining(`the start of pot ${pot} was interrupted`)]);
      expect([moment.name, stopped.code, stopped.stderr]).toEqual([moment.name, 0, '']);
      expect(hostState(), moment.name).toBe(before);
      expect((await host.pot('list', '-q')).stdout).toBe('web\nweb_1_0\n');
      expect(existsSync(path.join(host.tmp, `pot-stop-request-${pot}`))).toBe(false);
    }
  });

  it('stop at each moment of the start: the start fails, the pot is stopped and starts again', async () => {
    await hostWithImage();
    const pot = await prepared('hash_stop');
    // persistent: the fake jail's command ends at once, and the pot keeps running
    expect((await host.pot('set-attribute', '-p', pot, '-A', 'persistent', '-V', 'YES')).code).toBe(0);
    const before = hostState();
    for (const moment of MOMENTS) {
      const { started, stopped } = await race(pot, moment, ['stop', pot]);
      expect([moment.name, started.code]).toEqual([moment.name, 1]);
      expect([moment.name, stopped.code, stopped.stderr]).toEqual([moment.name, 0, '']);
      expect(hostState(), moment.name).toBe(before);
    }
    expect((await host.pot('start', pot)).code).toBe(0);
    expect(host.look('jls', '-j', pot, 'name')).toBe(`${pot}\n`);
    expect((await host.pot('destroy', '-p', pot, '-F')).code).toBe(0);
  });
});

/** From now on, the first call of `tool` whose arguments contain `match` SIGKILLs the pot process calling it. */
function killAt(tool: string, match: string): void {
  const dir = path.join(host.dir, 'kill-shim');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  writeFileSync(
    path.join(dir, tool),
    ['#!/bin/sh', `case "$*" in *${match}*) kill -KILL $PPID; exit 137;; esac`, `exec ${path.join(STUBS, 'bin', tool)} "$@"`, ''].join('\n'),
  );
  chmodSync(path.join(dir, tool), 0o755);
  host.env.PATH = `${dir}:${host.env.PATH}`;
}

describe('a start that died', () => {
  it('SIGKILLed after its mounts and epair: the pot counts as doa; destroy -F leaves the host as before the prepare', async () => {
    await hostWithImage();
    const before = hostState();
    const pot = await prepared('hash_dead');
    killAt('pfctl', 'pot-rdr/');
    const killed = await host.potProcess('start', pot);
    host.env.PATH = (host.env.PATH ?? '')
      .split(':')
      .filter((d) => !d.endsWith('kill-shim'))
      .join(':');
    expect(killed.code).not.toBe(0);
    expect(host.look('ifconfig', '-g', 'epair').trim()).not.toBe('');
    const destroyed = await host.pot('destroy', '-p', pot, '-F', '-v');
    expect(destroyed.stderr).toBe('');
    expect(destroyed.stdout).toContain(`the start of pot ${pot} is gone: the pot counts as doa`);
    expect(destroyed.code).toBe(0);
    expect(hostState()).toBe(before);
  });
});
