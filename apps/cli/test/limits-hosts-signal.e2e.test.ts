/**
 * set-rss, get-rss, set-hosts, add-dep and signal: their checks and messages,
 * what they write to pot.conf, and what a running pot gets from them (limits,
 * /etc/hosts, dependencies started first, signals to its processes).
 */
import { appendFileSync, chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost, type PotRun } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

const confFile = (h: FakeHost, pot: string): string => path.join(h.fsRoot, 'jails', pot, 'conf', 'pot.conf');
const conf = (h: FakeHost, pot = 'web'): string => readFileSync(confFile(h, pot), 'utf8');
const lastLines = (h: FakeHost, n: number, pot = 'web'): string[] => conf(h, pot).trimEnd().split('\n').slice(-n);
const jid = (h: FakeHost, jail = 'web'): number => Number(readFileSync(path.join(h.state, 'jail', jail, 'jid'), 'utf8'));
/** Fake processes inside a running jail (their pseudo pids: jid * 1000 + line). */
const runInJail = (h: FakeHost, ...cmdlines: string[]): void =>
  appendFileSync(path.join(h.state, 'jail', 'web', 'procs'), cmdlines.map((c) => `${c}\n`).join(''));
const jailProcs = (h: FakeHost): string => readFileSync(path.join(h.state, 'jail', 'web', 'procs'), 'utf8');

/** The effects of the last pot command (its `### [N]` section). */
function lastEffects(h: FakeHost): string {
  const all = h.effects();
  return all.slice(all.lastIndexOf('### ['));
}

async function ok(h: FakeHost, ...args: string[]): Promise<PotRun> {
  const r = await h.pot(...args);
  expect(r, `pot ${args.join(' ')}`).toMatchObject({ code: 0 });
  return r;
}

/** An error: exit 1, the message on stderr (with the command's help when `help`), nothing else on stderr. */
async function fails(h: FakeHost, message: string, args: string[], options: { help?: boolean; stdout?: string } = {}): Promise<PotRun> {
  const r = await h.pot(...args);
  expect(r.code, `pot ${args.join(' ')}: ${r.stderr}`).toBe(1);
  expect(r.stderr.startsWith(`###>  ${message}\n`), `pot ${args.join(' ')}: ${r.stderr}`).toBe(true);
  if (options.help !== undefined) expect(r.stderr.includes(`pot ${args[0]} [-h`), `help of ${args[0]}`).toBe(options.help);
  if (options.stdout !== undefined) expect(r.stdout).toBe(options.stdout);
  return r;
}

function withPotcpu(h: FakeHost): void {
  const potcpu = path.join(h.dir, 'potcpu');
  writeFileSync(potcpu, '#!/bin/sh\necho 0,1\n');
  chmodSync(potcpu, 0o755);
  h.env.POTCPU_BIN = potcpu;
}

