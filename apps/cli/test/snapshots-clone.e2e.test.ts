/**
 * The dataset commands against the fake FreeBSD host: snapshot/snap,
 * revert/rollback, purge-snapshots (pots and fs components), create-fscomp,
 * clone-fscomp, destroy -f, clone and rename — their refusals with shell
 * pot's messages, their host commands and what they leave behind.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';
import { offerRelease } from './release-fixture.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

const jail = (...p: string[]): string => path.join(host.fsRoot, 'jails', ...p);
const potConf = (pot: string): string => readFileSync(jail(pot, 'conf', 'pot.conf'), 'utf8');
const fscompConf = (pot: string): string => readFileSync(jail(pot, 'conf', 'fscomp.conf'), 'utf8');
const datasets = (): string[] =>
  host
    .look('zfs', 'list', '-H', '-o', 'name')
    .split('\n')
    .filter((l) => l !== '');
const snapshots = (ds: string): string[] =>
  host
    .look('zfs', 'list', '-H', '-d', '1', '-t', 'snapshot', '-o', 'name', ds)
    .split('\n')
    .filter((l) => l !== '')
    .map((s) => s.slice(s.indexOf('@') + 1));
const zfsValue = (prop: string, ds: string): string => host.look('zfs', 'get', '-Ho', 'value', prop, ds).trim();
/** The E lines of the last pot command. */
const lastEffects = (): string =>
  host
    .effects()
    .split(/^### .*$/m)
    .at(-1) ?? '';

async function ok(...args: string[]) {
  const r = await host.pot(...args);
  expect(r, `pot ${args.join(' ')}`).toMatchObject({ code: 0 });
  return r;
}

async function fails(message: string, ...args: string[]) {
  const r = await host.pot(...args);
  expect(r.code, `pot ${args.join(' ')}`).toBe(1);
  expect(r.stderr).toContain(`###>  ${message}`);
  return r;
}

function freshHost(extra: string[] = []): void {
  host = createFakeHost(extra);
  host.setup('host_pot_root; host_base 13.1');
}

describe('snapshot, revert, purge-snapshots of a pot', () => {
  it('snapshot takes a recursive epoch snapshot; revert brings the datasets back; -r replaces the oldest; purge keeps the newest', async () => {
    freshHost();
    await ok('create', '-p', 'web', '-b', '13.1');
    const motd = jail('web', 'custom', 'etc', 'motd');
    writeFileSync(motd, 'first\n');
    const before = Math.floor(Date.now() / 1000);
    await ok('snapshot', '-p', 'web');
    const [first] = snapshots('zroot/pot/jails/web');
    expect(Number(first)).toBeGreaterThanOrEqual(before);
    expect(lastEffects()).toContain(`E zfs snapshot -r zroot/pot/jails/web@${first}\n`);
    expect(snapshots('zroot/pot/jails/web/custom')).toEqual([first]);
    expect(snapshots('zroot/pot/jails/web/usr.local')).toEqual([first]);

    writeFileSync(motd, 'changed\n');
    await ok('rollback', '-p', 'web');
    expect(lastEffects()).toBe(
      [
        '',
        "E logger -p local2.info -t pot 'pot-revert -p web'",
        `E zfs rollback zroot/pot/jails/web/usr.local@${first}`,
        `E zfs rollback zroot/pot/jails/web/custom@${first}`,
        `E zfs rollback zroot/pot/jails/web@${first}`,
        '',
      ].join('\n'),
    );
    expect(readFileSync(motd, 'utf8')).toBe('first\n');

    // a second snapshot in the same second waits for the next one (shell pot failed)
    await ok('snap', '-p', 'web');
    await ok('snapshot', '-p', 'web');
    const three = snapshots('zroot/pot/jails/web');
    expect(three).toHaveLength(3);
    expect(new Set(three).size).toBe(3);
    await ok('snapshot', '-r', '-p', 'web');
    const replaced = snapshots('zroot/pot/jails/web');
    expect(replaced).toHaveLength(3);
    expect(replaced).not.toContain(three[0]);
    expect(replaced.slice(0, 2)).toEqual(three.slice(1));

    await ok('purge-snapshots', '-p', 'web');
    expect(snapshots('zroot/pot/jails/web')).toEqual([replaced[2]]);
    expect(snapshots('zroot/pot/jails/web/custom')).toEqual([replaced[2]]);
    await ok('purge-snapshots', '-a', '-p', 'web');
    expect(snapshots('zroot/pot/jails/web')).toEqual([]);
    expect(snapshots('zroot/pot/jails/web/usr.local')).toEqual([]);

    const none = await ok('revert', '-p', 'web');
    expect(none.stdout).toContain('===>  zroot/pot/jails/web/usr.local has not snapshot - no possible rollback\n');
    expect(none.stdout).toContain('===>  zroot/pot/jails/web has not snapshot - no possible rollback\n');
  });

  it('refuses without target, with both, an unknown pot, a running pot (purge-snapshots too), and without root', async () => {
    freshHost();
    await ok('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge');
    for (const cmd of ['snapshot', 'revert', 'purge-snapshots']) {
      const none = await fails('one of -p|-f has to be used', cmd);
      expect(none.stderr).toContain(`pot ${cmd} [-hv`);
      await fails('-p|-f are exclusive', cmd, '-p', 'web', '-f', 'data');
      await fails('pot nope not found', cmd, '-p', 'nope');
      await fails('fs component nope not found', cmd, '-f', 'nope');
    }
    await ok('start', 'web');
    await fails('The pot web is still running. Snapshot is possible only for stopped pots', 'snapshot', '-p', 'web');
    await fails('The pot web is still running. Revert is possible only for stopped pots', 'revert', '-p', 'web');
    await fails('The pot web is still running. Purge is possible only for stopped pots', 'purge-snapshots', '-p', 'web');
    await ok('stop', 'web');
    host.setup('host_knob uid 1001');
    for (const cmd of ['snapshot', 'revert', 'purge-snapshots']) await fails("This operation needs 'root' privileges", cmd, '-p', 'web');
    expect(snapshots('zroot/pot/jails/web')).toEqual([]);
  });

  it('--dry-run prints the host commands and changes nothing', async () => {
    freshHost();
    await ok('create', '-p', 'web', '-b', '13.1');
    const r = await ok('snapshot', '--dry-run', '-p', 'web');
    expect(r.stdout).toMatch(/zfs snapshot -r zroot\/pot\/jails\/web@\d+\n/);
    expect(snapshots('zroot/pot/jails/web')).toEqual([]);
  });
});

describe('fs components', () => {
  it('create-fscomp, snapshot -f, revert -f, purge-snapshots -f, clone-fscomp, destroy -f', async () => {
    freshHost();
    await ok('create-fscomp', '-f', 'data');
    expect(lastEffects()).toContain('E zfs create zroot/pot/fscomp/data\n');
    expect(zfsValue('mountpoint', 'zroot/pot/fscomp/data')).toBe(path.join(host.fsRoot, 'fscomp', 'data'));
    const again = await ok('create-fscomp', '-f', 'data');
    expect(again.stdout).toBe('===>  fs component zroot/pot/fscomp/data already exists\n');

    const file = path.join(host.fsRoot, 'fscomp', 'data', 'file');
    writeFileSync(file, 'one\n');
    await ok('snapshot', '-f', 'data');
    const [snap] = snapshots('zroot/pot/fscomp/data');
    expect(lastEffects()).toContain(`E zfs snapshot zroot/pot/fscomp/data@${snap}\n`);
    writeFileSync(file, 'two\n');
    await ok('revert', '-f', 'data');
    expect(readFileSync(file, 'utf8')).toBe('one\n');

    await fails('fscomp name is missing (option -f)', 'clone-fscomp', '-F', 'data');
    await fails('clonable fscomp name is missing (option -F)', 'clone-fscomp', '-f', 'copy');
    await fails('fs component nope not found', 'clone-fscomp', '-f', 'copy', '-F', 'nope');
    await fails('fscomp data already exists', 'clone-fscomp', '-f', 'data', '-F', 'data');
    await ok('create-fscomp', '-f', 'empty');
    await fails('zroot/pot/fscomp/empty has no snapshots - please take one', 'clone-fscomp', '-f', 'copy', '-F', 'empty');
    await ok('clone-fscomp', '-f', 'copy', '-F', 'data');
    expect(lastEffects()).toContain(`E zfs clone -o mountpoint=@FS@/fscomp/copy zroot/pot/fscomp/data@${snap} zroot/pot/fscomp/copy\n`);
    expect(readFileSync(path.join(host.fsRoot, 'fscomp', 'copy', 'file'), 'utf8')).toBe('one\n');
    expect(zfsValue('origin', 'zroot/pot/fscomp/copy')).toBe(`zroot/pot/fscomp/data@${snap}`);
    expect((await ok('list', '-f')).stdout).toContain('copy');

    // purge -f: all but the newest; -a all
    await ok('snapshot', '-f', 'empty');
    await ok('snapshot', '-f', 'empty');
    const two = snapshots('zroot/pot/fscomp/empty');
    await ok('purge-snapshots', '-f', 'empty');
    expect(snapshots('zroot/pot/fscomp/empty')).toEqual([two[1]]);
    await ok('purge-snapshots', '-a', '-f', 'empty');
    expect(snapshots('zroot/pot/fscomp/empty')).toEqual([]);

    await fails('fs component nope not found', 'destroy', '-f', 'nope');
    const d = await ok('destroy', '-f', 'copy');
    expect(d.stdout).toContain('===>  Destroying fscomp copy\n');
    expect(lastEffects()).toContain('E zfs destroy -f -r zroot/pot/fscomp/copy\n');
    expect(datasets()).not.toContain('zroot/pot/fscomp/copy');
    expect(existsSync(path.join(host.fsRoot, 'fscomp', 'copy'))).toBe(false);
  });

  it('refuses bad names, a missing -f, no root; destroy -f refuses an fscomp a pot mounts unless -F', async () => {
    freshHost();
    await fails('fs component name is missing', 'create-fscomp');
    await fails('"../x" is not a valid fscomp name', 'create-fscomp', '-f', '../x');
    await ok('create-fscomp', '-f', 'data');
    await ok('create', '-p', 'web', '-b', '13.1');
    writeFileSync(jail('web', 'conf', 'fscomp.conf'), `${fscompConf('web')}zroot/pot/fscomp/data /data\n`);
    await fails('fscomp data is used by the pot web', 'destroy', '-f', 'data');
    expect(datasets()).toContain('zroot/pot/fscomp/data');
    await ok('destroy', '-F', '-f', 'data');
    expect(datasets()).not.toContain('zroot/pot/fscomp/data');
    host.setup('host_knob uid 1001');
    await fails("This operation needs 'root' privileges", 'create-fscomp', '-f', 'other');
    expect(datasets()).not.toContain('zroot/pot/fscomp/other');
  });
});

describe('clone', () => {
  it("a public-bridge pot: new address, the template's datasets cloned, conf as the template's; the clone starts and stops", async () => {
    freshHost();
    await ok('vnet-start');
    await ok('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge');
    await ok('export-ports', '-p', 'web', '-e', '80');
    const hook = jail('web', 'conf', 'prestart.sh');
    writeFileSync(hook, '#!/bin/sh\necho hello\n');
    chmodSync(hook, 0o755);
    await ok('snapshot', '-p', 'web');
    const [snap] = snapshots('zroot/pot/jails/web');
    const template = potConf('web');

    await ok('clone', '-p', 'web2', '-P', 'web');
    expect(lastEffects()).toBe(
      [
        '',
        "E logger -p local2.info -t pot 'pot-clone -p web2 -P web'",
        'E zfs create zroot/pot/jails/web2',
        `E zfs clone -o mountpoint=@FS@/jails/web2/usr.local zroot/pot/jails/web/usr.local@${snap} zroot/pot/jails/web2/usr.local`,
        `E zfs clone -o mountpoint=@FS@/jails/web2/custom zroot/pot/jails/web/custom@${snap} zroot/pot/jails/web2/custom`,
        '',
      ].join('\n'),
    );
    const conf = potConf('web2');
    const kept = template.split('\n').filter((l) => l !== '' && !/^(host\.hostname|ip|vnet|network_type|pot\.stack|pot\.dns)=/.test(l));
    expect(conf).toBe(
      [
        ...kept,
        'host.hostname="web2.host.example.org"',
        'pot.stack=ipv4',
        'network_type=public-bridge',
        'vnet=true',
        'ip=10.192.0.4',
        'pot.dns=inherit',
        '',
      ].join('\n'),
    );
    expect(template).toContain('ip=10.192.0.3\n');
    expect(conf).toContain('pot.export.ports=80\n');
    expect(fscompConf('web2')).toBe(
      'zroot/pot/bases/13.1 / ro\nzroot/pot/jails/web2/usr.local /usr/local zfs-remount\nzroot/pot/jails/web2/custom /opt/custom zfs-remount\n',
    );
    expect(readFileSync(jail('web2', 'conf', 'prestart.sh'), 'utf8')).toBe('#!/bin/sh\necho hello\n');
    expect(statSync(jail('web2', 'conf', 'prestart.sh')).mode & 0o777).toBe(0o755);
    expect(zfsValue('origin', 'zroot/pot/jails/web2/custom')).toBe(`zroot/pot/jails/web/custom@${snap}`);
    expect(potConf('web')).toBe(template);

    await ok('start', 'web2');
    expect(readFileSync(jail('web2', 'm', 'etc', 'hosts'), 'utf8')).toContain('10.192.0.4 web2');
    expect((await ok('info', '-r', '-p', 'web2')).code).toBe(0);
    await ok('start', 'web');
    expect((await ok('show', '-q')).stdout).toBe('web\nweb2\n');
    await ok('stop', 'web2');
    await ok('stop', 'web');
    // the template cannot go while its clone needs its snapshot; -r takes the clone first
    await fails('web is used by other pots (web2)', 'destroy', '-p', 'web');
    await ok('destroy', '-p', 'web', '-r');
    expect(datasets().filter((d) => d.includes('web'))).toEqual([]);
  });

  it('refuses missing -p/-P, an unknown template, an existing pot, -s with -F, an unknown snapshot, level 0, no snapshot, no root; nothing is left', async () => {
    freshHost();
    await ok('create', '-p', 'web', '-b', '13.1');
    await ok('create', '-p', 'zero', '-b', '13.1', '-l', '0');
    await fails('pot name is missing (option -p)', 'clone', '-P', 'web');
    await fails('reference pot name is missing (option -P)', 'clone', '-p', 'web2');
    await fails("a.b is not a valid name for a pot ('.' is the only character not allowed)", 'clone', '-p', 'a.b', '-P', 'web');
    await fails('Network type bogus not recognized', 'clone', '-p', 'web2', '-P', 'web', '-N', 'bogus');
    await fails('reference pot nope not found', 'clone', '-p', 'web2', '-P', 'nope');
    await fails('pot zero already exists', 'clone', '-p', 'zero', '-P', 'web');
    await fails('zroot/pot/jails/web/usr.local has no snap - please take a snapshot of web', 'clone', '-p', 'web2', '-P', 'web');
    await ok('snapshot', '-p', 'web');
    await fails('-s and -F are incompatible - which snapshot should I use', 'clone', '-p', 'web2', '-P', 'web', '-s', '123', '-F');
    await fails("snapshot 123 not found in pot web ('pot info -s -p web' lists its snapshots)", 'clone', '-p', 'web2', '-P', 'web', '-s', '123');
    await fails('Level 0 pots cannot be cloned', 'clone', '-p', 'web2', '-P', 'zero');
    await fails('option -i is mandatory with network type is alias', 'clone', '-p', 'web2', '-P', 'web', '-N', 'alias');
    host.setup('host_knob uid 1001');
    await fails("This operation needs 'root' privileges", 'clone', '-p', 'web2', '-P', 'web');
    expect(existsSync(jail('web2'))).toBe(false);
    expect(datasets().filter((d) => d.includes('web2'))).toEqual([]);
  });

  it('-F snapshots the datasets that have none; -s clones an older snapshot; -N/-i change the network', async () => {
    freshHost();
    await ok('create', '-p', 'web', '-b', '13.1', '-N', 'alias', '-i', '192.168.1.50');
    const auto = await ok('clone', '-p', 'web2', '-P', 'web', '-F', '-i', '192.168.1.51');
    expect(auto.stdout).toMatch(/===> {2}zroot\/pot\/jails\/web\/usr\.local has no snap - taking a snapshot on the fly with tag \d+\n/);
    expect(snapshots('zroot/pot/jails/web/custom')).toHaveLength(1);
    expect(potConf('web2')).toContain('network_type=alias\nvnet=false\nip=192.168.1.51\n');

    writeFileSync(jail('web', 'custom', 'etc', 'motd'), 'old\n');
    await ok('snapshot', '-p', 'web');
    const older = snapshots('zroot/pot/jails/web')[0] as string;
    writeFileSync(jail('web', 'custom', 'etc', 'motd'), 'new\n');
    await ok('snapshot', '-p', 'web');
    await ok('clone', '-p', 'web3', '-P', 'web', '-s', older, '-N', 'inherit');
    expect(zfsValue('origin', 'zroot/pot/jails/web3/custom')).toBe(`zroot/pot/jails/web/custom@${older}`);
    expect(readFileSync(jail('web3', 'custom', 'etc', 'motd'), 'utf8')).toBe('old\n');
    const conf = potConf('web3');
    expect(conf).toContain('network_type=inherit\nvnet=false\npot.dns=inherit\n');
    expect(conf).not.toMatch(/^ip=/m);
  });

  it('parallel clones of a public-bridge pot never share an address', async () => {
    freshHost();
    await ok('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge');
    await ok('snapshot', '-p', 'web');
    const names = ['c1', 'c2', 'c3', 'c4'];
    const runs = await Promise.all(names.map((n) => host.potProcess('clone', '-p', n, '-P', 'web')));
    for (const r of runs) expect(r).toMatchObject({ code: 0 });
    const ips = names.map((n) => /^ip=(.*)$/m.exec(potConf(n))?.[1]);
    expect(new Set([...ips, '10.192.0.3']).size).toBe(5);
  });

  it("a private-bridge clone stays on the template's bridge unless -B says otherwise", async () => {
    freshHost();
    await ok('create-private-bridge', '-B', 'stove', '-S', '4');
    await ok('create', '-p', 'web', '-b', '13.1', '-N', 'private-bridge', '-B', 'stove');
    await ok('snapshot', '-p', 'web');
    await ok('clone', '-p', 'web2', '-P', 'web');
    expect(potConf('web2')).toMatch(/\nnetwork_type=private-bridge\nvnet=true\nip=10\.192\.0\.\d+\nbridge=stove\n/);
    expect(/^ip=(.*)$/m.exec(potConf('web2'))?.[1]).not.toBe(/^ip=(.*)$/m.exec(potConf('web'))?.[1]);
  });

  it("dns: -d custom:FILE wins over the template's resolv.conf; -d pot adds pot.depend, another mode removes it", async () => {
    freshHost();
    const files = path.join(host.dir, 'files');
    mkdirSync(files, { recursive: true });
    writeFileSync(path.join(files, 'a.conf'), 'nameserver 192.0.2.1\n');
    writeFileSync(path.join(files, 'b.conf'), 'nameserver 192.0.2.2\n');
    await ok('create', '-p', 'dns', '-b', '13.1', '-N', 'public-bridge');
    await ok('create', '-p', 'web', '-b', '13.1', '-d', `custom:${files}/a.conf`);
    await ok('snapshot', '-p', 'web');
    await ok('clone', '-p', 'same', '-P', 'web');
    expect(readFileSync(jail('same', 'conf', 'resolv.conf'), 'utf8')).toBe('nameserver 192.0.2.1\n');
    expect(potConf('same')).toContain('pot.dns=custom\n');
    await ok('clone', '-p', 'other', '-P', 'web', '-d', `custom:${files}/b.conf`);
    expect(readFileSync(jail('other', 'conf', 'resolv.conf'), 'utf8')).toBe('nameserver 192.0.2.2\n');
    await fails(`The file ${files}/nope.conf is not valid or readable`, 'clone', '-p', 'x', '-P', 'web', '-d', `custom:${files}/nope.conf`);

    await ok('clone', '-p', 'withdns', '-P', 'web', '-d', 'pot');
    expect(potConf('withdns')).toMatch(/\npot\.dns=pot\npot\.depend=dns\n$/);
    await ok('snapshot', '-p', 'withdns');
    await ok('clone', '-p', 'again', '-P', 'withdns');
    expect(potConf('again').match(/^pot\.depend=dns$/gm)).toHaveLength(1);
    await ok('clone', '-p', 'nodns', '-P', 'withdns', '-d', 'inherit');
    expect(potConf('nodns')).not.toContain('pot.depend=dns');
    expect(potConf('nodns')).toMatch(/\npot\.dns=inherit\n$/);
  });

  it('a failing flavour undoes the clone unless -k; --dry-run changes nothing', async () => {
    freshHost();
    const dir = path.join(host.etcDir, 'flavours');
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, 'good'), 'set-attribute -A no-rc-script -V YES\n');
    writeFileSync(path.join(dir, 'bad'), 'set-attribute -A no-rc-script -V maybe\n');
    await ok('create', '-p', 'web', '-b', '13.1');
    await ok('snapshot', '-p', 'web');
    await ok('clone', '-p', 'good', '-P', 'web', '-f', 'good');
    expect(potConf('good')).toContain('pot.attr.no-rc-script=YES\n');
    await fails('flavour nope not found', 'clone', '-p', 'web2', '-P', 'web', '-f', 'nope');
    await fails('create: flavour bad failed', 'clone', '-p', 'web2', '-P', 'web', '-f', 'bad');
    expect(existsSync(jail('web2'))).toBe(false);
    expect(datasets().filter((d) => d.includes('web2'))).toEqual([]);
    await fails('create: flavour bad failed', 'clone', '-p', 'web2', '-P', 'web', '-f', 'bad', '-k');
    expect((await ok('list', '-q')).stdout).toBe('good\nweb\nweb2\n');

    const before = datasets();
    const dry = await ok('clone', '--dry-run', '-p', 'web3', '-P', 'web');
    expect(dry.stdout).toContain('zfs clone -o mountpoint=');
    expect(datasets()).toEqual(before);
    expect(existsSync(jail('web3'))).toBe(false);
  });

  it("the template's snapshot a clone depends on stays: purge-snapshots destroys the others and fails, destroy -p is refused", async () => {
    freshHost();
    await ok('create', '-p', 'web', '-b', '13.1');
    await ok('snapshot', '-p', 'web');
    await ok('clone', '-p', 'web2', '-P', 'web');
    await ok('snapshot', '-p', 'web');
    await ok('snapshot', '-p', 'web');
    const [used, , newest] = snapshots('zroot/pot/jails/web');
    const r = await fails(`the snapshot zroot/pot/jails/web@${used} could not be destroyed`, 'purge-snapshots', '-p', 'web');
    expect(r.stderr).toContain('snapshot has dependent clones');
    expect(snapshots('zroot/pot/jails/web')).toEqual([used, newest]);
    const refused = await host.pot('destroy', '-p', 'web');
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('###>  web is used by other pots (web2)');
    expect(datasets()).toContain('zroot/pot/jails/web/custom');
    await ok('destroy', '-p', 'web2');
    await ok('purge-snapshots', '-p', 'web');
    expect(snapshots('zroot/pot/jails/web')).toEqual([newest]);
    await ok('destroy', '-p', 'web');
  });

  it('a single pot: its m dataset is cloned; the clone starts and stops', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    offerRelease(host, '13.2');
    await ok('create', '-t', 'single', '-p', 'one', '-b', '13.2', '-N', 'public-bridge');
    await ok('snapshot', '-p', 'one');
    const [snap] = snapshots('zroot/pot/jails/one/m');
    await ok('clone', '-p', 'two', '-P', 'one');
    expect(lastEffects()).toContain(`E zfs clone -o mountpoint=@FS@/jails/two/m zroot/pot/jails/one/m@${snap} zroot/pot/jails/two/m\n`);
    expect(existsSync(jail('two', 'm', 'bin', 'freebsd-version'))).toBe(true);
    expect(fscompConf('two')).toBe('');
    expect(potConf('two')).toContain('pot.type=single\n');
    await ok('start', 'two');
    expect(readFileSync(jail('two', 'm', 'etc', 'hosts'), 'utf8')).toContain('10.192.0.4 two');
    await ok('stop', 'two');
  });
});

