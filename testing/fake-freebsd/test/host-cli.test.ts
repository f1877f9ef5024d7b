/** dist/host-cli.mjs, the fake host from a shell (scripts/demo.sh), as a process. */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { FAKE_FREEBSD_DIR } from '../src/index.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'host-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function hostCli(env: Record<string, string>, ...args: string[]) {
  const r = spawnSync(process.execPath, [path.join(FAKE_FREEBSD_DIR, 'dist', 'host-cli.mjs'), ...args], {
    env: { PATH: '/usr/bin:/bin', ...env },
    encoding: 'utf8',
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** The environment `boot` printed, as a shell's eval would set it. */
function exported(text: string): Record<string, string> {
  return Object.fromEntries(
    text
      .trimEnd()
      .split('\n')
      .map((line) => {
        const m = /^export ([A-Z_]+)='(.*)'$/.exec(line);
        if (!m) throw new Error(`not an export line: ${line}`);
        return [m[1] as string, (m[2] as string).replace(/'\\''/g, "'")];
      }),
  );
}

describe('host-cli', () => {
  it('boots a host whose stand-ins the printed environment puts first on PATH, and runs set-up words with pot settings', () => {
    const boot = hostCli({}, 'boot', dir);
    expect({ status: boot.status, stderr: boot.stderr }).toEqual({ status: 0, stderr: '' });
    const env = exported(boot.stdout);
    expect(env.PATH?.startsWith(`${path.join(FAKE_FREEBSD_DIR, 'bin')}:`)).toBe(true);
    expect(env.FAKEBSD_STATE).toBe(path.join(dir, 'state'));
    const zfs = spawnSync('zfs', ['list', '-H', '-o', 'name'], { env, encoding: 'utf8' });
    expect({ status: zfs.status, stdout: zfs.stdout }).toEqual({ status: 0, stdout: 'zroot\n' });
    const pot = { POT_FS_ROOT: path.join(dir, 'opt', 'pot'), POT_CACHE: path.join(dir, 'cache'), POT_TMP: path.join(dir, 'tmp') };
    expect(hostCli(pot, 'setup', dir, 'host_pot_root')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(hostCli(pot, 'setup', dir, 'host_base', '14.2')).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(existsSync(path.join(dir, 'opt', 'pot', 'bases', '14.2', '.osrelease'))).toBe(true);
    const listed = spawnSync('zfs', ['list', '-H', '-o', 'name', 'zroot/pot/bases/14.2'], { env, encoding: 'utf8' });
    expect(listed.stdout).toBe('zroot/pot/bases/14.2\n');
  });

  it('says what is wrong in one line: usage (exit 2), a word it does not know (exit 2), a set-up that fails (exit 1)', () => {
    expect(hostCli({}, 'boot', 'relative')).toEqual({
      status: 2,
      stdout: '',
      stderr: 'usage: host-cli boot DIR | host-cli setup DIR WORD... (DIR an absolute path)\n',
    });
    expect(hostCli({}, 'setup', dir, 'rm', '-rf', '/')).toEqual({ status: 2, stdout: '', stderr: 'host-cli: not a set-up line of host_* words: rm -rf /\n' });
    const fresh = mkdtempSync(path.join(dir, 'fresh-'));
    expect(hostCli({}, 'boot', fresh).status).toBe(0);
    expect(hostCli({}, 'setup', fresh, 'host_base', '14.2')).toEqual({
      status: 1,
      stdout: '',
      stderr: "host-cli: cannot create 'zroot/pot/bases/14.2': parent does not exist\n",
    });
  });
});