describe('set-rss', () => {
  it('writes pot.rss.cpus and pot.rss.memory (replacing them, last in pot.conf); start applies them', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1; host_sysctl kern.racct.enable=1');
    withPotcpu(host);
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    const set = await ok(host, 'set-rss', '-p', 'web', '-C', '2', '-M', '512M');
    expect(set.stdout).toBe('');
    expect(lastLines(host, 2)).toEqual(['pot.rss.cpus=2', 'pot.rss.memory=512M']);
    await ok(host, 'set-rss', '-p', 'web', '-C', '1');
    await ok(host, 'set-rss', '-p', 'web', '-M', '1g');
    expect(lastLines(host, 2)).toEqual(['pot.rss.cpus=1', 'pot.rss.memory=1g']);
    expect(conf(host).match(/^pot\.rss\./gm)).toHaveLength(2);
    expect(lastEffects(host)).toBe("### [4] pot set-rss -p web -M 1g\nE logger -p local2.info -t pot 'pot-set-rss -p web -M 1g'\n");

    await ok(host, 'start', 'web');
    const start = lastEffects(host);
    expect(start).toContain(`E cpuset -l 0,1 -j ${jid(host)}\n`);
    expect(start).toContain('E rctl -a jail:web:memoryuse:deny=1g\n');
  });

  it('a running pot gets the new limits at once', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1; host_sysctl kern.racct.enable=1');
    withPotcpu(host);
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    await ok(host, 'start', 'web');
    const r = await ok(host, 'set-rss', '-p', 'web', '-C', '2', '-M', '256M');
    expect(r.stdout).toBe('===>  The pot web is running: the new limits apply now\n');
    expect(lastEffects(host)).toBe(
      `### [3] pot set-rss -p web -C 2 -M 256M\nE logger -p local2.info -t pot 'pot-set-rss -p web -C 2 -M 256M'\nE cpuset -l 0,1 -j ${jid(host)}\nE rctl -a jail:web:memoryuse:deny=256M\n`,
    );
    expect(lastLines(host, 2)).toEqual(['pot.rss.cpus=2', 'pot.rss.memory=256M']);

    // without resource accounting the memory limit waits for the next start
    host.setup('host_sysctl kern.racct.enable=0');
    const later = await ok(host, 'set-rss', '-p', 'web', '-M', '128M');
    expect(later.stdout).toBe(
      '===>  The pot web is running: the new limits apply now\n===>  memory constraint cannot be applied now because rctl is not enabled - it is kept for the next start\n',
    );
    expect(lastEffects(host)).not.toContain('rctl');
    expect(lastLines(host, 1)).toEqual(['pot.rss.memory=128M']);

    // a host that refuses them now (no potcpu here) only delays them: a warning, exit 0
    delete host.env.POTCPU_BIN;
    const refused = await ok(host, 'set-rss', '-p', 'web', '-C', '3');
    expect(refused.stderr).toMatch(/^###>  potcpu get-cpu -n 3 failed/);
    expect(refused.stdout).toBe('===>  The pot web is running: the new limits apply now\n===>  The new limits of web apply at its next start\n');
    expect(lastLines(host, 1)).toEqual(['pot.rss.cpus=3']);
  });

  it('--dry-run shows the new pot.conf and the limits it would set, and changes nothing', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1; host_sysctl kern.racct.enable=1');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    await ok(host, 'start', 'web');
    const before = conf(host);
    const r = await ok(host, 'set-rss', '--dry-run', '-p', 'web', '-M', '64M');
    expect(r.stdout).toContain('#   pot.rss.memory=64M\n');
    expect(r.stdout).toContain('rctl -a jail:web:memoryuse:deny=64M\n');
    expect(conf(host)).toBe(before);
    expect(lastEffects(host)).toBe('### [3] pot set-rss --dry-run -p web -M 64M\n');
  });

  it("every error, with shell pot's messages and order; nothing written", async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    const before = conf(host);
    // -M is checked while parsing, before -p
    await fails(host, '12X is not a valid memory constraint', ['set-rss', '-M', '12X'], { help: true });
    await fails(host, '512MB is not a valid memory constraint', ['set-rss', '-p', 'web', '-M', '512MB'], { help: true });
    await fails(host, 'Memory constraint has to be greater than zero', ['set-rss', '-p', 'web', '-M', '0M'], { help: true });
    await fails(host, 'A pot name is mandatory', ['set-rss', '-C', '1'], { help: true });
    await fails(host, "pot nope not found ('pot ls' lists the pots)", ['set-rss', '-p', 'nope', '-C', '1']);
    await fails(host, "pot nope not found ('pot ls' lists the pots)", ['set-rss', '-p', 'nope']);
    await fails(host, 'One resource has to be specified (-C or -M)', ['set-rss', '-p', 'web'], { help: true });
    await fails(host, '0 is a not valid amount of CPUs!', ['set-rss', '-p', 'web', '-C', '0', '-M', '1G']);
    await fails(host, 'two is a not valid amount of CPUs!', ['set-rss', '-p', 'web', '-C', 'two']);
    host.env.FAKEBSD_UID = '1001';
    await fails(host, "This operation needs 'root' privileges", ['set-rss', '-p', 'web', '-C', 'two']);
    delete host.env.FAKEBSD_UID;
    expect(conf(host)).toBe(before);
    expect((await ok(host, 'set-rss', '-h')).stdout).toMatch(/^pot set-rss \[-hv\]/);
  });
});

