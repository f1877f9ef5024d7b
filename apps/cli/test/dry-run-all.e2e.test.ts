/**
 * --dry-run on every command that changes the host: each one, run on a host
 * with pots, bases, a bridge and a running pot, exits 0, makes no call that
 * changes the host (no class E line in the fake host's calls.jsonl), leaves
 * every file as it was and never claims to have done something.
 */
import { appendFileSync, chmodSync, existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeHost, fakePot, type FakeHost } from './fake-host.js';
import { buildBaseTxz, manifest, mirror, sha256 } from './release-fixture.js';

let host: FakeHost;

/** Every file and directory below `dir` with its content (or size and mode), for a before/after comparison. */
function tree(dir: string, out = new Map<string, string>()): Map<string, string> {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st === undefined) continue;
    if (st.isDirectory()) {
      out.set(p, `dir ${st.mode}`);
      tree(p, out);
    } else out.set(p, `${st.mode} ${st.size < 65536 ? readFileSync(p, 'utf8') : st.size}`);
  }
  return out;
}

const hostFiles = (): Map<string, string> => {
  const all = new Map<string, string>();
  for (const d of [host.hostRoot, path.join(host.dir, 'rt'), host.etcDir]) tree(d, all);
  return all;
};

const effects = (): string[] => {
  const log = path.join(host.state, 'calls.jsonl');
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { class: string; argv: string[] })
    .filter((c) => c.class === 'E')
    .map((c) => c.argv.join(' '));
};

function potWithFscomps(name: string, network: string, ip = '10.192.0.3'): void {
  fakePot(host, name, network, ip);
  mkdirSync(path.join(host.fsRoot, 'jails', name, 'm'), { recursive: true });
  writeFileSync(path.join(host.fsRoot, 'jails', name, 'conf', 'fscomp.conf'), `${host.fsRoot}/bases/13.1 ${host.fsRoot}/jails/${name}/m ro\n`);
}

beforeAll(() => {
  host = createFakeHost();
  host.setup('host_pot_root; host_base 13.1; host_sysctl kern.racct.enable=1');
  const txz = buildBaseTxz(host, '13.2');
  manifest(host, '13.2-RELEASE', sha256(txz));
  mirror(host, '13.2-RELEASE', txz);
  potWithFscomps('web', 'public-bridge');
  potWithFscomps('db', 'inherit');
  potWithFscomps('job', 'inherit');
  host.look('zfs', 'snapshot', 'zroot/pot/jails/web@1700000000');
  host.look('zfs', 'create', 'zroot/pot/fscomp/data');
  host.look('zfs', 'snapshot', 'zroot/pot/fscomp/data@1700000000');
  appendFileSync(path.join(host.fsRoot, 'jails', 'web', 'conf', 'fscomp.conf'), `zroot/pot/fscomp/data ${host.fsRoot}/jails/web/m/opt/data\n`);
  mkdirSync(path.join(host.fsRoot, 'fscomp', 'data'), { recursive: true });
  host.look('jail', '-c', 'name=job', 'path=/', 'persist');
  const files = path.join(host.dir, 'files');
  mkdirSync(path.join(files, 'dir'), { recursive: true });
  writeFileSync(path.join(files, 'hello.txt'), 'hello\n');
  writeFileSync(path.join(files, 'hook.sh'), '#!/bin/sh\necho hook\n');
  chmodSync(path.join(files, 'hook.sh'), 0o755);
});
afterAll(() => host?.cleanup());

const F = (): string => path.join(host.dir, 'files');

/** Every command of pot that changes the host, with arguments that would make it act. */
const MUTATING: ReadonlyArray<readonly string[]> = [
  ['init'],
  ['de-init', '-f'],
  ['vnet-start'],
  ['create-base', '-r', '13.2'],
  ['create-fscomp', '-f', 'more'],
  ['clone-fscomp', '-F', 'data', '-f', 'copy'],
  ['create-private-bridge', '-B', 'oven', '-S', '4'],
  ['create', '-p', 'new', '-b', '13.1'],
  ['clone', '-p', 'web2', '-P', 'web'],
  ['rename', '-p', 'web', '-n', 'www'],
  ['snapshot', '-p', 'web'],
  ['revert', '-p', 'web'],
  ['purge-snapshots', '-p', 'web', '-a'],
  ['set-attribute', '-p', 'web', '-A', 'persistent', '-V', 'NO'],
  ['set-cmd', '-p', 'web', '-c', 'nginx'],
  ['set-env', '-p', 'web', '-E', 'A=1'],
  ['set-hosts', '-p', 'web', '-H', 'db:10.1.1.1'],
  ['set-rss', '-p', 'web', '-M', '64M'],
  ['add-dep', '-p', 'web', '-P', 'db'],
  ['export-ports', '-p', 'web', '-e', '80'],
  ['set-hook', '-p', 'web', '-s', '@FILES@/hook.sh'],
  ['mount-in', '-p', 'web', '-d', '@FILES@/dir', '-m', '/mnt'],
  ['mount-out', '-p', 'web', '-m', '/opt/data'],
  ['copy-in', '-p', 'web', '-s', '@FILES@/hello.txt', '-d', '/root/hello.txt'],
  ['copy-out', '-p', 'web', '-s', '/etc/hosts', '-d', '@FILES@/dir'],
  ['update-config', '-p', 'web'],
  ['start', 'web'],
  ['stop', 'job'],
  ['signal', '-s', 'HUP', '-p', 'job', '-m', 'nginx'],
  ['destroy', '-p', 'db'],
  ['destroy', '-F', '-f', 'data'],
  ['destroy', '-F', '-b', '13.1', '-r'],
  ['prune'],
];

describe('--dry-run on every command that changes the host', () => {
  it.each(MUTATING.map((argv) => [argv.join(' '), argv] as const))('pot %s --dry-run', async (_, argv) => {
    const before = hostFiles();
    const r = await host.pot(argv[0] as string, '--dry-run', ...argv.slice(1).map((a) => a.replace('@FILES@', F())));
    expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
    expect(effects()).toEqual([]);
    expect(hostFiles()).toEqual(before);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\b(has|have) been\b|^===> {2}(Prepared|Pruned|Created|Destroyed|Removed)\b/im);
  });

  it('the walk covers the commands that accept --dry-run', async () => {
    // images need a single pot and an image server: images.e2e.test.ts runs their --dry-run
    const covered = new Set([...MUTATING.map((a) => a[0]), 'export', 'import', 'prepare']);
    const { COMMANDS } = await import('../src/main.js');
    const accepting = [...COMMANDS.values()].filter((c) => c.help.includes('--dry-run')).map((c) => c.name);
    expect(accepting.filter((n) => !covered.has(n))).toEqual([]);
  });
});
