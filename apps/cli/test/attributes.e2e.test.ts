import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, fakePot, type FakeHost } from './fake-host.js';
import { compareScenario, expectFiles } from './golden-compare.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

/** A complete pot (pot.conf, dataset, m/) as the pot.conf commands require; answers its pot.conf path. */
function pot(h: FakeHost, name: string, type: 'multi' | 'single' = 'multi'): string {
  const conf = fakePot(h, name, 'public-bridge');
  mkdirSync(path.join(h.fsRoot, 'jails', name, 'm'), { recursive: true });
  writeFileSync(path.join(h.fsRoot, 'jails', name, 'conf', 'fscomp.conf'), '');
  if (type === 'single') writeFileSync(conf, readFileSync(conf, 'utf8').replace('pot.type=multi', 'pot.type=single'));
  return conf;
}

function fresh(): FakeHost {
  host = createFakeHost();
  host.setup('host_pot_root');
  return host;
}

const lastLine = (file: string): string => readFileSync(file, 'utf8').trimEnd().split('\n').at(-1) as string;

describe('golden scenarios using set-attribute, set-cmd and last-run-stats', () => {
  it('start-stop-inherit-norc', async () => {
    host = createFakeHost();
    await compareScenario(host, 'start-stop-inherit-norc');
    expectFiles(host, 'start-stop-inherit-norc', '@FS@/');
  });

  it('start-nonpersistent-exit', async () => {
    host = createFakeHost();
    await compareScenario(host, 'start-nonpersistent-exit');
    expectFiles(host, 'start-nonpersistent-exit', '@FS@/');
  });
});

