/**
 * The jail stand-ins in process (jail, jexec, jls, pgrep, pkill, daemon, rctl, cpuset, potcpu,
 * top) against bin/*: every form pot sends (packages/pot-core/src/host/freebsd/driver.ts), the
 * error paths, and pot's sequences (start with a vnet or alias network, copy-in, the placeholder
 * process killed, stop with a config on stdin).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runEmulated } from '../src/emulator/index.ts';
import { asBytes, awkAssigned, compilePattern } from '../src/emulator/jail-regex.ts';
import { FAKE_FREEBSD_BIN } from '../src/index.ts';
import { type Answer, type DiffHosts, diffHosts } from './differential.ts';

let d: DiffHosts | undefined;
afterEach(() => {
  d?.cleanup();
  d = undefined;
});

interface Run {
  input?: string;
  env?: Record<string, string>;
}

/**
 * One call on both hosts, @DIR@ in its arguments, input and environment standing for each
 * host's directory (pot passes absolute paths); the same answer is expected.
 */
function run(h: DiffHosts, argv: string[], opts: Run = {}): Answer {
  const at = (dir: string, s: string): string => s.split('@DIR@').join(dir);
  const envAt = (dir: string): Record<string, string> => Object.fromEntries(Object.entries(opts.env ?? {}).map(([k, v]) => [k, at(dir, v)]));
  const [cmd, ...args] = argv;
  const b = spawnSync(
    path.join(FAKE_FREEBSD_BIN, cmd as string),
    args.map((a) => at(h.bash.dir, a)),
    { env: { ...h.bash.env, ...envAt(h.bash.dir) }, input: at(h.bash.dir, opts.input ?? ''), encoding: 'latin1', cwd: h.bash.dir },
  );
  const fromBash: Answer = { exitCode: b.status ?? -1, stdout: b.stdout, stderr: b.stderr };
  const e = runEmulated({
    argv: argv.map((a) => at(h.emu.dir, a)),
    env: { ...h.emu.env, ...envAt(h.emu.dir) },
    input: at(h.emu.dir, opts.input ?? ''),
    cwd: h.emu.dir,
  });
  if (e === undefined) throw new Error(`${cmd} is not emulated`);
  const norm = (text: string): string => text.split(h.emu.dir).join(h.bash.dir);
  const fromEmu: Answer = { exitCode: e.exitCode, stdout: norm(e.stdout.toString('latin1')), stderr: norm(e.stderr) };
  expect(fromEmu, argv.join(' ')).toEqual(fromBash);
  return fromBash;
}

/** The state lock bash's fb_lock creates (runEmulated does not): made in the set-up, the trees stay comparable. */
const LOCK = ': >>"$FAKEBSD_STATE/.lock"';

/** Set-up (one bash script): a jail root with files and links (some pointing outside it). */
const ROOT_SETUP = [
  LOCK,
  'r=@DIR@/jroot',
  'mkdir -p "$r/tmp/src/sub" "$r/opt/data" "$r/srv" @DIR@/outside',
  'printf "a\\n" >"$r/tmp/src/a.txt"; printf "b\\n" >"$r/tmp/src/sub/b.txt"; chmod 750 "$r/tmp/src/sub"; chmod 600 "$r/tmp/src/a.txt"',
  'ln -s /opt/data "$r/data"; ln -s @DIR@/outside "$r/escape"; ln -s ../../.. "$r/opt/up"; ln -s a.txt "$r/tmp/src/link"',
  'ln -s loop1 "$r/loop2"; ln -s loop2 "$r/loop1"; printf "f\\n" >"$r/srv/file"; ln -s /srv/file "$r/srv/flink"',
].join('\n');

