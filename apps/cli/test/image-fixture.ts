/**
 * An image server for a test host: the image web_1.0, exported from the single pot `web` made
 * from the release 13.2 (the fake stream refers to that pot, so it stays), served to `fetch`.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import type { FakeHost } from './fake-host.js';
import { offerRelease } from './release-fixture.js';

/** Serves web_1.0 on H (set up with host_pot_root); answers the directory it is served from. */
export async function serveImage(h: FakeHost): Promise<string> {
  offerRelease(h, '13.2');
  expect((await h.pot('create', '-t', 'single', '-p', 'web', '-b', '13.2', '-N', 'public-bridge')).code).toBe(0);
  const images = path.join(h.dir, 'images');
  mkdirSync(images);
  expect((await h.pot('export', '-p', 'web', '-t', '1.0', '-D', images, '-A')).code).toBe(0);
  h.env.FAKEBSD_FETCH_DIR = images;
  return images;
}

/** Where tests say the image comes from (fetch serves it from FAKEBSD_FETCH_DIR). */
export const IMAGE_URL = 'https://images.example.org/pots';

/**
 * prepare as nomad-pot-driver runs it for web_1.0 and the allocation ALLOC: the task `name`
 * (default `task`), its command `cmd` as the driver quotes it, the port spec `port` it exports.
 */
export function prepareArgs(alloc: string, o: { name?: string; cmd?: string; port?: string } = {}): string[] {
  return [
    'prepare',
    '-U',
    IMAGE_URL,
    '-p',
    'web',
    '-t',
    '1.0',
    '-c',
    o.cmd ?? '"/usr/local/bin/web"',
    '-N',
    'public-bridge',
    '-i',
    'auto',
    '-e',
    o.port ?? '80',
    '-a',
    alloc,
    '-n',
    o.name ?? 'task',
    '-v',
  ];
}
