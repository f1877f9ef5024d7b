import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runStandIn } from '../src/emulator/index.ts';
import { createFakeHost, type FakeHost } from '../src/index.ts';

/** One stand-in call in process, answered as spawnSync answers with encoding utf8. */
function standIn(env: Record<string, string>, argv: string[], input?: string) {
  const r = runStandIn({ argv, env, ...(input === undefined ? {} : { input }) });
  return { status: r.exitCode, stdout: r.stdout.toString('utf8'), stderr: r.stderr };
}

let host: FakeHost;
afterEach(() => host?.cleanup());

const URL = 'https://ftp.freebsd.org/pub/FreeBSD/releases/amd64/amd64/13.2-RELEASE/base.txz';

function fetch(h: FakeHost, env: Record<string, string>, ...args: string[]) {
  return standIn({ ...h.env, ...env }, ['fetch', ...args]);
}

describe('the fake fetch', () => {
  it('without FAKEBSD_FETCH_DIR there is no network', () => {
    host = createFakeHost();
    const r = fetch(host, {}, '-o', path.join(host.dir, 'f'), URL);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`fetch: ${URL}: No address record\n`);
  });

  it('serves URLs from FAKEBSD_FETCH_DIR (host/path, path or basename), -s answers the size, missing files are Not Found', () => {
    host = createFakeHost();
    const dir = path.join(host.dir, 'mirror');
    const served = path.join(dir, 'ftp.freebsd.org', 'pub', 'FreeBSD', 'releases', 'amd64', 'amd64', '13.2-RELEASE');
    mkdirSync(served, { recursive: true });
    writeFileSync(path.join(served, 'base.txz'), 'tarball');
    writeFileSync(path.join(dir, 'other.txz'), 'other');
    const env = { FAKEBSD_FETCH_DIR: dir };
    const out = path.join(host.dir, 'out.txz');
    expect(fetch(host, env, '-q', '-o', out, URL).status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('tarball');
    expect(fetch(host, env, '-s', URL).stdout).toBe('7\n');
    expect(fetch(host, env, `-o${out}`, 'https://example.org/x/other.txz').status).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe('other');
    const missing = fetch(host, env, '-o', path.join(host.dir, 'none'), 'https://example.org/none.txz');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('fetch: https://example.org/none.txz: Not Found\n');
    expect(existsSync(path.join(host.dir, 'none'))).toBe(false);
    const cut = fetch(host, { ...env, FAKEBSD_FETCH_TRUNCATE: '3' }, '-o', out, URL);
    expect(cut.status).toBe(1);
    expect(cut.stderr).toBe(`fetch: ${out} appears to be truncated: 3/7 bytes\n`);
    expect(readFileSync(out, 'utf8')).toBe('tar');
    const log = readFileSync(path.join(host.stateDir, 'calls.log'), 'utf8');
    expect(log).toContain(`E fetch -q -o ${out} ${URL}\n`);
    expect(log).toContain(`Q fetch -s ${URL}\n`);
    expect(log).toContain('E fetch -o @@ https://example.org/none.txz  #rc=1\n'.replace('@@', path.join(host.dir, 'none')));
  });
});