describe('pot set-attribute', () => {
  it('replaces the attribute line, written last, with booleans normalised to YES/NO', async () => {
    const conf = pot(fresh(), 'web');
    const r = await host.pot('set-attribute', '-p', 'web', '-A', 'persistent', '-V', 'no');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(host.effects()).toBe(
      "### [1] pot set-attribute -p web -A persistent -V no\nE logger -p local2.info -t pot 'pot-set-attribute -p web -A persistent -V no'\n",
    );
    expect(lastLine(conf)).toBe('pot.attr.persistent=NO');
    for (const [value, stored] of [
      ['On', 'YES'],
      ['FALSE', 'NO'],
      ['true', 'YES'],
      ['off', 'NO'],
      ['Yes', 'YES'],
    ]) {
      expect((await host.pot('set-attr', '-p', 'web', '-A', 'persistent', '-V', value as string)).code).toBe(0);
      expect(lastLine(conf)).toBe(`pot.attr.persistent=${stored}`);
    }
    expect(readFileSync(conf, 'utf8').match(/^pot\.attr\.persistent=/gm)).toHaveLength(1);
  });

  it('takes jail attributes: uint, sysvopt, string', async () => {
    const conf = pot(fresh(), 'web');
    expect((await host.pot('set-attribute', '-p', 'web', '-A', 'children', '-V', '5')).code).toBe(0);
    expect(lastLine(conf)).toBe('pot.attr.children=5');
    expect((await host.pot('set-attribute', '-p', 'web', '-A', 'sysvshm', '-V', 'inherit')).code).toBe(0);
    expect(lastLine(conf)).toBe('pot.attr.sysvshm=inherit');
    expect((await host.pot('set-attribute', '-p', 'web', '-A', 'exec_stop', '-V', '/bin/sh /etc/rc.shutdown')).code).toBe(0);
    expect(lastLine(conf)).toBe('pot.attr.exec_stop=/bin/sh /etc/rc.shutdown');
    expect((await host.pot('set-attribute', '-p', 'web', '-A', 'raw_sockets', '-V', 'on')).code).toBe(0);
    expect(lastLine(conf)).toBe('pot.attr.raw_sockets=YES');
  });

  it.each([
    [['-A', 'persistent', '-V', 'YES'], 'A pot name is mandatory'],
    [['-p', 'web', '-V', 'YES'], 'Option -A is mandatory'],
    [['-p', 'web', '-A', 'persistent'], 'Option -V is mandatory'],
    [['-p', 'web', '-A', 'persistent', '-V', ''], 'Option -V is mandatory'],
    [['-p', 'web', '-A', 'colour', '-V', 'YES'], 'colour is not a valid attribute'],
    [['-p', 'web', '-A', 'to-be-pruned', '-V', 'YES'], 'to-be-pruned is not a valid attribute'],
    [['-p', 'web', '-A', 'persistent', '-V', 'maybe'], 'maybe is not a valid value for attribute persistent'],
    [['-p', 'web', '-A', 'children', '-V', '-1'], '-1 is not a valid value for attribute children'],
    [['-p', 'web', '-A', 'stop_timeout', '-V', '10s'], '10s is not a valid value for attribute stop_timeout'],
    [['-p', 'web', '-A', 'sysvmsg', '-V', 'NEW'], 'NEW is not a valid value for attribute sysvmsg'],
    [['-p', 'web', '-X'], "unknown option '-X'"],
  ])('%j: %s, with the help, pot.conf unchanged', async (args, message) => {
    const conf = pot(fresh(), 'web');
    const before = readFileSync(conf, 'utf8');
    const r = await host.pot('set-attribute', ...args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`###>  ${message}`);
    expect(r.stderr).toContain('pot set-attribute [-hv]');
    expect(r.stderr).toContain('     + early-start-at-boot\n');
    expect(readFileSync(conf, 'utf8')).toBe(before);
  });

  it('refuses an unknown pot and a user other than root', async () => {
    const conf = pot(fresh(), 'web');
    const before = readFileSync(conf, 'utf8');
    const nope = await host.pot('set-attribute', '-p', 'nope', '-A', 'persistent', '-V', 'NO');
    expect(nope.code).toBe(1);
    expect(nope.stderr).toContain('###>  pot nope not found');
    host.setup('host_knob uid 1001');
    const user = await host.pot('set-attribute', '-p', 'web', '-A', 'persistent', '-V', 'NO');
    expect(user.code).toBe(1);
    expect(user.stderr).toContain("###>  This operation needs 'root' privileges");
    expect(readFileSync(conf, 'utf8')).toBe(before);
  });

  it('no-tmpfs: single pots only, and not while running', async () => {
    fresh();
    const multi = pot(host, 'web');
    const single = pot(host, 'one', 'single');
    const m = await host.pot('set-attribute', '-p', 'web', '-A', 'no-tmpfs', '-V', 'YES');
    expect(m.code).toBe(1);
    expect(m.stderr).toContain('###>  Attribute no-tmpfs is only usable with single type pot');
    expect(readFileSync(multi, 'utf8')).not.toContain('no-tmpfs');
    host.look('jail', '-c', 'name=one', 'path=/', 'persist');
    const running = await host.pot('set-attribute', '-p', 'one', '-A', 'no-tmpfs', '-V', 'YES');
    expect(running.code).toBe(1);
    expect(running.stderr).toContain('###>  pot one is still running');
    host.look('jail', '-r', 'one');
    expect((await host.pot('set-attribute', '-p', 'one', '-A', 'no-tmpfs', '-V', 'yes')).code).toBe(0);
    expect(lastLine(single)).toBe('pot.attr.no-tmpfs=YES');
  });

  it('--dry-run prints the new pot.conf and leaves it alone', async () => {
    const conf = pot(fresh(), 'web');
    const before = readFileSync(conf, 'utf8');
    const r = await host.pot('set-attribute', '--dry-run', '-p', 'web', '-A', 'start-at-boot', '-V', 'yes');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('#   pot.attr.start-at-boot=YES');
    expect(readFileSync(conf, 'utf8')).toBe(before);
  });
});