describe('get-rss', () => {
  it("the report and nomad's JSON from rctl's raw counters", async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1; host_sysctl kern.racct.enable=1; host_sysctl hw.clockrate=2400');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    await ok(host, 'start', 'web');
    host.env.FAKEBSD_RCTL_USAGE = 'cputime=17 pcpu=3 swapuse=4096';
    const text = await ok(host, 'get-rss', '-p', 'web');
    expect(text.stdout).toBe(
      'Resource usage by the pot web\n\tcpu time (ticks spent) : 17\n\tcpu time (MHz)         : 72.000\n\tpcpu (%)               : 3\n\tvirtual memory         : 67108864\n\tphysical memory        : 12582912\n\tswap memory            : 4096\n',
    );
    const json = await ok(host, 'get-rss', '-p', 'web', '-J');
    expect(json.stdout).toBe(
      '{ "ResourceUsage": { "MemoryStats": { "RSS" : 12582912, "Swap" : 4096 }, "CpuStats": { "TotalTicks": 72.000, "Percent": 3 } } } \n',
    );
    expect(JSON.parse(json.stdout)).toEqual({ ResourceUsage: { MemoryStats: { RSS: 12582912, Swap: 4096 }, CpuStats: { TotalTicks: 72, Percent: 3 } } });

    // a share below 1 MHz is still a JSON number (bc printed .990)
    host.setup('host_sysctl hw.clockrate=33');
    expect(JSON.parse((await ok(host, 'get-rss', '-J', '-p', 'web')).stdout).ResourceUsage.CpuStats.TotalTicks).toBe(0.99);

    // a read-only command: rctl -u is a query, nothing logged unless verbose
    expect(lastEffects(host)).toBe('### [5] pot get-rss -J -p web\n');
    await ok(host, 'get-rss', '-v', '-p', 'web');
    expect(lastEffects(host)).toBe("### [6] pot get-rss -v -p web\nE logger -p local2.debug -t pot 'pot-get-rss -v -p web'\n");
  });

  it('every error', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    await fails(host, 'A pot name is mandatory', ['get-rss', '-J'], { help: true, stdout: '' });
    await fails(host, 'The pot web is not running', ['get-rss', '-p', 'web', '-J'], { stdout: '' });
    await fails(host, 'The pot nope is not running', ['get-rss', '-p', 'nope']);
    await ok(host, 'start', 'web');
    await fails(host, 'To get resource usage, rctl has to be enabled', ['get-rss', '-p', 'web', '-J'], { stdout: '' });
    host.env.FAKEBSD_UID = '1001';
    await fails(host, "This operation needs 'root' privileges", ['get-rss', '-p', 'web']);
  });
});

