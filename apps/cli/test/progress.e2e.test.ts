/**
 * Progress on the fake host (issue 12, friction point 7): every download and extraction that
 * lasts more than a second draws a bar on stderr when it is a terminal, and nothing otherwise.
 * The tools' durations are virtual (host.toolTime): no test waits.
 */
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';
import { offerRelease } from './release-fixture.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

/** The bars drawn on stderr: each bar's last state (what stays on the terminal), by label. */
function bars(stderr: string): string[] {
  return stderr
    .split('\n')
    .filter((line) => line.includes('\r'))
    .map((line) => (line.split('\r').at(-1) ?? '').trimEnd());
}

const full = (label: string): RegExp => new RegExp(`^${label.replace(/\./g, '\\.')} \\[#{30}\\] 100%  (\\d+(\\.\\d)? (B|KiB|MiB)) / \\1$`);

function release(): void {
  host = createFakeHost();
  host.setup('host_pot_root');
  offerRelease(host, '13.2');
}

describe('progress of downloads and extractions on a terminal', () => {
  it('create-base: the base.txz download and its extraction each draw a bar once they last more than a second', async () => {
    release();
    host.toolTime('fetch', 1500);
    host.toolTime('tar', 2000);
    const r = await host.potOnTerminal('create-base', '-r', '13.2');
    expect(r.code).toBe(0);
    const drawn = bars(r.stderr);
    expect(drawn).toHaveLength(2);
    expect(drawn[0]).toMatch(full('13.2-RELEASE_base.txz'));
    expect(drawn[1]).toMatch(full('extracting 13.2-RELEASE_base.txz'));
    // tar read the archive on stdin, as bsdtar does with its compression: the base is there
    expect(existsSync(path.join(host.fsRoot, 'bases', '13.2', 'bin', 'freebsd-version'))).toBe(true);
    expect(r.stderr.replace(/[^\n]*\r[^\n]*\n/g, '')).toBe('');
  });

  it('create -t single: the extraction of the cached base.txz draws a bar', async () => {
    release();
    host.toolTime('tar', 2000);
    const r = await host.potOnTerminal('create', '-t', 'single', '-p', 'web', '-b', '13.2');
    expect(r.code).toBe(0);
    // the first download of the release is short here: only the extraction lasts long enough
    expect(bars(r.stderr)).toEqual([expect.stringMatching(full('extracting 13.2-RELEASE_base.txz'))]);
    expect(existsSync(path.join(host.fsRoot, 'jails', 'web', 'm', 'bin', 'freebsd-version'))).toBe(true);
  });

  /** The single pot web exported as web_1.0 and served by the fake fetch; downloads and xzcat then take 1.5 s. */
  async function servedImage(): Promise<void> {
    release();
    expect((await host.pot('create', '-t', 'single', '-p', 'web', '-b', '13.2', '-N', 'public-bridge')).code).toBe(0);
    const images = path.join(host.dir, 'images');
    mkdirSync(images);
    expect((await host.pot('export', '-p', 'web', '-t', '1.0', '-D', images, '-A')).code).toBe(0);
    host.env.FAKEBSD_FETCH_DIR = images;
    host.toolTime('fetch', 1500);
    host.toolTime('xzcat', 1500);
  }
  // the digest, the image and its meta, then the image read into zfs receive
  const IMAGE_BARS = ['web_1.0.xz.skein', 'web_1.0.xz', 'web_1.0.xz.meta', 'receiving web_1.0.xz'];

  it('import: the image download and its decompression into zfs receive draw bars', async () => {
    await servedImage();
    const r = await host.potOnTerminal('import', '-p', 'web', '-t', '1.0', '-U', 'https://images.example.org/pots');
    expect(r.code).toBe(0);
    expect(bars(r.stderr)).toEqual(IMAGE_BARS.map((label) => expect.stringMatching(full(label))));
    expect(host.look('zfs', 'list', '-H', '-o', 'name', 'zroot/pot/jails/web_1_0')).toBe('zroot/pot/jails/web_1_0\n');
  });

  it('prepare: the same bars for the image it imports', async () => {
    await servedImage();
    const r = await host.potOnTerminal('prepare', '-U', 'https://images.example.org/pots', '-p', 'web', '-t', '1.0', '-a', 'alloc', '-n', 'task');
    expect(r.code).toBe(0);
    expect(bars(r.stderr)).toEqual(IMAGE_BARS.map((label) => expect.stringMatching(full(label))));
  });

  it('a step shorter than a second draws nothing', async () => {
    release();
    const r = await host.potOnTerminal('create-base', '-r', '13.2');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
  });

  it('nothing when stderr is not a terminal, however long the steps', async () => {
    release();
    host.toolTime('fetch', 1500);
    host.toolTime('tar', 2000);
    const r = await host.pot('create-base', '-r', '13.2');
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    // no progress was measured: the announced size is not even asked for
    expect(host.log()).toContain('E fetch -q -o @CACHE@/13.2-RELEASE_base.txz');
    expect(host.log()).not.toContain('fetch -s');
  });
});
