/**
 * Many allocations of one image not imported yet, at once (a Nomad job of count ≥ 2 on a new
 * image): one import, every prepare succeeds with its own address, every start gets its own
 * host port. Shell pot's prepare ran under one lock; ours imports under the image's lock.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost, type PotRun } from './fake-host.js';
import { prepareArgs, serveImage } from './image-fixture.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);
const ipOf = (pot: string): string => /^ip=(.*)$/m.exec(readFileSync(path.join(host.fsRoot, 'jails', pot, 'conf', 'pot.conf'), 'utf8'))?.[1] ?? '';

/** A host with the image web_1.0 served (exported from the single pot `web`; the fake stream refers to it, so it stays). */
async function servedImage(): Promise<void> {
  host = createFakeHost();
  host.setup('host_pot_root');
  await serveImage(host);
}

/** prepare as nomad-pot-driver runs it for allocation `i`, exporting the task's port 80. */
const prepare = (i: number): string[] => prepareArgs(`hash_alloc${i}`);

/** The cache's files of the image (and of no download in progress); the release's base.txz aside. */
const cached = (): string[] =>
  readdirSync(host.cache)
    .filter((f) => f.includes('web_'))
    .sort();

function expectOneImage(allocations: number[]): void {
  const pots = host
    .look('zfs', 'list', '-H', '-o', 'name')
    .split('\n')
    .filter((l) => /^zroot\/pot\/jails\/[^/]+$/.test(l));
  expect(pots.sort()).toEqual(['zroot/pot/jails/web', 'zroot/pot/jails/web_1_0', ...allocations.map((i) => `zroot/pot/jails/task_hash_alloc${i}`)].sort());
  // the cache holds the image once, and none of the runs' own download files
  expect(cached()).toEqual(['web_1.0.xz', 'web_1.0.xz.meta', 'web_1.0.xz.skein']);
  expect(readdirSync(host.tmp).filter((f) => f.startsWith('pot-import-'))).toEqual([]);
}

function expectAllPrepared(runs: PotRun[], allocations: number[]): void {
  expect(runs.map((r) => [r.code, r.stderr])).toEqual(runs.map(() => [0, '']));
  expect(runs.filter((r) => r.stdout.includes('importing web @ 1.0 as web_1_0'))).toHaveLength(1);
  const ips = allocations.map((i) => ipOf(`task_hash_alloc${i}`));
  expect(new Set([...ips, ipOf('web'), ipOf('web_1_0')]).size).toBe(allocations.length + 2);
  expectOneImage(allocations);
}

describe('one new image, many allocations at once', () => {
  it('10 concurrent prepares (in process) import it once; distinct addresses; 10 concurrent starts get distinct host ports', async () => {
    await servedImage();
    const all = range(10);
    const runs = await Promise.all(all.map((i) => host.pot(...prepare(i))));
    expectAllPrepared(runs, all);
    // persistent here: the fake jail's command ends at once, and a running pot keeps its port
    for (const i of all) expect((await host.pot('set-attribute', '-p', `task_hash_alloc${i}`, '-A', 'persistent', '-V', 'YES')).code).toBe(0);
    const starts = await Promise.all(all.map((i) => host.pot('start', `task_hash_alloc${i}`)));
    expect(starts.map((r) => r.code)).toEqual(all.map(() => 0));
    const ports = all.map((i) => /port = (\d+) ->/.exec(host.look('pfctl', '-a', `pot-rdr/task_hash_alloc${i}`, '-s', 'nat', '-P'))?.[1]);
    expect(ports.every((p) => p !== undefined)).toBe(true);
    expect(new Set(ports).size).toBe(10);
  });

  it('3 concurrent prepares in 3 processes import it once, with distinct addresses', async () => {
    await servedImage();
    const all = range(3);
    const runs = await Promise.all(all.map((i) => host.potProcess(...prepare(i))));
    expectAllPrepared(runs, all);
  });

  it('an import that fails (the image is not served) removes only its own files; the next run imports', async () => {
    await servedImage();
    const served = host.env.FAKEBSD_FETCH_DIR as string;
    host.env.FAKEBSD_FETCH_DIR = path.join(host.dir, 'nothing-here');
    const failed = await Promise.all(range(3).map((i) => host.pot(...prepare(i))));
    expect(failed.map((r) => r.code)).toEqual([1, 1, 1]);
    expect(cached()).toEqual([]);
    host.env.FAKEBSD_FETCH_DIR = served;
    expectAllPrepared([await host.pot(...prepare(3))], [3]);
  });
});
