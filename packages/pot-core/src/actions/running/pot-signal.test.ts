import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { rejected } from '../../../test/thrown-pot-error.js';
import { isPotError } from '../../errors/pot-error.js';
import type { CommandResult, HostCommand } from '../../host/command.js';
import { createFreeBsdHost } from '../../host/freebsd/driver.js';
import { createRecordingRunner } from '../../host/runners.js';
import { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { checkedSignal, commandLinePattern, mainProcess, pidOf, signalPot } from './pot-signal.js';
import { POT_DEFAULTS as DEFAULTS } from '../../config/schema.js';
import { settingsFrom } from '../../config/settings.js';

/** Files below a temporary FS root and POT_TMP; host commands answered by `answer` (exit 0 by default). */
function context(files: Record<string, string>, answer: (c: HostCommand) => Partial<CommandResult> | undefined = () => undefined) {
  const root = mkdtempSync(path.join(tmpdir(), 'pot-signal-'));
  const fsRoot = path.join(root, 'fs');
  const tmp = path.join(root, 'tmp');
  for (const [name, content] of Object.entries(files)) {
    const file = path.join(root, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
  const runner = createRecordingRunner({ responses: (c) => answer(c) ?? { exitCode: 0 } });
  const lines: string[] = [];
  const ctx: ActionContext = {
    host: createFreeBsdHost({ runner, hostRoot: root }),
    settings: settingsFrom({ ...DEFAULTS, POT_FS_ROOT: fsRoot, POT_TMP: tmp }),
    verbosity: 1,
    report: { print: (l) => lines.push(l), diag: (l) => lines.push(`E:${l}`) },
  };
  const commands = (): string[] =>
    runner.commands.filter((c) => c.command.mutating || ['pgrep', 'pkill'].includes(c.command.file)).map((c) => [c.command.file, ...c.command.args].join(' '));
  return { ctx, lines, commands, runner };
}

describe('signal: the parts', () => {
  it('checkedSignal lists the valid names', () => {
    expect(checkedSignal('SIGHUP')).toBe('HUP');
    expect(checkedSignal('TERM')).toBe('TERM');
    const e = (() => {
      try {
        checkedSignal('SIGBOGUS');
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(isPotError(e) && e.message).toBe(
      'Invalid signal, valid signals: HUP INT QUIT ILL TRAP ABRT EMT FPE KILL BUS SEGV SYS PIPE ALRM TERM URG STOP TSTP CONT CHLD TTIN TTOU IO XCPU XFSZ VTALRM PROF WINCH INFO USR1 USR2 IOT',
    );
  });

  it('a name FreeBSD lacks is refused, naming its nearest FreeBSD signal', async () => {
    expect((await rejected(Promise.resolve().then(() => checkedSignal('SIGPOLL')))).suggestion).toBe('FreeBSD has no SIGPOLL; its nearest signal is SIGIO');
    expect(checkedSignal('SIGIOT')).toBe('ABRT');
  });

  it('pidOf: digits of the first line only', () => {
    expect(pidOf('1234\n')).toBe(1234);
    expect(pidOf(' 77 \nrest')).toBe(77);
    for (const t of [undefined, '', '0', '-5', '12a', '1e3', '0x10', '99999999999999999999']) expect(pidOf(t)).toBeUndefined();
  });

  it('commandLinePattern: the words of pot.cmd, regular expression characters escaped', () => {
    expect(commandLinePattern('sh /etc/rc')).toBe('^sh /etc/rc$');
    expect(commandLinePattern('  nginx   -g  daemon.off; ')).toBe('^nginx -g daemon\\.off;$');
    expect(commandLinePattern('/usr/local/bin/app --opt=(a|b)* [x] {1} ^$ +? \\')).toBe(
      '^/usr/local/bin/app --opt=\\(a\\|b\\)\\* \\[x\\] \\{1\\} \\^\\$ \\+\\? \\\\$',
    );
  });
});

describe('signal: the main process of a non-persistent pot', () => {
  const conf = (extra = ''): PotConf => PotConf.parse(`pot.cmd=nginx -g daemon.off\npot.attr.persistent=NO\n${extra}`);

  it("start's main pid file first", async () => {
    const { ctx } = context({ 'tmp/pot_main_pid_web': '4242\n', 'fs/jails/web/m/tmp/tinirc.pid': '77\n' });
    expect(await mainProcess(ctx, 'web', conf('pot.attr.no-rc-script=YES\n'))).toEqual({ pid: 4242 });
  });

  it('then the pid tinirc records inside the pot (no-rc-script pots)', async () => {
    const { ctx } = context({ 'fs/jails/web/m/tmp/tinirc.pid': '77\n' });
    expect(await mainProcess(ctx, 'web', conf('pot.attr.no-rc-script=YES\n'))).toEqual({ pid: 77 });
  });

  it('else the processes running the command line (pots with rc scripts, or no pid recorded)', async () => {
    const { ctx } = context({ 'fs/jails/web/m/tmp/tinirc.pid': '77\n', 'tmp/pot_main_pid_web': 'garbage\n' });
    expect(await mainProcess(ctx, 'web', conf())).toEqual({ pattern: '^nginx -g daemon\\.off$', commandLine: true });
  });
});

describe('signal: decisions', () => {
  const running = (c: HostCommand): Partial<CommandResult> | undefined =>
    c.file === 'jls' ? { exitCode: 0 } : c.file === 'id' ? { stdout: '0\n' } : undefined;

  it('validation comes before anything runs, in shell pot order', async () => {
    const { ctx, runner } = context({});
    expect((await rejected(signalPot(ctx, { pot: 'web', signal: 'BOGUS', pid: '1', pattern: 'x' }))).message).toMatch(/^Invalid signal/);
    expect((await rejected(signalPot(ctx, { pot: 'web', pid: '1', pattern: 'x' }))).message).toBe('Process ID and pattern match are mutually exclusive');
    expect((await rejected(signalPot(ctx, { pot: 'web', pid: '1x' }))).message).toBe('Invalid pid');
    expect(runner.commands).toEqual([]);
  });

  it('a pattern: pkill -SIG -j NAME PATTERN; the pid: read from stdin as a pid file', async () => {
    const { ctx, commands, lines, runner } = context({}, running);
    expect(await signalPot(ctx, { pot: 'web', signal: 'SIGHUP', pattern: 'nginx' })).toEqual({ matched: true, pids: [] });
    await signalPot(ctx, { pot: 'web', signal: 'USR1', pid: '1234' });
    await signalPot(ctx, { pot: 'web', pattern: '-weird' });
    expect(commands()).toEqual(['pkill -HUP -j web nginx', 'pkill -USR1 -j web -F /dev/stdin', 'pkill -INFO -j web -- -weird']);
    expect(runner.commands.find((c) => c.command.args.includes('/dev/stdin'))?.command.input).toBe('1234\n');
    expect(lines).toEqual([
      '===>  Sending SIGHUP by pattern to pot web',
      '===>  Sending USR1 to pid 1234 in pot web',
      '===>  Sending SIGINFO by pattern to pot web',
    ]);
  });

  it('-C: pgrep instead of pkill, the pids answered', async () => {
    const { ctx, commands } = context({}, (c) => (c.file === 'pgrep' ? { stdout: '101\n102\n' } : running(c)));
    expect(await signalPot(ctx, { pot: 'web', pattern: 'nginx', check: true })).toEqual({ matched: true, pids: [101, 102] });
    expect(commands()).toEqual(['pgrep -j web nginx']);
  });

  it('no process matched: an error, or with -f a notice', async () => {
    const none = (c: HostCommand): Partial<CommandResult> | undefined => (c.file === 'pkill' ? { exitCode: 1 } : running(c));
    const { ctx, lines } = context({}, none);
    const e = await rejected(signalPot(ctx, { pot: 'web', pattern: 'nginx' }));
    expect(e.message).toBe('Sending signal failed');
    expect(await signalPot(ctx, { pot: 'web', pattern: 'nginx', force: true })).toEqual({ matched: false, pids: [] });
    expect(lines.at(-1)).toBe('===>  Sending signal failed');
  });

  it('a failing pkill (exit 2) is reported and fails the same way', async () => {
    const { ctx, lines } = context({}, (c) => (c.file === 'pkill' ? { exitCode: 2, stderr: 'pkill: Cannot compile regular expression\n' } : running(c)));
    expect((await rejected(signalPot(ctx, { pot: 'web', pattern: '(' }))).message).toBe('Sending signal failed');
    expect(lines.some((l) => l.startsWith('E:###>  ') && l.includes('Cannot compile regular expression'))).toBe(true);
  });

  it('a pot that does not run: an error, or with -f a notice and success', async () => {
    const { ctx, lines } = context({}, (c) => (c.file === 'jls' ? { exitCode: 1 } : undefined));
    expect((await rejected(signalPot(ctx, { pot: 'web' }))).message).toBe('The pot is not running');
    expect(await signalPot(ctx, { pot: 'web', force: true })).toEqual({ matched: false, pids: [] });
    expect(lines).toEqual(['===>  The pot is not running']);
  });

  it('root is needed', async () => {
    const { ctx } = context({}, (c) => (c.file === 'id' ? { stdout: '1001\n' } : undefined));
    expect((await rejected(signalPot(ctx, { pot: 'web', pattern: 'x', force: true }))).message).toBe("This operation needs 'root' privileges");
  });
});
