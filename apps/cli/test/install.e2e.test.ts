/**
 * The install step from the outside: a DESTDIR staged by install/install.sh,
 * its pot and potnet run with nothing but rc(8)'s environment against the fake
 * host; the port's pkg-plist against the staged tree; the Node check; the npm
 * package.
 */
import { execFileSync } from 'node:child_process';
import {
  appendFileSync,
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';
import { CLI_DIR, filesBelow, plistFiles, rcEnv, rcRoot, REPO_DIR, runClean, stageInstall } from './staged-install.js';

let host: FakeHost | undefined;
const temps: string[] = [];
afterEach(() => {
  host?.cleanup();
  host = undefined;
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

function temp(): string {
  const t = mkdtempSync(path.join(tmpdir(), 'pot-install-'));
  temps.push(t);
  return t;
}

describe('the staged installation', () => {
  it('runs init, create with a flavour, start, stop and destroy with only the environment rc(8) gives', async () => {
    host = createFakeHost();
    const root = path.join(host.dir, 'root');
    const prefix = stageInstall({ destdir: root });
    rcRoot(root);
    // what the admin does after `pkg install`: pkg made pot.conf from the sample
    const conf = path.join(prefix, 'etc', 'pot', 'pot.conf');
    copyFileSync(path.join(prefix, 'etc', 'pot', 'pot.conf.sample'), conf);
    appendFileSync(
      conf,
      ['POT_ZFS_ROOT=zroot/pot', `POT_FS_ROOT=${host.fsRoot}`, `POT_CACHE=${host.cache}`, `POT_TMP=${host.tmp}`, 'POT_EXTIF=em0', ''].join('\n'),
    );
    const env = rcEnv(root, host);
    const pot = (...args: string[]) => runClean(env, path.join(prefix, 'bin', 'pot'), ...args);
    const ok = async (...args: string[]) => {
      const r = await pot(...args);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 0, stderr: expect.any(String) });
      return r;
    };

    await ok('init');
    // doctor sees the installation as installed: both files, potnet on PATH reading them
    const doctor = (await pot('doctor')).stdout;
    expect(doctor).toContain(`ok      config-files: ${prefix}/etc/pot/pot.default.conf read\n`);
    expect(doctor).toContain(`ok      config-files: ${prefix}/etc/pot/pot.conf read\n`);
    expect(doctor).toContain(`ok      potnet: potnet found: ${prefix}/bin/potnet\n`);
    expect(doctor).toContain(`ok      potnet-config: potnet sees the same network as pot (${prefix}/etc/pot)\n`);
    expect(doctor).toContain('ok      init: pot init done (zroot/pot)\n');
    host.setup('host_base 13.1');
    expect((await ok('ls', '-F')).stdout).toBe('flavour: dns\nflavour: fbsd-update\nflavour: slim\n');
    const created = await ok('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge', '-f', 'slim');
    expect(created.stdout).toContain('flavours     : slim');
    expect(host.effects()).toContain('E jexec web /tmp/slim.sh web\n');
    // the staged potnet finds the staged configuration through the staged pot on PATH
    const shown = await runClean(env, path.join(prefix, 'bin', 'potnet'), 'show');
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('10.192.0.3');
    await ok('start', 'web');
    expect((await ok('ps', '-q')).stdout).toBe('web\n');
    await ok('stop', 'web');
    await ok('destroy', '-p', 'web');
    expect((await ok('ls', '-q')).stdout).toBe('');
  }, 600_000); // some hundred stand-in calls: minutes when two cores are shared by many helpers

  it("holds exactly the files of the port's pkg-plist, single-file ASCII bundles without source maps, and fixes the Node", () => {
    const destdir = temp();
    const prefix = stageInstall({ destdir, node: '/opt/node24/bin/node' });
    const plist = plistFiles(readFileSync(path.join(REPO_DIR, 'freebsd-port', 'pkg-plist'), 'utf8'));
    expect(filesBelow(prefix)).toEqual(plist);
    expect(filesBelow(destdir).every((f) => f.startsWith('usr/local/'))).toBe(true);
    for (const bundle of ['pot.mjs', 'pot-cli.mjs', 'potnet.cjs']) {
      const code = readFileSync(path.join(prefix, 'libexec', 'pot', bundle), 'utf8');
      expect(code).not.toContain('sourceMappingURL');
      // all ASCII: Node then holds the source as a one-byte string (build.mjs asciiOnly)
      expect(code.match(/[^\x00-\x7f]/g) ?? [], bundle).toEqual([]);
    }
    const entry = readFileSync(path.join(prefix, 'bin', 'pot'), 'utf8');
    expect(entry).toMatch(/^#!\/bin\/sh\n/);
    expect(entry).toContain('\nnode=/opt/node24/bin/node\n');
    expect(entry).toContain('\nmain="$dir/../libexec/pot/pot.mjs"\n');
    expect(entry).not.toContain('POT_NODE');
    expect(entry).toContain(`\ncache=\${POT_COMPILE_CACHE-${destdir}/var/cache/pot-ts}\n`);
    expect(readFileSync(path.join(prefix, 'bin', 'potnet'), 'utf8')).toContain('\nnode=/opt/node24/bin/node\n');
    expect(readFileSync(path.join(prefix, 'etc', 'rc.d', 'pot'), 'utf8')).toContain('. /usr/local/libexec/pot/pot-rc.sh\n');
  });

  it('pot.conf.sample has every POT_ variable of the installation guide and of pot.default.conf, commented out', () => {
    const prefix = stageInstall({ destdir: temp() });
    const sample = readFileSync(path.join(prefix, 'etc', 'pot', 'pot.conf.sample'), 'utf8');
    const guide = readFileSync(path.join(CLI_DIR, 'test', 'fixtures', 'pot-installation-guide.txt'), 'utf8');
    const defaults = readFileSync(path.join(prefix, 'etc', 'pot', 'pot.default.conf'), 'utf8');
    const variables = new Set([...`${guide}\n${defaults}`.matchAll(/\bPOT_[A-Z0-9_]*[A-Z0-9](?:_vlan\d+)?\b/g)].map((m) => m[0]));
    expect(variables.size).toBeGreaterThan(20);
    for (const v of variables) expect(sample, v).toMatch(new RegExp(`^# ${v}=`, 'm'));
    expect(sample).not.toMatch(/^POT_/m);
  });
});

describe("Node's compile cache", () => {
  // one staged installation for these cases; each case but the first names its own directory
  let prefix = '';
  let installed = '';
  beforeAll(() => {
    const destdir = mkdtempSync(path.join(tmpdir(), 'pot-install-'));
    prefix = stageInstall({ destdir });
    installed = path.join(destdir, 'var', 'cache', 'pot-ts');
    mkdirSync(path.dirname(installed), { recursive: true });
    return () => rmSync(destdir, { recursive: true, force: true });
  });
  const version = (...env: string[]) =>
    runClean(['PATH=/usr/bin:/bin', 'HOME=/', 'POT_COMPILE_CACHE_DEBUG=1', ...env], path.join(prefix, 'bin', 'pot'), 'version');
  const quietVersion = { code: 0, stdout: expect.stringMatching(/^pot version: /), stderr: '' };
  const listing = (dir: string) => (existsSync(dir) ? filesBelow(dir) : []);

  it('is made where the install step said on the first run (mode 0700), and used by the next', async () => {
    rmSync(installed, { recursive: true, force: true });
    expect(await version()).toEqual(quietVersion);
    expect(statSync(installed).mode & 0o777).toBe(0o700);
    const cached = listing(installed);
    expect(cached).toHaveLength(1); // the CLI bundle's compiled code, in a directory per Node version
    const mtime = statSync(path.join(installed, cached[0] as string)).mtimeMs;
    expect(await version()).toEqual(quietVersion);
    expect(listing(installed)).toEqual(cached);
    expect(statSync(path.join(installed, cached[0] as string)).mtimeMs).toBe(mtime);
  });

  it.each([
    [
      'group or others may write it',
      (dir: string) => {
        mkdirSync(dir);
        chmodSync(dir, 0o777);
      },
      'mode 777, group or others have access',
    ],
    ['it is a symbolic link', (dir: string) => symlinkSync(mkdtempSync(`${dir}-target`), dir), 'a symbolic link'],
    ['it is a file', (dir: string) => writeFileSync(dir, ''), 'not a directory'],
    ['its parent is missing', (dir: string) => rmSync(path.dirname(dir), { recursive: true }), 'cannot create it (ENOENT)'],
    ['it is not an absolute path', () => undefined, 'not an absolute path'],
  ])('is left off, and pot works as before, when %s', async (what, make, why) => {
    const cache = what.includes('absolute') ? 'var/cache/pot-ts' : path.join(temp(), 'cache');
    make(cache);
    const r = await version(`POT_COMPILE_CACHE=${cache}`);
    expect(r).toEqual({ ...quietVersion, stderr: `pot: compile cache ${cache} not used: ${why}\n` });
    if (statSync(cache, { throwIfNoEntry: false })?.isDirectory()) expect(filesBelow(cache)).toEqual([]);
  });

  it('is off with POT_COMPILE_CACHE empty', async () => {
    const before = listing(installed);
    expect(await version('POT_COMPILE_CACHE=')).toEqual(quietVersion);
    expect(listing(installed)).toEqual(before);
  });

  it('is on before the bundle loads, and POT_COMPILE_CACHE is not passed on to the commands pot runs', async () => {
    const dir = temp();
    copyFileSync(path.join(CLI_DIR, 'dist', 'pot.mjs'), path.join(dir, 'pot.mjs'));
    // a bundle that shows what it finds
    const probe = "import m from 'node:module'; console.log(JSON.stringify([m.getCompileCacheDir(), process.env.POT_COMPILE_CACHE ?? null]));";
    writeFileSync(path.join(dir, 'pot-cli.mjs'), probe);
    const cache = path.join(dir, 'cache');
    const r = await runClean(['PATH=/usr/bin:/bin', `POT_COMPILE_CACHE=${cache}`], process.execPath, path.join(dir, 'pot.mjs'));
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(JSON.parse(r.stdout)).toEqual([expect.stringMatching(new RegExp(`^${cache}/v`)), null]);
  });
});

describe('an installation without pot.default.conf', () => {
  it('is an error naming the file and the fix, not a silent fallback to built-in defaults', async () => {
    const prefix = stageInstall({ destdir: temp() });
    rmSync(path.join(prefix, 'etc', 'pot', 'pot.default.conf'));
    const r = await runClean(['PATH=/usr/bin:/bin', 'HOME=/'], path.join(prefix, 'bin', 'pot'), 'config', '-g', 'fs_root');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`${prefix}/etc/pot/pot.default.conf not found (it comes with pot: reinstall pot, e.g. pkg install -f pot-ts)`);
  });
});

describe('the Node check', () => {
  const oldNode = '/usr/bin/node';
  const oldVersion = existsSync(oldNode) ? execFileSync(oldNode, ['--version'], { encoding: 'utf8' }).trim() : '';
  const tooOld = /^v(1\d|2[01])\.|^v22\.(\d|1[01])\./.test(oldVersion);

  it('without the Node fixed at install time, the staged pot and potnet say what to install in one line, exit 1', async () => {
    const prefix = stageInstall({ destdir: temp(), node: '/nonexistent/bin/node' });
    for (const program of ['pot', 'potnet']) {
      const r = await runClean(['PATH=/usr/bin:/bin', 'HOME=/'], path.join(prefix, 'bin', program), 'version');
      expect(r).toEqual({
        code: 1,
        stdout: '',
        stderr: `${program}: /nonexistent/bin/node not found: ${program} needs Node.js 22.12 or newer (FreeBSD: pkg install node24)\n`,
      });
    }
  });

  it.skipIf(!tooOld)("with an old Node (the system Node 20), the staged pot and the checkout's pot print one line naming what to install, exit 1", async () => {
    const prefix = stageInstall({ destdir: temp(), node: oldNode });
    const line = `pot: Node.js 22.12 or newer is needed, ${oldNode} is ${oldVersion} (FreeBSD: pkg install node24)\n`;
    expect(await runClean(['PATH=/usr/bin:/bin', 'HOME=/'], path.join(prefix, 'bin', 'pot'), 'ls')).toEqual({ code: 1, stdout: '', stderr: line });
    // a checkout's bin/pot runs the node first on PATH
    const dir = temp();
    execFileSync('ln', ['-s', oldNode, path.join(dir, 'node')]);
    const fromCheckout = await runClean([`PATH=${dir}:/usr/bin:/bin`, 'HOME=/'], path.join(CLI_DIR, 'bin', 'pot'), 'ls');
    expect(fromCheckout).toEqual({ code: 1, stdout: '', stderr: line });
  });
});

describe('the npm package', () => {
  it('is self-contained: npm i -g of the packed tarball (offline, no dependencies) puts pot and potnet on PATH', () => {
    const dir = temp();
    execFileSync('npm', ['pack', '--pack-destination', dir, '--silent'], { cwd: CLI_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
    const version = (JSON.parse(readFileSync(path.join(CLI_DIR, 'package.json'), 'utf8')) as { version: string }).version;
    const tarball = path.join(dir, `pot-cli-${version}.tgz`);
    const listing = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' })
      .split('\n')
      .filter((l) => l !== '');
    expect(listing.filter((f) => /\.(ts|map)$|\/src\/|node_modules/.test(f))).toEqual([]);
    expect(listing).toEqual(
      expect.arrayContaining([
        'package/bin/pot',
        'package/bin/potnet',
        'package/dist/pot.mjs',
        'package/dist/pot-cli.mjs',
        'package/dist/potnet.cjs',
        'package/install/install.sh',
      ]),
    );
    const npmPrefix = path.join(dir, 'prefix');
    execFileSync('npm', ['i', '-g', '--prefix', npmPrefix, '--offline', '--no-audit', '--no-fund', '--loglevel=error', tarball], {
      cwd: dir,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // TMPDIR: Node's default compile cache would go there, shared with every user: none may
    const tmp = path.join(dir, 'tmp');
    mkdirSync(tmp);
    const env = { PATH: `${path.join(npmPrefix, 'bin')}:${path.dirname(process.execPath)}:/usr/bin:/bin`, HOME: dir, TMPDIR: tmp };
    expect(execFileSync('pot', ['version'], { env, encoding: 'utf8' })).toBe(`pot version: ${version}\n`);
    expect(execFileSync('potnet', ['-V'], { env, encoding: 'utf8' })).toBe('0.5.0\n');
    expect(readdirSync(tmp)).toEqual([]);
  });
});
