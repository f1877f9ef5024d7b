/**
 * The rc.d scripts pot and pot_early of a staged installation, run as rc(8)
 * runs them (faststart at boot, faststop at shutdown, rc(8)'s PATH, nothing
 * else in the environment) with a minimal rc.subr stand-in
 * (fixtures/rc.subr) against the fake host. The flavours dns and fbsd-update
 * are applied on the way (slim: install.e2e.test.ts).
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';
import { rcEnv, rcRoot, runClean, stageInstall } from './staged-install.js';

let host: FakeHost | undefined;
afterEach(() => {
  host?.cleanup();
  host = undefined;
});

const RC_SUBR = path.join(path.dirname(new URL(import.meta.url).pathname), 'fixtures', 'rc.subr');

describe('rc.d/pot and rc.d/pot_early', () => {
  it('start the start-at-boot pots at boot, dependencies first, and stop the running pots at shutdown, dependents first', async () => {
    host = createFakeHost();
    const root = path.join(host.dir, 'root');
    // installed where it runs (no DESTDIR), so the scripts' PREFIX paths are real
    const prefix = stageInstall({ prefix: path.join(root, 'usr', 'local') });
    rcRoot(root);
    writeFileSync(
      path.join(prefix, 'etc', 'pot', 'pot.conf'),
      ['POT_ZFS_ROOT=zroot/pot', `POT_FS_ROOT=${host.fsRoot}`, `POT_CACHE=${host.cache}`, `POT_TMP=${host.tmp}`, 'POT_EXTIF=em0', ''].join('\n'),
    );
    const env = rcEnv(root, host);
    // the pots are made and looked at by pot in this process, reading the installed configuration;
    // what rc(8) runs (the scripts, and the pot they start) is the installed pot as a process
    host.env.POT_ETC_DIR = path.join(prefix, 'etc', 'pot');
    const pot = async (...args: string[]) => {
      const r = await host!.pot(...args);
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 0, stderr: expect.any(String) });
      return r;
    };
    // the scripts as installed, with the stand-in in place of /etc/rc.subr
    const rc = (script: string) => {
      const text = readFileSync(path.join(prefix, 'etc', 'rc.d', script), 'utf8');
      expect(text).toContain('\n. /etc/rc.subr\n');
      const file = path.join(host!.dir, `rc.${script}`);
      writeFileSync(file, text.replace('\n. /etc/rc.subr\n', `\n. ${RC_SUBR}\n`));
      return (arg: string) => runClean(env, '/bin/sh', file, arg);
    };
    const potRc = rc('pot');
    const earlyRc = rc('pot_early');

    await pot('init');
    host.setup('host_base 13.1');
    // the DNS pot (its flavour marks it start-at-boot) and a pot that needs it (-d pot: pot.depend=dns),
    // named so that the list order alone would start it first
    const dns = await pot('create', '-p', 'dns', '-b', '13.1', '-N', 'alias', '-i', '10.192.0.2', '-f', 'dns');
    expect(dns.stdout).toContain('flavours     : dns');
    await pot('create', '-p', 'app', '-b', '13.1', '-N', 'public-bridge', '-d', 'pot', '-f', 'fbsd-update');
    await pot('set-attribute', '-p', 'app', '-A', 'start-at-boot', '-V', 'YES');
    await pot('create', '-p', 'idle', '-b', '13.1');
    expect((await pot('get-attribute', '-p', 'dns', '-A', 'start-at-boot', '-q')).stdout).toBe('YES\n');
    const effects = host.effects();
    expect(effects).toContain('E jexec dns /tmp/dns.sh dns\n');
    expect(effects).toContain('E jexec app /tmp/fbsd-update.sh app\n');

    // creating app ran its flavour in it, and starting app started dns, its dependency: a reboot stops both
    await pot('stop', 'dns');
    expect((await pot('ps', '-q')).stdout).toBe('');

    // not enabled: nothing at boot, and doctor says so
    expect(await potRc('faststart')).toEqual({ code: 0, stdout: '', stderr: '' });
    expect((await pot('ps', '-q')).stdout).toBe('');
    const doctor = async () => (await runClean(env, path.join(prefix, 'bin', 'pot'), 'doctor')).stdout;
    expect(await doctor()).toContain(
      'warning rc.d: app, dns marked start-at-boot, but pot_enable is not YES: they will not start at boot\n        fix: sysrc pot_enable=YES\n',
    );

    appendFileSync(path.join(host.hostRoot, 'etc', 'rc.conf'), 'pot_enable="YES"\n');
    expect(await doctor()).toContain('ok      rc.d: pot_enable=YES: app, dns start at boot\n');
    expect((await earlyRc('faststart')).stdout).toBe('');
    // the rc script's lines, in order (pot start's own output between them)
    const rcLines = (r: { stdout: string }) => r.stdout.split('\n').filter((l) => /^(Starting|Stopping) pot /.test(l));
    const boot = await potRc('faststart');
    expect(boot.code).toBe(0);
    expect(rcLines(boot)).toEqual(['Starting pot dns.', 'Starting pot app.']);
    expect((await pot('ps', '-q')).stdout.split('\n').sort()).toEqual(['', 'app', 'dns']);
    expect((await potRc('status')).stdout).toBe('pot dns is running.\npot app is running.\n');

    const shutdown = await potRc('faststop');
    expect(shutdown.code).toBe(0);
    expect(rcLines(shutdown)).toEqual(['Stopping pot app.', 'Stopping pot dns.']);
    expect((await earlyRc('faststop')).stdout).toBe('');
    expect((await pot('ps', '-q')).stdout).toBe('');
  }, 900_000); // a dozen pot commands over some hundred stand-in calls: minutes on a busy two-core machine
});
