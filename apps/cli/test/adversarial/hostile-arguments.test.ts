/**
 * The hostile-argument table (hostile-table.ts) against one fake host with a
 * pot `web`, in-process; the summary line prints the figures.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from '../fake-host.js';
import { potInProcess } from './in-process.js';
import { markedPaths, runHostileTable } from './hostile-table.js';

let host: FakeHost;
beforeAll(async () => {
  host = createFakeHost();
  host.setup('host_pot_root; host_base 13.1');
  expect((await potInProcess(host, ['create', '-p', 'web', '-b', '13.1'])).code).toBe(0);
}, 600_000);
afterAll(() => host?.cleanup());

describe('hostile arguments', () => {
  it('are refused with an error line or taken as data, and never reach the host', async () => {
    const { figures, failures } = await runHostileTable(host);
    const marked = markedPaths(host.dir);
    console.log(
      `hostile arguments: ${figures.tried} tried, ${figures.refused} refused, ${figures.accepted} accepted, ${figures.reachedHost} reached a host command (${figures.lookedUp} only a lookup query), ${figures.newKeys} added a pot.conf key, ${marked.length} paths made`,
    );
    expect(failures).toEqual([]);
    expect(marked).toEqual([]);
    expect(figures.tried).toBeGreaterThanOrEqual(150);
    expect(figures.reachedHost).toBe(0);
  }, 600_000);
});