describe('jail -c, jls, jail -r', () => {
  it('creates, lists and removes jails: parameters, addresses, vnet interfaces, mounts, errors', () => {
    d = diffHosts({
      setup: [
        'host_iface vlan20 10.1.0.1/24',
        'fh_stub ifconfig epair create >/dev/null',
        'fh_stub ifconfig epair create >/dev/null',
        'mkdir -p @DIR@/r1 @DIR@/r2 @DIR@/r3',
      ],
    });
    const h = d;
    run(h, ['jail']);
    run(h, ['jail', '-z', '-c']);
    run(h, ['jail', '-c', 'persist']);
    run(h, ['jls']);
    run(h, [
      'jail',
      '-c',
      'allow.raw_sockets',
      'mount.devfs',
      'mount.fdescfs',
      'mount.procfs',
      'name=web',
      'host.hostname=web.local',
      'osrelease=13.2-RELEASE',
      'path=@DIR@/r1',
      'persist',
      'ip4.addr=em0|192.168.1.50/24,vlan20|10.1.0.7/255.255.0.0 em0|192.168.1.51,10.9.9.9',
      'ip6.addr=em0|fd00::5/64,em0|fd00::6',
      "exec.start=sh -c 'sleep 1234&'",
    ]);
    run(h, ['jail', '-c', 'name=web', 'path=@DIR@/r1']);
    run(h, ['jail', '-c', 'name=x', 'path=@DIR@/nope']);
    run(h, ['jail', '-c', 'name=x', 'vnet', 'vnet.interface=epair9b']);
    run(h, ['jail', '-c', 'name=x', 'ip4.addr=bogus0|1.2.3.4']);
    run(h, ['jail', '-c', 'name=x', 'ip6.addr=em0|fd00::1,nic9|fd00::2']);
    run(h, ['jail', '-qc', 'name=vj', 'path=@DIR@/r2', 'vnet', 'vnet.interface=epair0b', 'persist', 'nopersist', 'persist']);
    run(h, ['jail', '-c', 'name=vj2', 'vnet', 'vnet.interface=epair0b']);
    run(h, ['jail', '-c', 'name=gone', 'path=@DIR@/r3', 'mount.devfs', 'ip4.addr=em0|192.168.1.60']);
    run(h, ['jail', '-c', 'name=stays', 'path=@DIR@/r3', 'exec.start=/bin/sleep 5', 'nopersist']);
    run(h, ['jail', '-c', 'name=rel', 'path=r3', 'persist', 'mount.devfs', 'host.hostname=a-very-long-host-name-that-jls-cuts.example.org']);
    h.expectSameTree();

    run(h, ['jls']);
    run(h, ['jls', '-j', 'web']);
    run(h, ['jls', '-j', '1']);
    run(h, ['jls', '-j', '01']);
    run(h, ['jls', '-j', '99']);
    run(h, ['jls', '-j', 'nope']);
    run(h, ['jls', '-j']);
    run(h, ['jls', '-j', 'web', 'jid']);
    run(h, ['jls', 'jid', 'name', 'host.hostname', 'path']);
    run(h, ['jls', '-n']);
    run(h, ['jls', '-j', 'web', '-n', 'name', 'persist', 'dying', 'vnet', 'ip4.addr', 'ip6.addr', 'osrelease', 'allow.raw_sockets', 'no.such']);
    run(h, ['jls', '-j', 'vj', 'vnet', 'persist', 'ip4.addr']);
    run(h, ['jls', '-dhNqsv', '-z']);

    run(h, ['jail', '-r', 'nope', 'web', 'gone']);
    run(h, ['jail', '-f-', '-q', '-r', 'vj'], { input: 'vj {\n  exec.stop="/bin/sh /etc/rc.shutdown";\n  stop.timeout=10;\n}\n\n' });
    run(h, ['jail', '-f', 'conf', '-R', 'stays']);
    run(h, ['jail', '-f', '-', '-r', 'rel'], { input: '' });
    run(h, ['jail', '-m', 'name=x']);
    run(h, ['jls']);
    h.expectSameTree();
  });

  it('jail -c command=: a throw-away jail running /bin/cp -a and /bin/mkdir -p on its root', () => {
    d = diffHosts({ setup: [ROOT_SETUP] });
    const h = d;
    const cmd = (...argv: string[]): Answer => run(h, ['jail', '-c', 'path=@DIR@/jroot', `command=${argv[0]}`, ...argv.slice(1)]);
    cmd('/bin/cp', '-a', '/tmp/src/a.txt', '/data/a.txt');
    cmd('/bin/cp', '-a', '/tmp/src', '/data/copy');
    cmd('/bin/cp', '-a', '/tmp/src', '/data/copy');
    cmd('/bin/cp', '-va', '/tmp/src/a.txt', '/opt');
    cmd('/bin/cp', '-va', '/tmp/src/link', '/opt/');
    cmd('/bin/cp', '-a', '/tmp/nope', '/opt');
    cmd('/bin/cp', '-a', '/tmp/src/a.txt', '/no/where/a.txt');
    cmd('/bin/mkdir', '-p', '/no/where');
    cmd('/bin/cp', '-a', '/tmp/src/a.txt', '/no/where/a.txt');
    cmd('/bin/mkdir', '-p', '/escape/x');
    cmd('/bin/cp', '-a', '/tmp/src/a.txt', '/opt/up/opt/up/b.txt');
    cmd('/bin/cp', '-a', '/tmp/src/../src/sub/', '/srv/../srv/sub2');
    cmd('/bin/cp', '-a', '/tmp/src/sub', '/srv/file');
    cmd('/bin/cp', '-a', '/tmp/src/a.txt', '/srv/flink');
    cmd('/bin/cp', '-a', '/loop1/x', '/srv');
    cmd('/bin/cp', '-a', '/tmp/src/a.txt', '/loop1');
    cmd('/bin/mkdir', '-p', '/loop1/x');
    cmd('/bin/mkdir', '-p', '/srv/file/x');
    cmd('/bin/cp', '-a', '/x');
    cmd('/bin/cp', '-a', '/a', '/b', '/c');
    cmd('/bin/cp', '-a', 'tmp/src/a.txt', '/srv');
    cmd('/bin/mkdir', '-p', '/a', '/b');
    cmd('/bin/mkdir', '/a');
    cmd('/bin/sh', '-c', 'rm -rf /');
    run(h, ['jail', '-c', 'command=/bin/mkdir', '-p', '/x']);
    run(h, ['jail', '-c', 'path=@DIR@/nope', 'command=/bin/mkdir', '-p', '/x']);
    run(h, ['jail', '-c', 'path=jroot', 'command=/bin/mkdir', '-p', '/relative']);
    run(h, ['jail', '-c', 'path=@DIR@/state', 'command=/bin/mkdir', '-p', '/in-state']);
    run(h, ['jail', '-c', 'path=/', 'command=/bin/mkdir', '-p', '/never-made-by-the-fake']);
    run(h, ['jail', '-c', 'name=once', 'path=@DIR@/jroot', 'command=/bin/cp', '-a', '/tmp/src/a.txt', '/once.txt']);
    run(h, ['jail', '-q', '-c', 'name=kept', 'persist', 'path=@DIR@/jroot', 'command=/bin/mkdir', '-p', '/kept']);
    run(h, ['jail', '-c', 'name=kept', 'path=@DIR@/jroot', 'command=/bin/mkdir', '-p', '/again']);
    run(h, ['jail', '-c', 'name=nopath', 'command=/bin/mkdir', '-p', '/x']);
    run(h, ['jls']);
    h.expectSameTree();
  });
});

