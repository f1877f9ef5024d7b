/**
 * nomad-pot-driver v0.10.0's contract (ecosystem notes §3; driver/prepare.go, pot.go,
 * driver.go, handle.go): the exact calls it makes, replayed against the built pot and the fake
 * host, their outputs read the way the driver reads them. Calls the driver runs as an argv go
 * to the binary; the ones it builds as a string go through `/bin/sh -c`, so sh does the
 * unquoting. `potBIN` (/usr/local/bin/pot) is the built bin/pot and `/bin/pgrep` the fake
 * host's; the pot's command (/tmp/tinirc) lasts until the test ends it (jexec_wait), so `start`
 * blocks as on FreeBSD.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, outcome, POT_BIN, STUBS, type FakeHost, type PotRun } from './fake-host.js';
import { prepareArgs, serveImage } from './image-fixture.js';
import { runStandIn } from '../../../testing/fake-freebsd/src/emulator/index.ts';

let host: FakeHost;
const children: ChildProcess[] = [];
afterEach(() => {
  for (const c of children.splice(0)) if (c.exitCode === null && c.signalCode === null) process.kill(-(c.pid as number), 'SIGKILL');
  host?.cleanup();
});

const PGREP = path.join(STUBS, 'bin', 'pgrep');

/** A Nomad task of one allocation: the names the driver derives from it. */
interface Task {
  /** cfg.Name (the driver's -n). */
  name: string;
  /** -a: `<hash>_<allocID>`. */
  alloc: string;
  /** The pot: `<name>_<alloc>` with `.` as `_`. */
  pot: string;
  /** The task directory (the driver's working directory; local/ and secrets/ below it). */
  dir: string;
  /** The host port Nomad gave the task's `http` port. */
  hostPort: number;
}

function task(name: string, index: number): Task {
  const alloc = `${(0x3f2a9c00 + index).toString(16)}_8c1e5f4a-2b3d-4e6f-9a0b-${String(index).padStart(12, '0')}`;
  const dir = path.join(host.dir, 'alloc', alloc, name);
  for (const d of ['local', 'secrets']) mkdirSync(path.join(dir, d), { recursive: true });
  return { name, alloc, pot: `${name}_${alloc}`.replace(/\./g, '_'), dir, hostPort: 25000 + index };
}

/** alessio/shellescape's Quote, which the driver's sh -c strings use. */
function quote(s: string): string {
  if (s === '') return "''";
  return /^[\w@%+=:,./-]+$/.test(s) ? s : `'${s.replace(/'/g, `'"'"'`)}'`;
}