describe('set-hosts', () => {
  it('replaces the pot.hosts lines; start puts them last in /etc/hosts', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'db', '-b', '13.1', '-N', 'public-bridge');
    await ok(host, 'create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge');
    await ok(host, 'set-hosts', '-p', 'web', '-H', 'old:10.1.1.1');
    const r = await ok(host, 'set-hosts', '-p', 'web', '-H', 'cache:10.192.0.9', '-H', 'v6.example.org:fd00::5');
    expect(r.stdout).toBe('');
    expect(lastLines(host, 2)).toEqual(['pot.hosts=10.192.0.9 cache', 'pot.hosts=fd00::5 v6.example.org']);
    expect(conf(host)).not.toContain('old');
    expect(lastEffects(host)).toBe(
      "### [4] pot set-hosts -p web -H cache:10.192.0.9 -H v6.example.org:fd00::5\nE logger -p local2.info -t pot 'pot-set-hosts -p web -H cache:10.192.0.9 -H v6.example.org:fd00::5'\n",
    );

    await ok(host, 'start', 'web');
    expect(readFileSync(path.join(host.fsRoot, 'jails', 'web', 'm', 'etc', 'hosts'), 'utf8')).toBe(
      '::1 localhost web.host.example.org\n127.0.0.1 localhost web.host.example.org\n10.192.0.3 db\n10.192.0.4 web\n10.192.0.9 cache\nfd00::5 v6.example.org\n',
    );
    await ok(host, 'stop', 'web');

    // nomad's pots: no-etc-hosts leaves out the bridge's pots, not the pot.hosts entries
    await ok(host, 'set-attribute', '-p', 'web', '-A', 'no-etc-hosts', '-V', 'YES');
    await ok(host, 'start', 'web');
    expect(readFileSync(path.join(host.fsRoot, 'jails', 'web', 'm', 'etc', 'hosts'), 'utf8')).toBe(
      '::1 localhost web.host.example.org\n127.0.0.1 localhost web.host.example.org\n10.192.0.9 cache\nfd00::5 v6.example.org\n',
    );
    await ok(host, 'stop', 'web');

    // without -H the pot's entries go (shell pot did the same)
    await ok(host, 'set-hosts', '-p', 'web');
    expect(conf(host)).not.toContain('pot.hosts');
  });

  it('--dry-run shows the new pot.conf, writes nothing', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    const before = conf(host);
    const r = await ok(host, 'set-hosts', '--dry-run', '-p', 'web', '-H', 'db:10.1.1.1');
    expect(r.stdout).toContain('#   pot.hosts=10.1.1.1 db\n');
    expect(conf(host)).toBe(before);
  });

  it('every error (each -H is checked before the pot)', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    await ok(host, 'set-hosts', '-p', 'web', '-H', 'db:10.1.1.1');
    const before = conf(host);
    const form = await fails(host, 'db not in a valid form', ['set-hosts', '-H', 'db'], { help: true });
    expect(form.stderr).toContain('      fix: hostname:IP is accepted\n');
    await fails(host, 'Submitted ip or hostname are empty', ['set-hosts', '-p', 'web', '-H', ':10.1.1.1'], { help: true });
    await fails(host, 'Submitted ip or hostname are empty', ['set-hosts', '-p', 'web', '-H', 'db:'], { help: true });
    await fails(host, 'Submitted ip 10.1.1 is not a valid one', ['set-hosts', '-p', 'web', '-H', 'ok:10.1.1.2', '-H', 'db:10.1.1'], { help: true });
    await fails(host, 'Submitted ip db.example.org is not a valid one', ['set-hosts', '-p', 'nope', '-H', 'db:db.example.org'], { help: true });
    await fails(host, 'A pot name is mandatory', ['set-hosts', '-H', 'db:10.1.1.1'], { help: true });
    await fails(host, "pot nope not found ('pot ls' lists the pots)", ['set-hosts', '-p', 'nope', '-H', 'db:10.1.1.1']);
    host.env.FAKEBSD_UID = '1001';
    await fails(host, "This operation needs 'root' privileges", ['set-hosts', '-p', 'web', '-H', 'db:10.1.1.2']);
    expect(conf(host)).toBe(before);
  });
});

describe('add-dep', () => {
  it('appends pot.depend once; start starts the dependency first', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'db', '-b', '13.1');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    const r = await ok(host, 'add-dep', '-p', 'web', '-P', 'db');
    expect(r.stdout).toBe('');
    expect(lastLines(host, 1)).toEqual(['pot.depend=db']);
    expect(lastEffects(host)).toBe("### [3] pot add-dep -p web -P db\nE logger -p local2.info -t pot 'pot-add-dep -p web -P db'\n");

    // shell pot appended a second line
    const again = await ok(host, 'add-dep', '-p', 'web', '-P', 'db');
    expect(again.stdout).toBe('===>  pot web already depends on db\n');
    expect(conf(host).match(/^pot\.depend=/gm)).toEqual(['pot.depend=']);

    await ok(host, 'start', 'web');
    const start = lastEffects(host);
    expect(start.indexOf('name=db ')).toBeGreaterThan(0);
    expect(start.indexOf('name=db ')).toBeLessThan(start.indexOf('name=web '));
    expect(host.look('jls', '-j', 'db', 'name')).toBe('db\n');
  });

  it('--dry-run shows the new pot.conf, writes nothing', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'db', '-b', '13.1');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    const before = conf(host);
    expect((await ok(host, 'add-dep', '--dry-run', '-p', 'web', '-P', 'db')).stdout).toContain('#   pot.depend=db\n');
    expect(conf(host)).toBe(before);
  });

  it('every error', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'db', '-b', '13.1');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    const before = conf(host);
    await fails(host, 'A pot name is mandatory', ['add-dep', '-P', 'db'], { help: true });
    await fails(host, 'A dependency pot is mandatory', ['add-dep', '-p', 'web'], { help: true });
    await fails(host, 'a pot cannot be run time dependecy of itself', ['add-dep', '-p', 'web', '-P', 'web'], { help: true });
    await fails(host, "pot nope not found ('pot ls' lists the pots)", ['add-dep', '-p', 'nope', '-P', 'db']);
    await fails(host, "dependency pot nope not found ('pot ls' lists the pots)", ['add-dep', '-p', 'web', '-P', 'nope']);
    host.env.FAKEBSD_UID = '1001';
    await fails(host, "This operation needs 'root' privileges", ['add-dep', '-p', 'web', '-P', 'db']);
    expect(conf(host)).toBe(before);
  });
});