describe('jexec', () => {
  it('runs the copy forms in a running jail; the jexec_rc and jexec_out knobs; reaping', () => {
    d = diffHosts({ setup: [ROOT_SETUP, 'fh_stub jail -c name=web path=@DIR@/jroot persist >/dev/null'] });
    const h = d;
    run(h, ['jexec', 'web', '/bin/mkdir', '-p', '/srv/www']);
    run(h, ['jexec', 'web', '/bin/cp', '-a', '/tmp/src', '/srv/www']);
    run(h, ['jexec', 'web', '/bin/cp', '-va', '/tmp/src/sub', '/srv/www/src']);
    run(h, ['jexec', '-l', '-U', 'root', 'web', '/bin/cp', '-a', '/tmp/nope', '/srv']);
    run(h, ['jexec', '-u', 'root', 'web', '/usr/sbin/service', 'nginx', 'start']);
    run(h, ['jexec', 'web', '/bin/cp', '-a', '/tmp/src/a.txt', '/srv/c.txt'], { env: { FAKEBSD_JEXEC_RC: '3' } });
    run(h, ['jexec', 'web', 'ls'], { env: { FAKEBSD_JEXEC_RC_WEB: '5', FAKEBSD_JEXEC_RC: '3' } });
    run(h, ['jexec', 'web', 'ls'], { env: { FAKEBSD_JEXEC_OUT: 'line one\nline two\n\n' } });
    for (const rc of ['abc', '300', '-1', ' 7 ', '010', '0x10', '99999999999999999999', '']) run(h, ['jexec', 'web', 'ls'], { env: { FAKEBSD_JEXEC_RC: rc } });
    run(h, ['jexec', 'nope', 'ls']);
    run(h, ['jexec']);
    run(h, ['jexec', '-z', 'web', 'ls']);
    run(h, ['jexec', '-u']);
    // a non-persistent jail lives while it has processes
    run(h, ['jail', '-c', 'name=np', 'path=@DIR@/jroot', "exec.start=sh -c 'sleep 1234&'"]);
    run(h, ['jexec', 'np', '/bin/mkdir', '-p', '/np']);
    run(h, ['pkill', '-f', '-j', 'np', '^sleep 1234$']);
    run(h, ['jls', '-j', 'np']);
    run(h, ['jexec', 'np', 'ls']);
    h.expectSameTree();
  });
});

