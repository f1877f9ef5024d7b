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
import { asBytes, awkAssigned, compilePattern } from '../src/emulator/jail-regex.ts';
import { type Answer, type DiffHosts, diffHosts } from './differential.ts';

let d: DiffHosts | undefined;
afterEach(() => {
  d?.cleanup();
  d = undefined;
});

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
    h.call(['jail']);
    h.call(['jail', '-z', '-c']);
    h.call(['jail', '-c', 'persist']);
    h.call(['jls']);
    h.call([
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
    h.call(['jail', '-c', 'name=web', 'path=@DIR@/r1']);
    h.call(['jail', '-c', 'name=x', 'path=@DIR@/nope']);
    h.call(['jail', '-c', 'name=x', 'vnet', 'vnet.interface=epair9b']);
    h.call(['jail', '-c', 'name=x', 'ip4.addr=bogus0|1.2.3.4']);
    h.call(['jail', '-c', 'name=x', 'ip6.addr=em0|fd00::1,nic9|fd00::2']);
    h.call(['jail', '-qc', 'name=vj', 'path=@DIR@/r2', 'vnet', 'vnet.interface=epair0b', 'persist', 'nopersist', 'persist']);
    h.call(['jail', '-c', 'name=vj2', 'vnet', 'vnet.interface=epair0b']);
    h.call(['jail', '-c', 'name=gone', 'path=@DIR@/r3', 'mount.devfs', 'ip4.addr=em0|192.168.1.60']);
    h.call(['jail', '-c', 'name=stays', 'path=@DIR@/r3', 'exec.start=/bin/sleep 5', 'nopersist']);
    h.call(['jail', '-c', 'name=rel', 'path=r3', 'persist', 'mount.devfs', 'host.hostname=a-very-long-host-name-that-jls-cuts.example.org']);
    h.expectSameTree();

    h.call(['jls']);
    h.call(['jls', '-j', 'web']);
    h.call(['jls', '-j', '1']);
    h.call(['jls', '-j', '01']);
    h.call(['jls', '-j', '99']);
    h.call(['jls', '-j', 'nope']);
    h.call(['jls', '-j']);
    h.call(['jls', '-j', 'web', 'jid']);
    h.call(['jls', 'jid', 'name', 'host.hostname', 'path']);
    h.call(['jls', '-n']);
    h.call(['jls', '-j', 'web', '-n', 'name', 'persist', 'dying', 'vnet', 'ip4.addr', 'ip6.addr', 'osrelease', 'allow.raw_sockets', 'no.such']);
    h.call(['jls', '-j', 'vj', 'vnet', 'persist', 'ip4.addr']);
    h.call(['jls', '-dhNqsv', '-z']);

    h.call(['jail', '-r', 'nope', 'web', 'gone']);
    h.call(['jail', '-f-', '-q', '-r', 'vj'], { input: 'vj {\n  exec.stop="/bin/sh /etc/rc.shutdown";\n  stop.timeout=10;\n}\n\n' });
    h.call(['jail', '-f', 'conf', '-R', 'stays']);
    h.call(['jail', '-f', '-', '-r', 'rel'], { input: '' });
    h.call(['jail', '-m', 'name=x']);
    h.call(['jls']);
    h.expectSameTree();
  });

  it('jail -c command=: a throw-away jail running /bin/cp -a and /bin/mkdir -p on its root', () => {
    d = diffHosts({ setup: [ROOT_SETUP] });
    const h = d;
    const cmd = (...argv: string[]): Answer => h.call(['jail', '-c', 'path=@DIR@/jroot', `command=${argv[0]}`, ...argv.slice(1)]);
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
    h.call(['jail', '-c', 'command=/bin/mkdir', '-p', '/x']);
    h.call(['jail', '-c', 'path=@DIR@/nope', 'command=/bin/mkdir', '-p', '/x']);
    h.call(['jail', '-c', 'path=jroot', 'command=/bin/mkdir', '-p', '/relative']);
    h.call(['jail', '-c', 'path=@DIR@/state', 'command=/bin/mkdir', '-p', '/in-state']);
    h.call(['jail', '-c', 'path=/', 'command=/bin/mkdir', '-p', '/never-made-by-the-fake']);
    h.call(['jail', '-c', 'name=once', 'path=@DIR@/jroot', 'command=/bin/cp', '-a', '/tmp/src/a.txt', '/once.txt']);
    h.call(['jail', '-q', '-c', 'name=kept', 'persist', 'path=@DIR@/jroot', 'command=/bin/mkdir', '-p', '/kept']);
    h.call(['jail', '-c', 'name=kept', 'path=@DIR@/jroot', 'command=/bin/mkdir', '-p', '/again']);
    h.call(['jail', '-c', 'name=nopath', 'command=/bin/mkdir', '-p', '/x']);
    h.call(['jls']);
    h.expectSameTree();
  });
});