describe('pot get-attribute', () => {
  it('prints the value as an info line, or raw with -q; an unset attribute is told', async () => {
    const conf = pot(fresh(), 'web');
    writeFileSync(conf, `${readFileSync(conf, 'utf8')}pot.attr.persistent=NO\npot.attr.exec_stop=/bin/sh /etc/rc.shutdown\npot.attr.to-be-pruned=YES\n`);
    expect(await host.pot('get-attribute', '-p', 'web', '-A', 'persistent')).toMatchObject({ code: 0, stdout: '===>  persistent: NO\n', stderr: '' });
    expect(await host.pot('get-attr', '-q', '-p', 'web', '-A', 'persistent')).toMatchObject({ code: 0, stdout: 'NO\n', stderr: '' });
    expect(await host.pot('get-attr', '-qp', 'web', '-A', 'to-be-pruned')).toMatchObject({ code: 0, stdout: 'YES\n' });
    expect(await host.pot('get-attr', '-q', '-p', 'web', '-A', 'exec_stop')).toMatchObject({ code: 0, stdout: '/bin/sh /etc/rc.shutdown\n' });
    expect(await host.pot('get-attr', '-p', 'web', '-A', 'mlock')).toMatchObject({ code: 0, stdout: '===>  The attribute mlock is not set for the pot web\n' });
    expect(await host.pot('get-attr', '-q', '-p', 'web', '-A', 'mlock')).toMatchObject({ code: 0, stdout: '\n' });
  });

  it('reads what set-attribute wrote', async () => {
    pot(fresh(), 'web');
    expect((await host.pot('set-attr', '-p', 'web', '-A', 'devfs_ruleset', '-V', '6')).code).toBe(0);
    expect((await host.pot('get-attr', '-q', '-p', 'web', '-A', 'devfs_ruleset')).stdout).toBe('6\n');
  });

  it.each([
    [['-A', 'persistent'], 'A pot name is mandatory'],
    [['-p', 'web'], 'Option -A is mandatory'],
    [['-p', 'web', '-A', 'colour'], 'colour is not a valid attribute'],
    [['-q', '-p', 'web', '-A', 'colour'], 'colour is not a valid attribute'],
  ])('%j: %s, with the help', async (args, message) => {
    pot(fresh(), 'web');
    const r = await host.pot('get-attribute', ...args);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`###>  ${message}`);
    expect(r.stderr).toContain('pot get-attribute [-hvq]');
    expect(r.stderr).toContain('     + to-be-pruned\n');
  });

  it('an unknown pot: an error, silent with -q (exit code only)', async () => {
    fresh();
    const r = await host.pot('get-attribute', '-p', 'nope', '-A', 'persistent');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('###>  pot nope not found');
    expect(await host.pot('get-attribute', '-q', '-p', 'nope', '-A', 'persistent')).toMatchObject({ code: 1, stdout: '', stderr: '' });
  });
});

describe('pot set-cmd', () => {
  it.each([
    ['/usr/local/bin/app -f', '/usr/local/bin/app -f'],
    ['"nginx -g daemon off;"', 'nginx -g daemon off;'],
    ['"only leading', 'only leading'],
    ['trailing kept"', 'trailing kept"'],
    ['""x""', '"x"'],
  ])('-c %s writes pot.cmd=%s, last', async (cmd, stored) => {
    const conf = pot(fresh(), 'web');
    const r = await host.pot('set-cmd', '-p', 'web', '-c', cmd);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(lastLine(conf)).toBe(`pot.cmd=${stored}`);
    expect(readFileSync(conf, 'utf8').match(/^pot\.cmd=/gm)).toHaveLength(1);
  });

  it.each([
    [['-c', 'app'], 'A pot name is mandatory'],
    [['-p', 'web'], 'A command is mandatory'],
    [['-p', 'web', '-c', ''], 'A command is mandatory'],
  ])('%j: %s, with the help', async (args, message) => {
    const conf = pot(fresh(), 'web');
    const before = readFileSync(conf, 'utf8');
    const r = await host.pot('set-cmd', ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`###>  ${message}`);
    expect(r.stderr).toContain('pot set-cmd [-hv]');
    expect(readFileSync(conf, 'utf8')).toBe(before);
  });

  it('refuses an unknown pot and a command spanning lines', async () => {
    const conf = pot(fresh(), 'web');
    const before = readFileSync(conf, 'utf8');
    const nope = await host.pot('set-cmd', '-p', 'nope', '-c', 'app');
    expect(nope.code).toBe(1);
    expect(nope.stderr).toContain('###>  pot nope not found');
    const lines = await host.pot('set-cmd', '-p', 'web', '-c', 'app\nrm -rf /');
    expect(lines.code).toBe(1);
    expect(lines.stderr).toContain('cannot span several lines');
    expect(readFileSync(conf, 'utf8')).toBe(before);
  });
});