describe('processes: pgrep, pkill, daemon, top', () => {
  const setup = [
    'fh_stub jail -c name=web path=/ persist >/dev/null',
    'printf "nginx: master\\nnginx: worker\\ncron\\nsleep 1234\\n" >>"$FAKEBSD_STATE/jail/web/procs"',
    'printf "1002\\n" >@DIR@/web.pid',
  ];

  it('pgrep and pkill on a jail: pseudo pids, -F /dev/stdin, signals, patterns', () => {
    d = diffHosts({ setup });
    const h = d;
    run(h, ['pgrep', '-j', 'web', 'nginx']);
    run(h, ['pgrep', '-q', '-j', 'web', 'nginx']);
    run(h, ['pgrep', '-f', '-j', 'web', '^nginx: (master|worker)$']);
    run(h, ['pgrep', '-j', 'web']);
    run(h, ['pgrep', '-j', 'web', '--', '-x']);
    run(h, ['pgrep', '-j', 'web', '[[:alpha:]]+: w']);
    run(h, ['pgrep', '-j', 'web', 'ngin[^a-c]: [mw]o?r{1}']);
    run(h, ['pgrep', '-j', 'web', '\\<cron\\>']);
    run(h, ['pgrep', '-j', 'web', '*cron']);
    run(h, ['pgrep', '-j', 'web', '(cron']);
    run(h, ['pgrep', '-j', 'web', '[cron']);
    run(h, ['pgrep', '-j', 'web', 'sshd']);
    run(h, ['pgrep', '-j', 'nope', 'nginx']);
    run(h, ['pgrep', '-j', 'web', '-F', '/dev/stdin'], { input: '1003\n' });
    run(h, ['pgrep', '-j', 'web', '-F', '/dev/stdin'], { input: '  1001  \nmore\n' });
    run(h, ['pgrep', '-j', 'web', '-F', '/dev/stdin'], { input: '1009\n' });
    run(h, ['pgrep', '-j', 'web', '-F', '/dev/stdin'], { input: '7' });
    run(h, ['pgrep', '-j', 'web', '-F', '/dev/stdin']);
    run(h, ['pgrep', '-j', 'nope', '-F', '/dev/stdin'], { input: '1001\n' });
    run(h, ['pgrep', '-j', 'web', '-F', 'web.pid']);
    run(h, ['pgrep', '-j', 'web', '-F', '@DIR@/missing.pid']);
    run(h, ['pgrep', '-j', 'web', '-F', '/dev/fd/0'], { input: '1001\n' });
    run(h, ['pgrep', '-j', 'web', '-F', '@DIR@']);
    run(h, ['pgrep', '-z', '-j']);

    run(h, ['pkill', '-HUP', '-j', 'web', 'nginx']);
    run(h, ['pkill', '-SIGUSR1', '-j', 'web', 'nginx']);
    run(h, ['pkill', '-INFO', '-j', 'web', '-F', '/dev/stdin'], { input: '1003\n' });
    run(h, ['pkill', '-j', 'web', '-F', '/dev/stdin'], { input: '1003\n' });
    run(h, ['pkill', '-KILL', '-j', 'web', 'worker']);
    run(h, ['pkill', '-TERM', '-j', 'web', '-F', '/dev/stdin'], { input: '1009\n' });
    run(h, ['pkill', '-HUP', '-j', 'web', 'sshd']);
    run(h, ['pkill', '-j', 'web']);
    run(h, ['pkill', '-j', 'nope', '-F', '/dev/stdin'], { input: '1001\n' });
    run(h, ['pkill', '-j', 'web', '(x']);
    run(h, ['pkill', '-j', 'web', '+sleep']);
    run(h, ['pkill', '-9', '-j', 'web', '-F', 'web.pid']);
    run(h, ['pkill', '-j', 'web', '-F', '/dev/fd/0'], { input: '1001\n' });
    run(h, ['pkill', '-SIGQUIT', '-f', '-j', 'web', '^sleep 1234$']);
    run(h, ['jls', '-j', 'web', 'jid']);
    h.expectSameTree();
  });

  it('daemon(8) processes: pid files, pgrep -f, pkill -F and -f; top; a non-persistent jail reaped by pkill', () => {
    d = diffHosts({ setup });
    const h = d;
    run(h, ['pkill', '-f', 'ncat']);
    run(h, ['pgrep', '-f', 'ncat']);
    run(h, ['daemon', '-f', '-p', '@DIR@/ncat-web-80.pid', '/usr/local/bin/ncat', '-lk', '8080', '-c', '/usr/local/bin/ncat 10.192.0.3 80']);
    run(h, ['daemon', '-f', '-p', '@DIR@/ncat-web-443.pid', '/usr/local/bin/ncat', '-lk', '8443', '-c', '/usr/local/bin/ncat 10.192.0.3 443']);
    run(h, ['daemon', '-P', 'relative.pid', '-r', 'sleep', '100']);
    run(h, ['daemon', '-p', '@DIR@/no/dir/x.pid', 'foo']);
    run(h, ['daemon', '-p', '@DIR@', 'foo']);
    run(h, ['daemon', '-z', 'bar']);
    run(h, ['daemon']);
    run(h, ['pgrep', '-q', '-f', 'ncat 10.192.0.3']);
    run(h, ['pgrep', '-f', 'ncat']);
    run(h, ['pgrep']);
    run(h, ['pgrep', '-f', '10\\.192\\.0\\.3 4+3']);
    run(h, ['pgrep', '-f', '(x']);
    run(h, ['pgrep', '-f', '*x']);
    run(h, ['pgrep', '-F', '@DIR@/ncat-web-80.pid', 'sleep']);
    run(h, ['pkill', '-HUP', '-F', '@DIR@/ncat-web-80.pid', '-f', 'ncat-web-80']);
    run(h, ['pkill', '-F', '@DIR@/ncat-web-80.pid', '-f', 'ncat-web-80']);
    run(h, ['pkill', '-F', '@DIR@/ncat-web-80.pid', '-f', 'ncat-web-80']);
    run(h, ['pkill', '-F', '@DIR@/missing.pid', '-f', 'x']);
    run(h, ['pkill', '-F', '@DIR@', '-f', 'x']);
    run(h, ['pkill', '-F', '/dev/stdin'], { input: '50003\n\n' });
    run(h, ['pkill', '-F', '/dev/stdin'], { input: '' });
    run(h, ['pkill', '-f', '(x']);
    run(h, ['pkill', '-USR1', '-f', 'ncat']);
    run(h, ['pkill', '-f', 'ncat']);
    run(h, ['pkill', '-f', 'ncat']);
    run(h, ['pkill', '-f', 'foo|bar']);
    run(h, ['pkill', '-f', '']);
    run(h, ['pkill', '-f', 'anything']);

    run(h, ['top', '-J', 'web']);
    run(h, ['top', '-J', 'nope']);
    run(h, ['top', '-b', '-d', '1']);

    run(h, ['jail', '-c', 'name=np', 'path=/', "exec.start=sh -c 'sleep 1234&'"]);
    run(h, ['pkill', '-j', 'np', '^sleep 1234$']);
    run(h, ['jls']);
    h.expectSameTree();
  });
});