function run(file: string, args: string[], cwd: string): Promise<PotRun> {
  return outcome(spawn(file, args, { env: host.env, cwd, stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** A call the driver runs as an argv: `exec.Command(potBIN, argv…)`. */
const pot = (t: Task, ...argv: string[]): Promise<PotRun> => run(POT_BIN, argv, t.dir);
/** A call the driver runs as a string: `sh -c "…"`. */
const sh = (t: Task, line: string): Promise<PotRun> => run('/bin/sh', ['-c', line], t.dir);

/** The liveness check: the pid pgrep prints (Atoi of the trimmed output), undefined when the task counts as dead. */
async function liveness(t: Task): Promise<number | undefined> {
  const r = await sh(t, `${PGREP} -f '/bin/sh ${POT_BIN} start ${t.pot}'`);
  const text = r.stdout.trim();
  return /^[0-9]+$/.test(text) ? Number(text) : undefined;
}

/** The exists check: `pot ls -q | grep NAME`, trimmed, must be the name itself. */
async function exists(t: Task): Promise<boolean> {
  return (await sh(t, `${POT_BIN} ls -q | grep ${t.pot}`)).stdout.trim() === t.pot;
}

/** The driver's environment for the task: quotes, `$`, backticks and an empty value among Nomad's own. */
const ENV: ReadonlyArray<readonly [string, string]> = [
  ['NOMAD_TASK_NAME', 'web'],
  ['GREETING', `it's "quoted"`],
  ['PRICE', '$5 and ${HOME}'],
  ['TICKS', '`id` $(id)'],
  ['EMPTY', ''],
  ['SPACES', '  two  blanks  '],
];

/**
 * StartTask up to the start: exists check, prepare, then the sh -c calls in the driver's order.
 * `inProcess`: the same prepare and the mounts of /local and /secrets, run by pot in this process
 * (the other tests' tasks: the calls' quoting through sh is the first test's, and a process
 * per call would make ten tasks take minutes).
 */
async function createTask(t: Task, options: { inProcess?: boolean } = {}): Promise<void> {
  const prepare = prepareArgs(t.alloc, { name: t.name, cmd: '"/usr/local/bin/web --port 8080"', port: `8080:${t.hostPort}` });
  if (options.inProcess) {
    for (const argv of [
      prepare,
      ['mount-in', '-p', t.pot, '-d', path.join(t.dir, 'local'), '-m', '/local'],
      ['mount-in', '-p', t.pot, '-d', path.join(t.dir, 'secrets'), '-m', '/secrets'],
    ]) {
      const r = await host.pot(...argv);
      expect([argv[0], r.code, r.stderr]).toEqual([argv[0], 0, '']);
    }
    return;
  }
  expect(await exists(t)).toBe(false);
  const prepared = await pot(t, ...prepare);
  expect([prepared.code, prepared.stderr]).toEqual([0, '']);
  await setUp(t);
}

async function setUp(t: Task): Promise<void> {
  const data = path.join(host.dir, 'shared', 'data');
  const ro = path.join(host.dir, 'shared', 'ro');
  for (const d of [data, ro]) mkdirSync(d, { recursive: true });
  // a directory of its own: the fake host mounts no directory that holds its state
  mkdirSync(path.join(host.dir, 'files'), { recursive: true });
  const conf = path.join(host.dir, 'files', 'app.conf');
  writeFileSync(conf, 'listen 8080\n');
  const calls = [
    `${POT_BIN} set-attribute -p ${t.pot} -A devfs_ruleset -V 10`,
    `${POT_BIN} copy-in -p ${t.pot} -s ${conf} -d /etc/app.conf`,
    `${POT_BIN} mount-in -p ${t.pot} -d ${path.join(t.dir, 'local')} -m /local`,
    `${POT_BIN} mount-in -p ${t.pot} -d ${path.join(t.dir, 'secrets')} -m /secrets`,
    `${POT_BIN} mount-in -p ${t.pot} -d ${data} -m /data`,
    `${POT_BIN} mount-in -p ${t.pot} -d ${ro} -m /ro -r`,
    `${POT_BIN} set-env -p ${t.pot} ${ENV.map(([k, v]) => `-E ${quote(k)}=${quote(v)}`).join(' ')}`,
    // extra_hosts; an empty string when there are none (`sh -c ""`)
    `${POT_BIN} set-hosts -p ${t.pot} -H db.internal:10.0.0.5 -H cache.internal:10.0.0.6`,
    '',
    `${POT_BIN} set-rss -M 256M -p ${t.pot}`,
  ];
  for (const line of calls) {
    const r = await sh(t, line);
    expect([line, r.code, r.stderr]).toEqual([line, 0, '']);
  }
}

interface Started {
  child: ChildProcess;
  exit: Promise<PotRun>;
}

/** The blocking `pot start NAME` (argv, positional name), as Nomad runs it; resolves once the pot runs. */
async function startTask(t: Task, env: Record<string, string> = {}): Promise<Started> {
  const child = spawn(POT_BIN, ['start', t.pot], { env: { ...host.env, ...env }, cwd: t.dir, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  children.push(child);
  const exit = outcome(child);
  const status = path.join(host.tmp, `pot_status_${t.pot}`);
  const ended = { yes: false };
  void exit.then(() => (ended.yes = true));
  await until(() => ended.yes || (existsSync(status) && readFileSync(status, 'utf8').startsWith('pot.status=started,')));
  expect(ended.yes ? await exit : 'running').toBe('running');
  // what /tmp/tinirc does inside the jail before it execs the command (the fake jail runs nothing);
  // the command's jexec is a process of its own that may enter the jail after the status says started
  const tinircPid = (): string =>
    runStandIn({ argv: ['pgrep', '-j', t.pot, '^/tmp/tinirc$'], env: { ...host.env, FAKEBSD_NOLOG: '1' } })
      .stdout.toString()
      .trim();
  await until(() => ended.yes || tinircPid() !== '');
  expect(ended.yes ? await exit : 'running').toBe('running');
  const tinirc = tinircPid();
  writeFileSync(path.join(host.fsRoot, 'jails', t.pot, 'm', 'tmp', 'tinirc.pid'), `${tinirc}\n`);
  return { child, exit };
}

/** Lets the task's command end (with jexec_rc's status): `start` then returns. */
function endCommand(t: Task): void {
  writeFileSync(path.join(host.state, `jexec-done.${t.pot}`), '');
}

/** Looks every few milliseconds until `done` holds (processes run meanwhile), for two minutes at most. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 60_000 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 2));
  expect(done()).toBe(true);
}

/** The driver's potStats: RSS int, TotalTicks float64, Percent int (Go's Unmarshal refuses a float there). */
function decodeStats(text: string): { rss: number; ticks: number; percent: number } {
  const v = JSON.parse(text) as { ResourceUsage: { MemoryStats: { RSS: unknown }; CpuStats: { TotalTicks: unknown; Percent: unknown } } };
  const { RSS } = v.ResourceUsage.MemoryStats;
  const { TotalTicks, Percent } = v.ResourceUsage.CpuStats;
  expect(Number.isInteger(RSS)).toBe(true);
  expect(typeof TotalTicks).toBe('number');
  expect(Number.isInteger(Percent)).toBe(true);
  return { rss: RSS as number, ticks: TotalTicks as number, percent: Percent as number };
}

/** A host serving the image web_1.0 (exported from the pot web; the fake stream refers to it, so it stays). */
async function imageHost(): Promise<string> {
  host = createFakeHost();
  // rctl on: set-rss limits and get-rss measures
  host.setup('host_pot_root; host_sysctl kern.racct.enable=1; host_sysctl hw.clockrate=2400');
  await serveImage(host);
  host.env.FAKEBSD_JEXEC_WAIT = '/tmp/tinirc';
  // the host as it is before the first task, once the internal network is up
  expect((await host.pot('vnet-start')).code).toBe(0);
  return host.dump();
}

const TASK_30 = 'web-frontend-production-api-01';

/** The pot.env values as stored in pot.conf (`pot.env="K=V"`, `"` and `\\` escaped), in order. */
function storedEnvironment(t: Task): string[] {
  const conf = readFileSync(path.join(host.fsRoot, 'jails', t.pot, 'conf', 'pot.conf'), 'utf8');
  return [...conf.matchAll(/^pot\.env="(.*)"$/gm)].map((m) => (m[1] ?? '').replace(/\\(["\\])/g, '$1'));
}

describe("nomad-pot-driver's calls", () => {
  it(`a task's whole life with a ${TASK_30.length}-character task name, and RecoverTask after a driver restart`, async () => {
    const pristine = await imageHost();
    expect(TASK_30).toHaveLength(30);
    const t = task(TASK_30, 1);
    await createTask(t);
    expect(await exists(t)).toBe(true);
    const conf = readFileSync(path.join(host.fsRoot, 'jails', t.pot, 'conf', 'pot.conf'), 'utf8');
    expect(conf).toContain('pot.cmd=/usr/local/bin/web --port 8080\n');
    expect(conf).toContain(`pot.export.ports=8080:${t.hostPort}\n`);
    expect(conf).toContain('pot.attr.devfs_ruleset=10\n');
    expect(conf).toContain('pot.rss.memory=256M\n');
    // sh -c unquoted the driver's quoting: every value arrives as Nomad gave it
    expect(storedEnvironment(t)).toEqual(ENV.map(([k, v]) => `${k}=${v}`));

    const started = await startTask(t);
    const pid = await liveness(t);
    expect(pid).toBe(started.child.pid);
    expect(host.look('jls', '-j', t.pot, 'name')).toBe(`${t.pot}\n`);

    const stats = await pot(t, 'get-rss', '-p', t.pot, '-J');
    expect([stats.code, stats.stderr]).toEqual([0, '']);
    decodeStats(stats.stdout);
    for (const signal of ['SIGHUP', 'SIGIOT', 'SIGABRT', 'USR1']) {
      const r = await pot(t, 'signal', '-s', signal, '-p', t.pot);
      expect([signal, r.code, r.stderr]).toEqual([signal, 0, '']);
    }

    // exec: everything after the name untouched, the output and the exit code passed through
    host.env.FAKEBSD_JEXEC_OUT = 'hello from the task';
    host.env.FAKEBSD_JEXEC_RC = '3';
    const exec = await pot(t, 'exec', '-p', t.pot, '/bin/sh', '-c', 'echo "$0" -n --help', 'x y');
    delete host.env.FAKEBSD_JEXEC_OUT;
    delete host.env.FAKEBSD_JEXEC_RC;
    expect([exec.code, exec.stdout]).toEqual([3, 'hello from the task\n']);
    expect(host.log()).toContain(`E jexec -l ${t.pot} env /bin/sh -c 'echo "$0" -n --help' 'x y'  #rc=3\n`);

    // the driver restarts: RecoverTask finds the task by its name alone
    expect(await exists(t)).toBe(true);
    expect(await liveness(t)).toBe(pid);

    endCommand(t);
    expect((await started.exit).code).toBe(0);
    expect(await liveness(t)).toBeUndefined();
    expect(JSON.parse((await pot(t, 'last-run-stats', '-p', t.pot)).stdout)).toEqual({ ExitCode: 0 });

    const destroyed = await pot(t, 'destroy', '-p', t.pot, '-F');
    expect([destroyed.code, destroyed.stderr]).toEqual([0, '']);
    expect(await exists(t)).toBe(false);
    const after = host.dump();
    expect(after.replace(/^ *anchor pot-rdr\/\S+ rules:\n *\(none\)\n/gm, '').replace(/^.*web_1_0.*\n/gm, '')).toBe(pristine);
  });

  it("a command that fails: start exits 125 and last-run-stats has the command's status; destroy -F of a running task", async () => {
    await imageHost();
    const failing = task('worker', 2);
    await createTask(failing, { inProcess: true });
    const started = await startTask(failing, { FAKEBSD_JEXEC_RC: '7' });
    endCommand(failing);
    const done = await started.exit;
    expect(done.code).toBe(125);
    expect(JSON.parse((await pot(failing, 'last-run-stats', '-p', failing.pot)).stdout)).toEqual({ ExitCode: 7 });
    expect((await pot(failing, 'destroy', '-p', failing.pot, '-F')).code).toBe(0);

    // StopTask of a running task: destroy -F; the start ends, the liveness check says dead
    const running = task('worker', 3);
    await createTask(running, { inProcess: true });
    const again = await startTask(running);
    expect(await liveness(running)).toBe(again.child.pid);
    const destroyed = await pot(running, 'destroy', '-p', running.pot, '-F');
    expect([destroyed.code, destroyed.stderr]).toEqual([0, '']);
    await again.exit;
    expect(await liveness(running)).toBeUndefined();
    expect(await exists(running)).toBe(false);
    expect(host.look('jls')).not.toContain(running.pot);
    expect(host.look('ifconfig', '-g', 'epair').trim()).toBe('');
  });

  it('a job of count 10 on one new image, started at once: 10 pots running, 10 addresses, 10 host ports, one image', async () => {
    await imageHost();
    const tasks = Array.from({ length: 10 }, (_, i) => task(TASK_30, 100 + i));
    // the ten prepares of one node at once (in process: the commands interleave at every host call)
    await Promise.all(tasks.map((t) => createTask(t, { inProcess: true })));
    const started = await Promise.all(tasks.map((t) => startTask(t)));
    const pids = await Promise.all(tasks.map((t) => liveness(t)));
    expect(pids).toEqual(started.map((s) => s.child.pid));
    expect(host.look('jls', 'name').trim().split('\n').sort()).toEqual(tasks.map((t) => t.pot).sort());
    const ips = tasks.map((t) => /^ip=(.*)$/m.exec(readFileSync(path.join(host.fsRoot, 'jails', t.pot, 'conf', 'pot.conf'), 'utf8'))?.[1]);
    expect(new Set(ips).size).toBe(10);
    const anchors = host
      .look('pfctl', '-a', 'pot-rdr', '-s', 'Anchors')
      .trim()
      .split('\n')
      .map((a) => a.trim());
    const ports = anchors.flatMap((a) => [...host.look('pfctl', '-a', a, '-s', 'nat').matchAll(/port = (\d+) ->/g)].map((m) => Number(m[1])));
    expect(ports.sort()).toEqual(tasks.map((t) => t.hostPort).sort());
    const images = host
      .look('zfs', 'list', '-H', '-o', 'name')
      .split('\n')
      .filter((d) => /^zroot\/pot\/jails\/web_1_0$/.test(d));
    expect(images).toHaveLength(1);
    const destroyed = await Promise.all(tasks.map((t) => host.pot('destroy', '-p', t.pot, '-F')));
    expect(destroyed.map((r) => r.code)).toEqual(tasks.map(() => 0));
    await Promise.all(started.map((s) => s.exit));
    expect(host.look('jls').trim().split('\n')).toHaveLength(1);
  });
});