describe('pot set-env', () => {
  it('replaces every pot.env line with one quoted line per -E, in order, at the end', async () => {
    const conf = pot(fresh(), 'web');
    writeFileSync(conf, readFileSync(conf, 'utf8').replace('pot.cmd=', 'pot.env="OLD=1"\npot.cmd='));
    const r = await host.pot('set-env', '-p', 'web', '-E', 'A=1', '-E', 'MSG=say "hi"', '-E', 'B=x=y');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(host.effects()).toContain('E logger -p local2.info -t pot \'pot-set-env -p web -E A=1 -E MSG=say "hi" -E B=x=y\'');
    const text = readFileSync(conf, 'utf8');
    expect(text).not.toContain('OLD=1');
    expect(text.trimEnd().split('\n').slice(-3)).toEqual(['pot.env="A=1"', 'pot.env="MSG=say \\"hi\\""', 'pot.env="B=x=y"']);
    expect((await host.pot('set-env', '-p', 'web', '-E', 'C=')).code).toBe(0);
    expect(readFileSync(conf, 'utf8').match(/^pot\.env=.*$/gm)).toEqual(['pot.env="C="']);
  });

  it.each([
    [['-E', 'A=1'], 'A pot name is mandatory'],
    [['-p', 'web'], 'Option -E is mandatory'],
    [['-p', 'web', '-E', 'A=1', '-E', 'NOEQUALS'], 'NOEQUALS is not in a valid form'],
    // checked while parsing, before the pot name, as shell pot does
    [['-E', 'NOEQUALS'], 'NOEQUALS is not in a valid form'],
  ])('%j: %s, with the help', async (args, message) => {
    const conf = pot(fresh(), 'web');
    const before = readFileSync(conf, 'utf8');
    const r = await host.pot('set-env', ...args);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(`###>  ${message}`);
    expect(r.stderr).toContain('pot set-env [-hv]');
    expect(readFileSync(conf, 'utf8')).toBe(before);
  });

  it('refuses an unknown pot', async () => {
    fresh();
    const r = await host.pot('set-env', '-p', 'nope', '-E', 'A=1');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('###>  pot nope not found');
  });
});

describe('pot last-run-stats', () => {
  it('prints {} before the first run, then the file start wrote', async () => {
    pot(fresh(), 'web');
    expect(await host.pot('last-run-stats', '-p', 'web')).toMatchObject({ code: 0, stdout: '{}\n', stderr: '' });
    writeFileSync(path.join(host.fsRoot, 'jails', 'web', 'conf', '.last_run_stats'), '{ "ExitCode": 3 }\n');
    expect(await host.pot('last-run-stats', '-p', 'web')).toMatchObject({ code: 0, stdout: '{ "ExitCode": 3 }\n', stderr: '' });
    // read-only: not logged (shell pot logs it at debug level with -v only)
    expect(host.effects()).not.toContain('E logger');
    await host.pot('last-run-stats', '-v', '-p', 'web');
    expect(host.effects()).toContain("E logger -p local2.debug -t pot 'pot-last-run-stats -v -p web'");
  });

  it('needs -p and an existing pot', async () => {
    fresh();
    const none = await host.pot('last-run-stats');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('###>  A pot name is mandatory');
    expect(none.stderr).toContain('pot last-run-stats [-hv]');
    const nope = await host.pot('last-run-stats', '-p', 'nope');
    expect(nope.code).toBe(1);
    expect(nope.stderr).toContain('###>  pot nope not found');
  });
});
