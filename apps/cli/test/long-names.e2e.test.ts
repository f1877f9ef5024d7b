/** Pot names as long as nomad-pot-driver makes them: created, started with exported ports (a derived pf anchor), stopped. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';
import { offerRelease } from './release-fixture.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

/** The driver's pot name for a 63-character task name: TASK_<8 hex>_<allocation uuid>. */
const NAME = `${'webserver-frontend-'.repeat(3)}abcdef_1a2b3c4d_0f8fad5b-d9cb-469f-a165-70867728950e`;
/** The anchor shell pot made for it: its last 55 characters. */
const LEGACY = `pot-rdr/${NAME.slice(-55)}`;

const anchors = (): string[] =>
  host
    .look('pfctl', '-a', 'pot-rdr', '-s', 'Anchors')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
const rules = (anchor: string): string => host.look('pfctl', '-a', anchor, '-s', 'nat');

describe('long pot names', () => {
  it('a 109-character name is created, its ports go to a derived anchor, stop flushes it and the one shell pot left; a longer one is refused, naming the limit', {
    timeout: 240_000,
  }, async () => {
    expect(NAME.slice(0, NAME.indexOf('_'))).toHaveLength(63);
    host = createFakeHost();
    host.setup('host_pot_root');
    offerRelease(host, '13.2');
    const tooLong = await host.pot('create', '-t', 'single', '-p', 'a'.repeat(217), '-b', '13.2');
    expect(tooLong.code).not.toBe(0);
    expect(tooLong.stderr).toContain(
      'it has 217 characters, more than 216 (the file name "pot-lock-<name>.lock.<pid>.<random>.new" must fit NAME_MAX, 255 characters)',
    );
    expect((await host.pot('create', '-t', 'single', '-p', NAME, '-b', '13.2', '-N', 'public-bridge')).code).toBe(0);
    expect((await host.pot('export-ports', '-p', NAME, '-e', '80:30080')).code).toBe(0);
    expect((await host.pot('ls', '-q')).stdout).toBe(`${NAME}\n`);
    // a shell pot once ran this pot and left its anchor
    const old = path.join(host.dir, 'old.rules');
    writeFileSync(old, 'rdr pass on em0 inet proto tcp from any to (em0) port 30099 -> 10.192.0.9 port 80\n');
    host.look('pfctl', '-a', LEGACY, '-f', old);

    const start = await host.pot('start', NAME);
    expect(start.code).toBe(0);
    const derived = anchors().find((a) => a !== LEGACY && a.startsWith('pot-rdr/'));
    expect(derived).toMatch(/^pot-rdr\/webserver-frontend-webserver-front\.[0-9a-f]{20}$/);
    expect(anchors()).toEqual([LEGACY, derived].sort());
    expect(rules(derived!)).toMatch(/port = 30080 -> 10\.192\.0\.\d+ port 80/);
    const show = await host.pot('show', '-p', NAME);
    expect(show.stdout).toContain('port 30080 -> ');
    expect(host.look('jls', '-j', NAME, 'name')).toBe(`${NAME}\n`);

    expect((await host.pot('stop', NAME)).code).toBe(0);
    expect(anchors()).toEqual([]);
    expect((await host.pot('destroy', '-p', NAME)).code).toBe(0);
    expect(host.look('zfs', 'list', '-H', '-o', 'name')).not.toContain(NAME);
  });
});
