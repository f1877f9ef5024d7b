/** pot set-hook (scripts copied in as the pot's hooks, run at start and stop) and pot top. */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

async function potWeb(): Promise<void> {
  host = createFakeHost();
  host.setup('host_pot_root; host_base 13.1');
  const r = await host.pot('create', '-p', 'web', '-b', '13.1');
  expect(r.code).toBe(0);
}

/** A script on the host; executable unless told otherwise. */
function script(name: string, body: string, executable = true): string {
  const dir = path.join(host.dir, 'scripts');
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, executable ? 0o755 : 0o644);
  return file;
}

const hookFile = (hook: string): string => path.join(host.fsRoot, 'jails', 'web', 'conf', `${hook}.sh`);

describe('pot set-hook', () => {
  it('copies the scripts in as the hooks, executable, and start and stop run them', async () => {
    await potWeb();
    const pre = script('pre.sh', 'echo "pre-start for $_POT_NAME"');
    const post = script('post.sh', 'echo "post-stop ran"');
    const r = await host.pot('set-hook', '-p', 'web', '-s', pre, '-T', post);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(readFileSync(hookFile('prestart'), 'utf8')).toBe(readFileSync(pre, 'utf8'));
    expect(statSync(hookFile('poststop')).mode & 0o111).not.toBe(0);
    expect(existsSync(hookFile('poststart'))).toBe(false);
    const start = await host.pot('start', 'web');
    expect(start.code).toBe(0);
    expect(start.stdout).toContain('Executing the pre-start script for the pot web');
    expect(start.stdout).toContain('pre-start for web');
    const stop = await host.pot('stop', 'web');
    expect(stop.code).toBe(0);
    expect(stop.stdout).toContain('post-stop ran');
  });

  it('refuses a script that is not executable (setting none of them), no hook at all, an unknown pot, no pot name', async () => {
    await potWeb();
    const good = script('good.sh', 'true');
    const bad = script('bad.sh', 'true', false);
    const r = await host.pot('set-hook', '-p', 'web', '-s', good, '-t', bad);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${bad} not a valid hook`);
    expect(existsSync(hookFile('prestart'))).toBe(false);
    const none = await host.pot('set-hook', '-p', 'web');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('No hooks provided - at least one hook has to be set');
    const unknown = await host.pot('set-hook', '-p', 'nope', '-s', good);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('pot nope not found');
    const nameless = await host.pot('set-hook', '-s', good);
    expect(nameless.code).toBe(1);
    expect(nameless.stderr).toContain('A pot name is mandatory');
  });
});

describe('pot top', () => {
  it("shows a running pot's processes, and refuses a stopped or unknown pot", async () => {
    await potWeb();
    const stopped = await host.pot('top', '-p', 'web');
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('pot web is not in execution');
    expect((await host.pot('start', 'web')).code).toBe(0);
    const r = await host.pot('top', '-p', 'web');
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toContain('PID USERNAME');
    expect(host.log()).toContain('top -J web');
    const unknown = await host.pot('top', '-p', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('pot nope not found');
    const nameless = await host.pot('top');
    expect(nameless.code).toBe(1);
    expect(nameless.stderr).toContain('A pot name is mandatory');
    expect((await host.pot('stop', 'web')).code).toBe(0);
  });
});