describe("a jail's resources: rctl, cpuset, potcpu", () => {
  it('rctl usage and rules, cpuset, potcpu through POTCPU_BIN or missing', () => {
    d = diffHosts({
      setup: [LOCK, 'printf \'#!/bin/sh\\necho "0,1 $*"\\ncat\\necho "to stderr" >&2\\nexit 3\\n\' >@DIR@/potcpu', 'chmod 755 @DIR@/potcpu'],
      env: { POTCPU_BIN: '@DIR@/potcpu' },
    });
    const h = d;
    run(h, ['rctl', '-u', 'jail:web']);
    run(h, ['rctl', '-hu', 'jail:web']);
    run(h, ['rctl', '-uh', 'jail:web']);
    run(h, ['rctl', '-u', 'jail:web'], { env: { FAKEBSD_RCTL_USAGE: 'pcpu=3 memoryuse=5 cputime= nokey=1' } });
    run(h, ['rctl', '-hu', 'jail:web'], { env: { FAKEBSD_RCTL_USAGE: 'pcpu=3' } });
    run(h, ['rctl', '-a', 'jail:web:memoryuse:deny=1g']);
    run(h, ['rctl', '-r', 'jail:web']);
    run(h, ['rctl']);
    run(h, ['cpuset', '-l', '0,1', '-j', '5']);
    run(h, ['cpuset', '-g', '-j', '5']);
    run(h, ['cpuset', '-j', '3', '-g', '-j']);
    run(h, ['cpuset', '-g']);
    run(h, ['potcpu', 'get-cpu', '-n', '2'], { input: 'from stdin\n' });
    run(h, ['potcpu', 'get-cpu'], { env: { POTCPU_BIN: '@DIR@/no-potcpu' } });
    run(h, ['potcpu', 'get-cpu'], { env: { POTCPU_BIN: '', POTNET_BIN: '@DIR@/potnet' } });
    run(h, ['potcpu', 'get-cpu'], { env: { POTCPU_BIN: '' } });
    h.expectSameTree();
  });
});