describe('signal', () => {
  const LIST =
    'HUP INT QUIT ILL TRAP ABRT EMT FPE KILL BUS SEGV SYS PIPE ALRM TERM URG STOP TSTP CONT CHLD TTIN TTOU IO XCPU XFSZ VTALRM PROF WINCH INFO USR1 USR2 IOT';

  it('by pattern, by pid, -C lists, -f forgives; names with or without SIG', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    await ok(host, 'start', 'web');
    runInJail(host, 'nginx: master process', 'nginx: worker process', 'cron');
    const base = jid(host) * 1000;

    const hup = await ok(host, 'signal', '-s', 'SIGHUP', '-p', 'web', '-m', 'nginx');
    expect(hup.stdout).toBe('===>  Sending SIGHUP by pattern to pot web\n');
    expect(lastEffects(host)).toBe(
      "### [3] pot signal -s SIGHUP -p web -m nginx\nE logger -p local2.info -t pot 'pot-signal -s SIGHUP -p web -m nginx'\nE pkill -HUP -j web nginx\n",
    );
    expect((await ok(host, 'signal', '-s', 'USR1', '-p', 'web', '-m', 'cron')).stdout).toBe('===>  Sending USR1 by pattern to pot web\n');

    const check = await ok(host, 'signal', '-C', '-p', 'web', '-m', 'nginx');
    expect(check.stdout).toBe(`===>  Sending SIGINFO by pattern to pot web\n${base + 1}\n${base + 2}\n`);
    expect(lastEffects(host)).not.toContain('pkill');

    const byPid = await ok(host, 'signal', '-s', 'TERM', '-P', String(base + 3), '-p', 'web');
    expect(byPid.stdout).toBe(`===>  Sending TERM to pid ${base + 3} in pot web\n`);
    expect(lastEffects(host)).toContain(`E pkill -TERM -j web -F /dev/stdin\n    | ${base + 3}\n`);
    expect(jailProcs(host)).toBe('nginx: master process\nnginx: worker process\n');
    expect((await ok(host, 'signal', '-C', '-P', String(base + 2), '-p', 'web')).stdout).toBe(
      `===>  Sending SIGINFO to pid ${base + 2} in pot web\n${base + 2}\n`,
    );

    // nothing matches: an error, or a notice with -f
    await fails(host, 'Sending signal failed', ['signal', '-p', 'web', '-m', 'sshd'], { stdout: '===>  Sending SIGINFO by pattern to pot web\n' });
    await fails(host, 'Sending signal failed', ['signal', '-p', 'web', '-P', '99999']);
    await fails(host, 'Sending signal failed', ['signal', '-C', '-p', 'web', '-m', 'sshd']);
    const forced = await ok(host, 'signal', '-f', '-p', 'web', '-m', 'sshd');
    expect(forced.stdout).toBe('===>  Sending SIGINFO by pattern to pot web\n===>  Sending signal failed\n');
    expect(forced.stderr).toBe('');

    // --dry-run: the pkill is printed, not run
    const dry = await ok(host, 'signal', '--dry-run', '-s', 'KILL', '-p', 'web', '-m', 'nginx');
    expect(dry.stdout).toContain('pkill -KILL -j web nginx\n');
    expect(lastEffects(host)).toBe('### [12] pot signal --dry-run -s KILL -p web -m nginx\n');
    expect(jailProcs(host)).toContain('nginx: master process');
  });

  it('the main process of a non-persistent pot: the pid tinirc recorded, else its command line', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    await ok(host, 'set-cmd', '-p', 'web', '-c', 'nginx -g daemon.off');
    await ok(host, 'start', 'web');
    // a non-persistent pot ends with its command in the fake host: make the running one non-persistent
    appendFileSync(confFile(host, 'web'), 'pot.attr.persistent=NO\n');
    runInJail(host, 'nginx -g daemon.off', 'nginx: worker process');
    const base = jid(host) * 1000;

    const byCommand = await ok(host, 'signal', '-s', 'HUP', '-p', 'web');
    expect(byCommand.stdout).toBe('===>  Sending HUP to main process of pot web\n');
    expect(lastEffects(host)).toContain("E pkill -HUP -j web -f '^nginx -g daemon\\.off$'\n");

    // no-rc-script pots: /tmp/tinirc wrote its pid before exec'ing the command
    appendFileSync(confFile(host, 'web'), 'pot.attr.no-rc-script=YES\n');
    mkdirSync(path.join(host.fsRoot, 'jails', 'web', 'm', 'tmp'), { recursive: true });
    writeFileSync(path.join(host.fsRoot, 'jails', 'web', 'm', 'tmp', 'tinirc.pid'), `${base + 1}\n`);
    expect((await ok(host, 'signal', '-C', '-p', 'web')).stdout).toBe(`===>  Sending SIGINFO to main process of pot web\n${base + 1}\n`);
    await ok(host, 'signal', '-p', 'web');
    expect(lastEffects(host)).toContain(`E pkill -INFO -j web -F /dev/stdin\n    | ${base + 1}\n`);

    // shell pot's start recorded the pid in POT_TMP: that one wins
    writeFileSync(path.join(host.tmp, 'pot_main_pid_web'), `${base + 2}\n`);
    await ok(host, 'signal', '-s', 'SIGUSR2', '-p', 'web');
    expect(lastEffects(host)).toContain(`E pkill -USR2 -j web -F /dev/stdin\n    | ${base + 2}\n`);
    // nomad-pot-driver sends SIGABRT as SIGIOT or SIGABRT; the host gets FreeBSD's own name
    for (const alias of ['SIGIOT', 'iot', 'SigAbrt']) {
      await ok(host, 'signal', '-s', alias, '-p', 'web');
      expect(lastEffects(host)).toContain('E pkill -ABRT -j web -F /dev/stdin\n');
    }
  });

  it("every error, in shell pot's order; -f only forgives what happens after the checks", async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    await ok(host, 'create', '-p', 'web', '-b', '13.1');
    expect((await ok(host, 'signal', '-l')).stdout).toBe(`${LIST}\n`);
    await fails(host, 'A pot name is mandatory', ['signal', '-s', 'HUP'], { help: true });
    const bad = await fails(host, `Invalid signal, valid signals: ${LIST}`, ['signal', '-f', '-p', 'web', '-s', 'SIGHUPX', '-P', '1', '-m', 'x'], {
      help: false,
    });
    expect(bad.stdout).toBe('');
    await fails(host, `Invalid signal, valid signals: ${LIST}`, ['signal', '-p', 'web', '-s', 'SIGTHR']);
    await fails(host, 'Process ID and pattern match are mutually exclusive', ['signal', '-f', '-p', 'web', '-P', '1', '-m', 'x']);
    await fails(host, 'Invalid pid', ['signal', '-f', '-p', 'web', '-P', '12a']);
    await fails(host, 'The pot is not running', ['signal', '-p', 'web', '-s', 'HUP', '-m', 'x']);
    const notRunning = await ok(host, 'signal', '-f', '-p', 'web');
    expect(notRunning.stdout).toBe('===>  The pot is not running\n');
    await ok(host, 'start', 'web');
    await fails(host, 'Persistent pots have no main process', ['signal', '-p', 'web'], { stdout: '===>  Sending SIGINFO to main process of pot web\n' });
    expect((await ok(host, 'signal', '-f', '-p', 'web')).stdout).toBe(
      '===>  Sending SIGINFO to main process of pot web\n===>  Persistent pots have no main process\n',
    );
    host.env.FAKEBSD_UID = '1001';
    await fails(host, "This operation needs 'root' privileges", ['signal', '-f', '-p', 'web', '-m', 'x']);
    delete host.env.FAKEBSD_UID;
    expect(host.effects()).not.toMatch(/^E pkill -[A-Z]/m);
  });
});