describe('jexec', () => {
  it('runs the copy forms in a running jail; the jexec_rc and jexec_out knobs; reaping', () => {
    d = diffHosts({ setup: [ROOT_SETUP, 'fh_stub jail -c name=web path=@DIR@/jroot persist >/dev/null'] });
    const h = d;
    h.call(['jexec', 'web', '/bin/mkdir', '-p', '/srv/www']);
    h.call(['jexec', 'web', '/bin/cp', '-a', '/tmp/src', '/srv/www']);
    h.call(['jexec', 'web', '/bin/cp', '-va', '/tmp/src/sub', '/srv/www/src']);
    h.call(['jexec', '-l', '-U', 'root', 'web', '/bin/cp', '-a', '/tmp/nope', '/srv']);
    h.call(['jexec', '-u', 'root', 'web', '/usr/sbin/service', 'nginx', 'start']);
    h.call(['jexec', 'web', '/bin/cp', '-a', '/tmp/src/a.txt', '/srv/c.txt'], { env: { FAKEBSD_JEXEC_RC: '3' } });
    h.call(['jexec', 'web', 'ls'], { env: { FAKEBSD_JEXEC_RC_WEB: '5', FAKEBSD_JEXEC_RC: '3' } });
    h.call(['jexec', 'web', 'ls'], { env: { FAKEBSD_JEXEC_OUT: 'line one\nline two\n\n' } });
    for (const rc of ['abc', '300', '-1', ' 7 ', '010', '0x10', '99999999999999999999', '']) h.call(['jexec', 'web', 'ls'], { env: { FAKEBSD_JEXEC_RC: rc } });
    h.call(['jexec', 'nope', 'ls']);
    h.call(['jexec']);
    h.call(['jexec', '-z', 'web', 'ls']);
    h.call(['jexec', '-u']);
    // a non-persistent jail lives while it has processes
    h.call(['jail', '-c', 'name=np', 'path=@DIR@/jroot', "exec.start=sh -c 'sleep 1234&'"]);
    h.call(['jexec', 'np', '/bin/mkdir', '-p', '/np']);
    h.call(['pkill', '-f', '-j', 'np', '^sleep 1234$']);
    h.call(['jls', '-j', 'np']);
    h.call(['jexec', 'np', 'ls']);
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
    h.call(['pgrep', '-j', 'web', 'nginx']);
    h.call(['pgrep', '-q', '-j', 'web', 'nginx']);
    h.call(['pgrep', '-f', '-j', 'web', '^nginx: (master|worker)$']);
    h.call(['pgrep', '-j', 'web']);
    h.call(['pgrep', '-j', 'web', '--', '-x']);
    h.call(['pgrep', '-j', 'web', '[[:alpha:]]+: w']);
    h.call(['pgrep', '-j', 'web', 'ngin[^a-c]: [mw]o?r{1}']);
    h.call(['pgrep', '-j', 'web', '\\<cron\\>']);
    h.call(['pgrep', '-j', 'web', '*cron']);
    h.call(['pgrep', '-j', 'web', '(cron']);
    h.call(['pgrep', '-j', 'web', '[cron']);
    h.call(['pgrep', '-j', 'web', 'sshd']);
    h.call(['pgrep', '-j', 'nope', 'nginx']);
    h.call(['pgrep', '-j', 'web', '-F', '/dev/stdin'], { input: '1003\n' });
    h.call(['pgrep', '-j', 'web', '-F', '/dev/stdin'], { input: '  1001  \nmore\n' });
    h.call(['pgrep', '-j', 'web', '-F', '/dev/stdin'], { input: '1009\n' });
    h.call(['pgrep', '-j', 'web', '-F', '/dev/stdin'], { input: '7' });
    h.call(['pgrep', '-j', 'web', '-F', '/dev/stdin']);
    h.call(['pgrep', '-j', 'nope', '-F', '/dev/stdin'], { input: '1001\n' });
    h.call(['pgrep', '-j', 'web', '-F', 'web.pid']);
    h.call(['pgrep', '-j', 'web', '-F', '@DIR@/missing.pid']);
    h.call(['pgrep', '-j', 'web', '-F', '/dev/fd/0'], { input: '1001\n' });
    h.call(['pgrep', '-j', 'web', '-F', '@DIR@']);
    h.call(['pgrep', '-z', '-j']);

    h.call(['pkill', '-HUP', '-j', 'web', 'nginx']);
    h.call(['pkill', '-SIGUSR1', '-j', 'web', 'nginx']);
    h.call(['pkill', '-INFO', '-j', 'web', '-F', '/dev/stdin'], { input: '1003\n' });
    h.call(['pkill', '-j', 'web', '-F', '/dev/stdin'], { input: '1003\n' });
    h.call(['pkill', '-KILL', '-j', 'web', 'worker']);
    h.call(['pkill', '-TERM', '-j', 'web', '-F', '/dev/stdin'], { input: '1009\n' });
    h.call(['pkill', '-HUP', '-j', 'web', 'sshd']);
    h.call(['pkill', '-j', 'web']);
    h.call(['pkill', '-j', 'nope', '-F', '/dev/stdin'], { input: '1001\n' });
    h.call(['pkill', '-j', 'web', '(x']);
    h.call(['pkill', '-j', 'web', '+sleep']);
    h.call(['pkill', '-9', '-j', 'web', '-F', 'web.pid']);
    h.call(['pkill', '-j', 'web', '-F', '/dev/fd/0'], { input: '1001\n' });
    h.call(['pkill', '-SIGQUIT', '-f', '-j', 'web', '^sleep 1234$']);
    h.call(['jls', '-j', 'web', 'jid']);
    h.expectSameTree();
  });

  it('daemon(8) processes: pid files, pgrep -f, pkill -F and -f; top; a non-persistent jail reaped by pkill', () => {
    d = diffHosts({ setup });
    const h = d;
    h.call(['pkill', '-f', 'ncat']);
    h.call(['pgrep', '-f', 'ncat']);
    h.call(['daemon', '-f', '-p', '@DIR@/ncat-web-80.pid', '/usr/local/bin/ncat', '-lk', '8080', '-c', '/usr/local/bin/ncat 10.192.0.3 80']);
    h.call(['daemon', '-f', '-p', '@DIR@/ncat-web-443.pid', '/usr/local/bin/ncat', '-lk', '8443', '-c', '/usr/local/bin/ncat 10.192.0.3 443']);
    h.call(['daemon', '-P', 'relative.pid', '-r', 'sleep', '100']);
    h.call(['daemon', '-p', '@DIR@/no/dir/x.pid', 'foo']);
    h.call(['daemon', '-p', '@DIR@', 'foo']);
    h.call(['daemon', '-z', 'bar']);
    h.call(['daemon']);
    h.call(['pgrep', '-q', '-f', 'ncat 10.192.0.3']);
    h.call(['pgrep', '-f', 'ncat']);
    h.call(['pgrep']);
    h.call(['pgrep', '-f', '10\\.192\\.0\\.3 4+3']);
    h.call(['pgrep', '-f', '(x']);
    h.call(['pgrep', '-f', '*x']);
    h.call(['pgrep', '-F', '@DIR@/ncat-web-80.pid', 'sleep']);
    h.call(['pkill', '-HUP', '-F', '@DIR@/ncat-web-80.pid', '-f', 'ncat-web-80']);
    h.call(['pkill', '-F', '@DIR@/ncat-web-80.pid', '-f', 'ncat-web-80']);
    h.call(['pkill', '-F', '@DIR@/ncat-web-80.pid', '-f', 'ncat-web-80']);
    h.call(['pkill', '-F', '@DIR@/missing.pid', '-f', 'x']);
    h.call(['pkill', '-F', '@DIR@', '-f', 'x']);
    h.call(['pkill', '-F', '/dev/stdin'], { input: '50003\n\n' });
    h.call(['pkill', '-F', '/dev/stdin'], { input: '' });
    h.call(['pkill', '-f', '(x']);
    h.call(['pkill', '-USR1', '-f', 'ncat']);
    h.call(['pkill', '-f', 'ncat']);
    h.call(['pkill', '-f', 'ncat']);
    h.call(['pkill', '-f', 'foo|bar']);
    h.call(['pkill', '-f', '']);
    h.call(['pkill', '-f', 'anything']);

    h.call(['top', '-J', 'web']);
    h.call(['top', '-J', 'nope']);
    h.call(['top', '-b', '-d', '1']);

    h.call(['jail', '-c', 'name=np', 'path=/', "exec.start=sh -c 'sleep 1234&'"]);
    h.call(['pkill', '-j', 'np', '^sleep 1234$']);
    h.call(['jls']);
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
    h.call(['rctl', '-u', 'jail:web']);
    h.call(['rctl', '-hu', 'jail:web']);
    h.call(['rctl', '-uh', 'jail:web']);
    h.call(['rctl', '-u', 'jail:web'], { env: { FAKEBSD_RCTL_USAGE: 'pcpu=3 memoryuse=5 cputime= nokey=1' } });
    h.call(['rctl', '-hu', 'jail:web'], { env: { FAKEBSD_RCTL_USAGE: 'pcpu=3' } });
    h.call(['rctl', '-a', 'jail:web:memoryuse:deny=1g']);
    h.call(['rctl', '-r', 'jail:web']);
    h.call(['rctl']);
    h.call(['cpuset', '-l', '0,1', '-j', '5']);
    h.call(['cpuset', '-g', '-j', '5']);
    h.call(['cpuset', '-j', '3', '-g', '-j']);
    h.call(['cpuset', '-g']);
    h.call(['potcpu', 'get-cpu', '-n', '2'], { input: 'from stdin\n' });
    h.call(['potcpu', 'get-cpu'], { env: { POTCPU_BIN: '@DIR@/no-potcpu' } });
    h.call(['potcpu', 'get-cpu'], { env: { POTCPU_BIN: '', POTNET_BIN: '@DIR@/potnet' } });
    h.call(['potcpu', 'get-cpu'], { env: { POTCPU_BIN: '' } });
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
    h.call(start);
    h.call(start);
    h.call(['jls', '-j', 'web']);
    h.call(['jls', '-j', 'web', 'jid']);
    h.call(['cpuset', '-l', '0,1', '-j', '1']);
    h.call(['rctl', '-a', 'jail:web:memoryuse:deny=1g']);
    h.call(['jexec', 'web', '/tmp/tinirc']);
    h.call(['pkill', '-f', '-j', 'web', '^sleep 1234$']);
    h.call(['jls', 'jid', 'name', 'host.hostname', 'path']);
    h.call(['jail', '-c', 'name=db', 'path=@DIR@/pot/jails/web/m', 'persist', 'ip4.addr=em0|192.168.1.77', "exec.start=sh -c 'sleep 1234&'"]);
    h.call(['jexec', 'db', '/bin/cp', '-va', '/tmp/copy-in.txt', '/root']);
    h.call(['pgrep', '-j', 'db', '-F', '/dev/stdin'], { input: '2001\n' });
    h.call(['pkill', '-TERM', '-j', 'db', '-F', '/dev/stdin'], { input: '2001\n' });
    h.call(['jls', '-j', 'db']);
    h.call(['jail', '-f-', '-q', '-r', 'db'], { input: 'db {\n  exec.stop="/bin/sh /etc/rc.shutdown";\n  stop.timeout=10;\n}\n' });
    h.call(['rctl', '-r', 'jail:db']);
    h.call(['jail', '-r', 'db']);
    h.call(['jls']);
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