describe('rename', () => {
  it('renames the datasets and every reference; the pot starts under its new name', async () => {
    freshHost();
    await ok('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge');
    await ok('snapshot', '-p', 'web');
    await ok('create', '-p', 'lvl2', '-b', '13.1', '-P', 'web', '-l', '2');
    await ok('create', '-p', 'app', '-b', '13.1');
    writeFileSync(jail('app', 'conf', 'pot.conf'), `${potConf('app')}pot.depend=web\npot.depend=webby\n`);
    await ok('start', 'web');
    await ok('stop', 'web');
    mkdirSync(path.join(host.hostRoot, 'usr/local/etc/syslog.d'), { recursive: true });
    writeFileSync(path.join(host.hostRoot, 'usr/local/etc/syslog.d/web.conf'), '+10.192.0.3\n*.*\t\t/var/log/pot/web.log\n');

    await ok('rename', '-p', 'web', '-n', 'www');
    const effects = lastEffects();
    expect(effects).toContain('E zfs set mountpoint=@FS@/jails/www/usr.local zroot/pot/jails/web/usr.local\n');
    expect(effects).toContain('E zfs set mountpoint=@FS@/jails/www/custom zroot/pot/jails/web/custom\n');
    expect(effects).toContain('E zfs umount -f zroot/pot/jails/web\n');
    expect(effects).toContain('E zfs rename zroot/pot/jails/web zroot/pot/jails/www\n');
    expect(effects).toContain('E service syslogd reload\n');
    expect(datasets().filter((d) => d.startsWith('zroot/pot/jails/w'))).toEqual([
      'zroot/pot/jails/www',
      'zroot/pot/jails/www/custom',
      'zroot/pot/jails/www/usr.local',
    ]);
    expect(zfsValue('mountpoint', 'zroot/pot/jails/www/custom')).toBe(jail('www', 'custom'));
    expect(existsSync(jail('web'))).toBe(false);
    expect(potConf('www')).toMatch(/\nhost\.hostname="www\.host\.example\.org"\n$/);
    expect(fscompConf('www')).toBe(
      'zroot/pot/bases/13.1 / ro\nzroot/pot/jails/www/usr.local /usr/local zfs-remount\nzroot/pot/jails/www/custom /opt/custom zfs-remount\n',
    );
    expect(potConf('lvl2')).toContain('pot.potbase=www\n');
    expect(fscompConf('lvl2')).toContain('zroot/pot/jails/www/usr.local /usr/local ro\n');
    expect(potConf('app')).toContain('pot.depend=www\npot.depend=webby\n');
    expect(readFileSync(path.join(host.tmp, 'pot_status_www'), 'utf8')).toBe('pot.status=stopped,\n');
    expect(existsSync(path.join(host.tmp, 'pot_status_web'))).toBe(false);
    expect(host.hostFile('/usr/local/etc/syslog.d/www.conf')).toBe('+10.192.0.3\n*.*\t\t/var/log/pot/www.log\n');
    expect(host.hostFile('/usr/local/etc/syslog.d/web.conf')).toBeUndefined();
    expect((await ok('list', '-q')).stdout).toBe('app\nlvl2\nwww\n');

    await ok('start', 'www');
    expect(readFileSync(jail('www', 'm', 'etc', 'hosts'), 'utf8')).toContain('10.192.0.3 www');
    await ok('start', 'lvl2');
    await ok('stop', 'lvl2');
    await ok('stop', 'www');
    await ok('destroy', '-r', '-p', 'www');
  });

  it('a clone and its renamed template both keep working; a single pot renames its m dataset', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    offerRelease(host, '13.2');
    await ok('create', '-t', 'single', '-p', 'one', '-b', '13.2');
    await ok('snapshot', '-p', 'one');
    await ok('clone', '-p', 'two', '-P', 'one');
    await ok('rename', '-p', 'one', '-n', 'first');
    expect(zfsValue('mountpoint', 'zroot/pot/jails/first/m')).toBe(jail('first', 'm'));
    expect(zfsValue('origin', 'zroot/pot/jails/two/m')).toMatch(/^zroot\/pot\/jails\/first\/m@\d+$/);
    await ok('start', 'first');
    await ok('stop', 'first');
    await ok('rename', '-p', 'two', '-n', 'second');
    await ok('start', 'second');
    await ok('stop', 'second');
  });

  it('refuses missing names, an unknown pot, an existing or invalid new name, a running pot, no root; --dry-run changes nothing', async () => {
    freshHost();
    await ok('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge');
    await ok('create', '-p', 'app', '-b', '13.1');
    await fails('pot name is missing (-p)', 'rename', '-n', 'www');
    await fails('new name is missing (-n)', 'rename', '-p', 'web');
    await fails('pot nope not found', 'rename', '-p', 'nope', '-n', 'www');
    await fails('pot app exists already', 'rename', '-p', 'web', '-n', 'app');
    await fails('"w.w" is not a valid pot name', 'rename', '-p', 'web', '-n', 'w.w');
    await fails('"../w" is not a valid pot name', 'rename', '-p', 'web', '-n', '../w');
    await ok('start', 'web');
    await fails('pot web is still running', 'rename', '-p', 'web', '-n', 'www');
    await ok('stop', 'web');
    const before = datasets();
    const conf = potConf('web');
    const dry = await ok('rename', '--dry-run', '-p', 'web', '-n', 'www');
    expect(dry.stdout).toContain('zfs rename zroot/pot/jails/web zroot/pot/jails/www');
    expect(datasets()).toEqual(before);
    expect(potConf('web')).toBe(conf);
    host.setup('host_knob uid 1001');
    await fails("This operation needs 'root' privileges", 'rename', '-p', 'web', '-n', 'www');
    expect(datasets()).toEqual(before);
  });
});
