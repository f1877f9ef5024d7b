/** `jail -c … command=` and `jexec`: the two programs the fake emulates inside a jail (src/emulator/inside.ts). */
import { existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
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

const sh = (h: FakeHost, command: string, ...args: string[]) => standIn(h.env, [command, ...args]);

/** A jail root below the fake host's directory, with a file, a directory and links that point outside it. */
function root(h: FakeHost): { root: string; outside: string } {
  const r = path.join(h.dir, 'jroot');
  const outside = path.join(h.dir, 'outside');
  mkdirSync(path.join(r, 'tmp', 'src', 'sub'), { recursive: true });
  mkdirSync(path.join(r, 'opt', 'data'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(r, 'tmp', 'src', 'a.txt'), 'a\n');
  writeFileSync(path.join(r, 'tmp', 'src', 'sub', 'b.txt'), 'b\n');
  symlinkSync('/opt/data', path.join(r, 'data')); // absolute: inside the jail's root
  symlinkSync(outside, path.join(r, 'escape'));
  symlinkSync('../../..', path.join(r, 'opt', 'up'));
  return { root: r, outside };
}

describe('programs inside a fake jail', () => {
  it('jail -c path=R command=/bin/cp -a copies inside R and leaves no jail', () => {
    host = createFakeHost();
    const { root: r } = root(host);
    const file = sh(host, 'jail', '-c', `path=${r}`, 'command=/bin/cp', '-a', '/tmp/src/a.txt', '/data/a.txt');
    expect(file.status).toBe(0);
    expect(readFileSync(path.join(r, 'opt', 'data', 'a.txt'), 'utf8')).toBe('a\n');
    // a directory: a new name becomes the copy, an existing directory receives it under its name
    expect(sh(host, 'jail', '-c', `path=${r}`, 'command=/bin/cp', '-a', '/tmp/src', '/data/copy').status).toBe(0);
    expect(readFileSync(path.join(r, 'opt', 'data', 'copy', 'sub', 'b.txt'), 'utf8')).toBe('b\n');
    expect(sh(host, 'jail', '-c', `path=${r}`, 'command=/bin/cp', '-a', '/tmp/src', '/data/copy').status).toBe(0);
    expect(readFileSync(path.join(r, 'opt', 'data', 'copy', 'src', 'a.txt'), 'utf8')).toBe('a\n');
    expect(host.calls().at(-1)?.argv).toEqual(['jail', '-c', `path=${r}`, 'command=/bin/cp', '-a', '/tmp/src', '/data/copy']);
    expect(sh(host, 'jls').stdout).not.toContain(r);
  });

  it('-va lists the copy; a missing source or directory fails as cp does', () => {
    host = createFakeHost();
    const { root: r } = root(host);
    const v = sh(host, 'jail', '-c', `path=${r}`, 'command=/bin/cp', '-va', '/tmp/src/a.txt', '/opt');
    expect(v.stdout).toBe('/tmp/src/a.txt -> /opt/a.txt\n');
    const missing = sh(host, 'jail', '-c', `path=${r}`, 'command=/bin/cp', '-a', '/tmp/nope', '/opt');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toBe('cp: /tmp/nope: No such file or directory\n');
    const nodir = sh(host, 'jail', '-c', `path=${r}`, 'command=/bin/cp', '-a', '/tmp/src/a.txt', '/no/where/a.txt');
    expect(nodir.status).toBe(1);
    expect(sh(host, 'jail', '-c', `path=${r}`, 'command=/bin/mkdir', '-p', '/no/where').status).toBe(0);
    expect(sh(host, 'jail', '-c', `path=${r}`, 'command=/bin/cp', '-a', '/tmp/src/a.txt', '/no/where/a.txt').status).toBe(0);
    expect(existsSync(path.join(r, 'no', 'where', 'a.txt'))).toBe(true);
  });

  it('links inside the jail never lead outside its root', () => {
    host = createFakeHost();
    const { root: r, outside } = root(host);
    expect(sh(host, 'jail', '-c', `path=${r}`, 'command=/bin/mkdir', '-p', '/escape/x').status).toBe(0);
    expect(sh(host, 'jail', '-c', `path=${r}`, 'command=/bin/cp', '-a', '/tmp/src/a.txt', '/opt/up/opt/up/a.txt').status).toBe(0);
    expect(readdirSync(outside)).toEqual([]);
    expect(existsSync(path.join(r, outside, 'x'))).toBe(true);
    expect(existsSync(path.join(r, 'a.txt'))).toBe(true);
  });

  it('jexec runs the same forms in a running jail (its path); jexec_rc still stands for a failure', () => {
    host = createFakeHost();
    const { root: r } = root(host);
    expect(sh(host, 'jail', '-c', 'name=web', `path=${r}`, 'persist').status).toBe(0);
    expect(sh(host, 'jexec', 'web', '/bin/mkdir', '-p', '/srv/www').status).toBe(0);
    expect(sh(host, 'jexec', 'web', '/bin/cp', '-a', '/tmp/src', '/srv/www').status).toBe(0);
    expect(readFileSync(path.join(r, 'srv', 'www', 'src', 'sub', 'b.txt'), 'utf8')).toBe('b\n');
    writeFileSync(path.join(host.stateDir, 'conf', 'jexec_rc'), '3\n');
    expect(sh(host, 'jexec', 'web', '/bin/cp', '-a', '/tmp/src/a.txt', '/srv/c.txt').status).toBe(3);
    expect(existsSync(path.join(r, 'srv', 'c.txt'))).toBe(false);
  });

  it('a named jail with command= runs it and goes; other programs are only recorded', () => {
    host = createFakeHost();
    const { root: r } = root(host);
    expect(sh(host, 'jail', '-c', 'name=once', `path=${r}`, 'command=/bin/cp', '-a', '/tmp/src/a.txt', '/b.txt').status).toBe(0);
    expect(existsSync(path.join(r, 'b.txt'))).toBe(true);
    expect(sh(host, 'jls', '-j', 'once').status).not.toBe(0);
    expect(sh(host, 'jail', '-c', `path=${r}`, 'command=/bin/sh', '-c', 'rm -rf /').status).toBe(0);
    expect(existsSync(path.join(r, 'tmp', 'src', 'a.txt'))).toBe(true);
    expect(sh(host, 'jail', '-c', `path=${path.join(r, 'nope')}`, 'command=/bin/cp', '-a', '/a', '/b').status).toBe(1);
  });
});
