/**
 * The host the --dry-run tests walk every command that changes the host on: pots (a bridged
 * one with a snapshot and an fs component, two inherit ones, one of them running), bases, a
 * release mirror, files to copy and a hook; and that walk's commands (`@FILES@`: the host's
 * files directory, see withFiles).
 */
import { appendFileSync, chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createFakeHost, fakePot, type FakeHost } from './fake-host.js';
import { buildBaseTxz, manifest, mirror, sha256 } from './release-fixture.js';

function potWithFscomps(host: FakeHost, name: string, network: string, ip = '10.192.0.3'): void {
  fakePot(host, name, network, ip);
  mkdirSync(path.join(host.fsRoot, 'jails', name, 'm'), { recursive: true });
  writeFileSync(path.join(host.fsRoot, 'jails', name, 'conf', 'fscomp.conf'), `${host.fsRoot}/bases/13.1 ${host.fsRoot}/jails/${name}/m ro\n`);
}

/** A host with pots, bases, a bridge, a running pot and files to copy. */
export function hostWithPots(): FakeHost {
  const host = createFakeHost();
  host.setup('host_pot_root; host_base 13.1; host_sysctl kern.racct.enable=1');
  const txz = buildBaseTxz(host, '13.2');
  manifest(host, '13.2-RELEASE', sha256(txz));
  mirror(host, '13.2-RELEASE', txz);
  potWithFscomps(host, 'web', 'public-bridge');
  potWithFscomps(host, 'db', 'inherit');
  potWithFscomps(host, 'job', 'inherit');
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
  return host;
}

/** Every command of pot that changes the host, with arguments that would make it act. */
export const MUTATING: ReadonlyArray<readonly string[]> = [
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

/** ARGV with `@FILES@` as the host's files directory. */
export function withFiles(host: FakeHost, argv: readonly string[]): string[] {
  return argv.map((a) => a.replace('@FILES@', path.join(host.dir, 'files')));
}
