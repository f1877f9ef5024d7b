/**
 * What --dry-run prints, command by command, on hosts in the states that make
 * each command's plan interesting (a network that is down, a running pot, an
 * image server, a release mirror), compared with the plans kept in
 * dry-run-plans/: a plan that changes is a change of pot's output.
 * UPDATE_DRY_RUN_PLANS=1 writes them anew.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { hostWithPots, MUTATING, withFiles } from './dry-run-host.js';
import { IMAGE_URL } from './image-fixture.js';
import { createFakeHost, type FakeHost, fakePot } from './fake-host.js';
import { buildBaseTxz, manifest, mirror, offerRelease, sha256 } from './release-fixture.js';

const PLANS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'dry-run-plans');
/** The checkout and the Node running the tests (doctor names them): the same plans in any clone. */
const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

let host: FakeHost;
afterEach(() => host?.cleanup());

const plans: string[] = [];

/** The plans printed since the last call equal those kept as `name`. */
function expectPlans(name: string): void {
  const file = path.join(PLANS, `${name}.txt`);
  const printed = `${plans.splice(0).join('\n')}`;
  if (process.env.UPDATE_DRY_RUN_PLANS === '1') {
    mkdirSync(PLANS, { recursive: true });
    writeFileSync(file, printed);
  }
  expect(printed).toBe(existsSync(file) ? readFileSync(file, 'utf8') : `(no ${file})`);
}

/** Runs pot and keeps what it printed, with times and the run's directories made stable. */
async function plan(...args: string[]): Promise<void> {
  const r = await host.pot(...args);
  const stable = (text: string): string =>
    host
      .normalise(text)
      .replaceAll(process.execPath, '@NODE@')
      .replaceAll(REPO, '@REPO@')
      .replace(/\b1[6-9]\d{8}\b/g, '@EPOCH@')
      .replace(/\b(copy-(?:in|out))\.[A-Za-z0-9]{8}\b/g, '$1.@RANDOM@');
  plans.push(`$ pot ${stable(args.join(' '))}  #exit ${r.code}\n${stable(r.stdout)}${r.stderr === '' ? '' : `--- stderr\n${stable(r.stderr)}`}`);
}

function bridgedHost(): void {
  host = createFakeHost();
  host.setup('host_pot_root; host_base 13.1; host_sysctl kern.racct.enable=1');
}