describe("pot's sequences", () => {
  it('a vnet pot: start (placeholder process), limits, copy-in, stop with a config on stdin', () => {
    d = diffHosts({
      setup: [
        'fh_stub ifconfig bridge create >/dev/null',
        'fh_stub ifconfig epair create >/dev/null',
        'mkdir -p @DIR@/pot/jails/web/m/tmp @DIR@/pot/jails/web/m/root',
        'printf "x\\n" >@DIR@/pot/jails/web/m/tmp/copy-in.txt',
      ],
    });
    const h = d;
    const start = [
      'jail',
      '-c',
      'allow.set_hostname=false',
      'allow.raw_sockets',
      'allow.socket_af',
      'allow.chflags',
      'exec.clean',
      'mount.devfs',
      'enforce_statfs=2',
      'sysvshm=new',
      'sysvsem=new',
      'sysvmsg=new',
      'devfs_ruleset=4',
      'stop.timeout=10',
      'name=web',
      'host.hostname=web.pot',
      'osrelease=13.1-RELEASE',
      'path=@DIR@/pot/jails/web/m',
      'nopersist',
      'vnet',
      'vnet.interface=epair0b',
      "exec.start=sh -c 'sleep 1234&'",
    ];
    run(h, start);
    run(h, start);
    run(h, ['jls', '-j', 'web']);
    run(h, ['jls', '-j', 'web', 'jid']);
    run(h, ['cpuset', '-l', '0,1', '-j', '1']);
    run(h, ['rctl', '-a', 'jail:web:memoryuse:deny=1g']);
    run(h, ['jexec', 'web', '/tmp/tinirc']);
    run(h, ['pkill', '-f', '-j', 'web', '^sleep 1234$']);
    run(h, ['jls', 'jid', 'name', 'host.hostname', 'path']);
    run(h, ['jail', '-c', 'name=db', 'path=@DIR@/pot/jails/web/m', 'persist', 'ip4.addr=em0|192.168.1.77', "exec.start=sh -c 'sleep 1234&'"]);
    run(h, ['jexec', 'db', '/bin/cp', '-va', '/tmp/copy-in.txt', '/root']);
    run(h, ['pgrep', '-j', 'db', '-F', '/dev/stdin'], { input: '2001\n' });
    run(h, ['pkill', '-TERM', '-j', 'db', '-F', '/dev/stdin'], { input: '2001\n' });
    run(h, ['jls', '-j', 'db']);
    run(h, ['jail', '-f-', '-q', '-r', 'db'], { input: 'db {\n  exec.stop="/bin/sh /etc/rc.shutdown";\n  stop.timeout=10;\n}\n' });
    run(h, ['rctl', '-r', 'jail:db']);
    run(h, ['jail', '-r', 'db']);
    run(h, ['jls']);
    h.expectSameTree();
  });
});