describe('--dry-run plans', () => {
  it('every command that changes the host, on a host with pots, bases, a bridge and a running pot', async () => {
    host = hostWithPots();
    for (const argv of MUTATING) {
      const [command, ...args] = withFiles(host, argv);
      await plan(command as string, '--dry-run', '-v', '-v', ...args);
    }
    expectPlans('all');
  });
  it('create, start, stop, run of bridged and alias pots', async () => {
    bridgedHost();
    await plan('create', '--dry-run', '-p', 'web', '-b', '13.1', '-N', 'public-bridge');
    expect((await host.pot('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge')).code).toBe(0);
    expect((await host.pot('export-ports', '-p', 'web', '-e', '80')).code).toBe(0);
    expect((await host.pot('set-attribute', '-p', 'web', '-A', 'prunable', '-V', 'YES')).code).toBe(0);
    expect((await host.pot('set-rss', '-p', 'web', '-M', '64M')).code).toBe(0);
    await plan('start', '--dry-run', '-v', '-v', 'web');
    await plan('start', '--dry-run', '-s', 'web');
    await plan('snapshot', '--dry-run', '-p', 'web');
    expect((await host.pot('start', 'web')).code).toBe(0);
    await plan('stop', '--dry-run', '-v', '-v', 'web');
    await plan('start', '--dry-run', 'web');
    expect((await host.pot('stop', 'web')).code).toBe(0);
    await plan('destroy', '--dry-run', '-p', 'web');
    await plan('rename', '--dry-run', '-v', '-v', '-p', 'web', '-n', 'www');
    await plan('clone', '--dry-run', '-p', 'web2', '-P', 'web');
    expect((await host.pot('create', '-p', 'al', '-b', '13.1', '-N', 'alias', '-i', '10.1.2.3')).code).toBe(0);
    await plan('start', '--dry-run', 'al');
    expect((await host.pot('create', '-p', 'six', '-b', '13.1', '-N', 'public-bridge', '-S', 'dual')).code).toBe(0);
    await plan('start', '--dry-run', 'six');
    expect((await host.pot('create-private-bridge', '-B', 'oven', '-S', '4')).code).toBe(0);
    expect((await host.pot('create', '-p', 'priv', '-b', '13.1', '-N', 'private-bridge', '-B', 'oven')).code).toBe(0);
    await plan('start', '--dry-run', 'priv');
    writeFileSync(path.join(host.tmp, 'pot_status_priv'), 'pot.status=doa,\n');
    await plan('start', '--dry-run', 'priv');
    writeFileSync(path.join(host.tmp, 'pot_status_priv'), 'pot.status=starting,\n');
    await plan('start', '--dry-run', 'priv');
    await plan('prune', '--dry-run');
    await plan('prune', '-n');
    expectPlans('bridged');
  });

  it('fscomps, mounts, a running pot without status', async () => {
    bridgedHost();
    fakePot(host, 'web', 'inherit');
    mkdirSync(path.join(host.fsRoot, 'jails', 'web', 'm'), { recursive: true });
    host.look('zfs', 'create', 'zroot/pot/fscomp/data');
    host.look('zfs', 'snapshot', 'zroot/pot/fscomp/data@1700000000');
    mkdirSync(path.join(host.fsRoot, 'fscomp', 'data'), { recursive: true });
    writeFileSync(
      path.join(host.fsRoot, 'jails', 'web', 'conf', 'fscomp.conf'),
      `${host.fsRoot}/bases/13.1 ${host.fsRoot}/jails/web/m ro\nzroot/pot/fscomp/data ${host.fsRoot}/jails/web/m/opt/data zfs-remount\n`,
    );
    await plan('start', '--dry-run', '-v', '-v', 'web');
    host.look('jail', '-c', 'name=web', 'path=/', 'persist');
    await plan('stop', '--dry-run', '-v', '-v', 'web');
    await plan('mount-out', '--dry-run', '-p', 'web', '-m', '/opt/data');
    expectPlans('fscomps');
  });

  it('init, vnet-start and create-base on a bare host', async () => {
    host = createFakeHost();
    host.setup('host_sysctl kern.racct.enable=1');
    await plan('init', '--dry-run', '-v', '-v');
    host.setup('host_pot_root');
    await plan('vnet-start', '--dry-run', '-v', '-v');
    const txz = buildBaseTxz(host, '13.2');
    manifest(host, '13.2-RELEASE', sha256(txz));
    mirror(host, '13.2-RELEASE', txz);
    await plan('create-base', '--dry-run', '-v', '-v', '-r', '13.2');
    expect((await host.pot('create-base', '-r', '13.2')).code).toBe(0);
    await plan('create-base', '--dry-run', '-v', '-v', '-r', '13.2', '-b', 'other');
    await plan('de-init', '--dry-run', '-f');
    expectPlans('bare');
  });

  it('export, import and prepare', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    offerRelease(host, '13.2');
    expect((await host.pot('create', '-t', 'single', '-p', 'web', '-b', '13.2', '-N', 'public-bridge')).code).toBe(0);
    const images = path.join(host.dir, 'images');
    mkdirSync(images);
    expect((await host.pot('snapshot', '-p', 'web')).code).toBe(0);
    await plan('export', '--dry-run', '-v', '-p', 'web', '-t', '1.0', '-D', images);
    expect(readdirSync(images)).toEqual([]);
    expect((await host.pot('export', '-p', 'web', '-t', '1.0', '-D', images)).code).toBe(0);
    host.env.FAKEBSD_FETCH_DIR = images;
    await plan('import', '--dry-run', '-v', '-U', IMAGE_URL, '-p', 'web', '-t', '1.0');
    const prepare = ['prepare', '--dry-run', '-v', '-U', IMAGE_URL, '-p', 'web', '-t', '1.0', '-a', 'alloc', '-n', 'task', '-N', 'public-bridge'];
    await plan(...prepare, '-s');
    expect((await host.pot('import', '-U', IMAGE_URL, '-p', 'web', '-t', '1.0')).code).toBe(0);
    await plan(...prepare);
    // nomad-pot-driver's command and ports, quoted in the set-up the plan lists
    await plan(...prepare, '-c', "nginx -g 'daemon off;'", '-e', '80:30080', '-e', 'udp:53', '-s');
    expectPlans('images');
  });
});