describe('command line patterns', () => {
  const lines = [
    'nginx: master process',
    'nginx: worker',
    'cron',
    'sleep 1234',
    '*a',
    'a{2}b',
    'aab',
    '-x',
    'a.b',
    'a\\b',
    '(x)',
    '[x]',
    'foo|bar',
    'ABC def',
    'é ü',
    '',
    'x-y_z',
  ];
  const patterns = [
    '^sleep 1234$',
    '^nginx: (master|worker)$',
    'ngin[^a-c]: [mw]o?r{1}',
    '[[:alpha:]]+: w',
    '\\<cron\\>',
    'a{2}b',
    'a{1',
    '*cron',
    '+a',
    '^*',
    '(a',
    'a)',
    '[a',
    '\\',
    'a\\.b',
    'a\\\\b',
    '[]x]',
    '[z-a]',
    '[a-c-e]',
    '[[:foo:]]',
    '(a)\\1',
    'x|',
    '()',
    '[[.-.]]',
    'é.ü',
    '\\101B',
    '',
  ];

  it('match as GNU grep -E and mawk match them (byte-wise, with their complaints)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'jail-regex-'));
    const file = path.join(dir, 'lines');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const env = { LC_ALL: 'C', PATH: process.env.PATH ?? '/usr/bin:/bin' };
    const bytes = lines.map(asBytes);
    try {
      for (const p of patterns) {
        const grep = spawnSync('grep', ['-nE', '--', p, file], { encoding: 'latin1', env });
        const g = compilePattern(asBytes(p), 'grep');
        const gOut = g.regex === undefined ? '' : bytes.map((l, i) => (g.regex?.test(l) ? `${i + 1}:${l}\n` : '')).join('');
        const gErr = g.warnings.map((w) => `grep: warning: ${w}\n`).join('') + (g.error === undefined ? '' : `grep: ${g.error}\n`);
        expect({ out: gOut, err: gErr, code: g.error !== undefined ? 2 : gOut === '' ? 1 : 0 }, `grep -E ${p}`).toEqual({
          out: grep.stdout,
          err: grep.stderr,
          code: grep.status,
        });
        const awk = spawnSync('awk', ['-v', `r=${p}`, '$0 ~ r { print NR }', file], { encoding: 'latin1', env });
        const r = awkAssigned(asBytes(p));
        const a = compilePattern(r, 'mawk');
        const aOut = a.regex === undefined ? '' : bytes.map((l, i) => (a.regex?.test(l) ? `${i + 1}\n` : '')).join('');
        const aErr =
          a.error === undefined ? '' : `awk: run time error: regular expression compile failed (${a.error})\n${r}\n\tFILENAME="${file}" FNR=1 NR=1\n`;
        expect({ out: aOut, err: aErr, code: a.error !== undefined ? 2 : 0 }, `awk ${p}`).toEqual({ out: awk.stdout, err: awk.stderr, code: awk.status });
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
