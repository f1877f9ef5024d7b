import { describe, expect, it } from 'vitest';
import { formatArgv, formatCommand, formatLogLines, formatPlan, shellQuote } from '../../src/host/index.js';

describe('shellQuote (golden log quoting)', () => {
  it('leaves safe words bare', () => {
    expect(shellQuote('zroot/pot@1700000000')).toBe('zroot/pot@1700000000');
    expect(shellQuote('-o')).toBe('-o');
    expect(shellQuote('mountpoint=/opt/pot')).toBe('mountpoint=/opt/pot');
    expect(shellQuote('local2.info')).toBe('local2.info');
  });
  it('single-quotes blanks, empty strings and specials', () => {
    expect(shellQuote('pot public bridge')).toBe("'pot public bridge'");
    expect(shellQuote('')).toBe("''");
    expect(shellQuote('pot-rdr/*')).toBe("'pot-rdr/*'");
    expect(shellQuote("exec.start=sh -c 'sleep 1234&'")).toBe(`'exec.start=sh -c '\\''sleep 1234&'\\'''`);
  });
  it("uses $'…' for newlines and tabs", () => {
    expect(shellQuote('a\nb')).toBe("$'a\\nb'");
    expect(shellQuote("x\t'y'\\")).toBe("$'x\\t\\'y\\'\\\\'");
  });
  it('formats whole commands like the golden logs', () => {
    expect(formatArgv('ifconfig', ['bridge', 'create', 'descr', 'pot public bridge', 'group', 'pot'])).toBe(
      "ifconfig bridge create descr 'pot public bridge' group pot",
    );
    expect(formatArgv('jail', ['-c', 'name=web', "exec.start=sh -c 'sleep 1234&'"])).toBe("jail -c name=web 'exec.start=sh -c '\\''sleep 1234&'\\'''");
  });
  it('renders pipelines, plans and log lines', () => {
    const receive = {
      file: 'zfs',
      args: ['receive', '-x', 'encryption', 'zroot/pot/jails/web/usr.local'],
      mutating: true,
      pipeFrom: { file: 'zfs', args: ['send', 'zroot/pot/bases/13.1/usr.local@1700000000'], mutating: false },
    };
    expect(formatCommand(receive)).toBe('zfs send zroot/pot/bases/13.1/usr.local@1700000000 | zfs receive -x encryption zroot/pot/jails/web/usr.local');
    expect(formatLogLines(receive)).toEqual([
      'Q zfs send zroot/pot/bases/13.1/usr.local@1700000000',
      'E zfs receive -x encryption zroot/pot/jails/web/usr.local',
    ]);
    const pf = { file: 'pfctl', args: ['-a', 'pot-nat', '-f', '/tmp/r'], mutating: true, reads: 'ext_if = "em0"\nnat on $ext_if\n' };
    expect(formatPlan(pf)).toEqual(['pfctl -a pot-nat -f /tmp/r', '    | ext_if = "em0"', '    | nat on $ext_if']);
    expect(formatLogLines({ file: 'pfctl', args: ['-e'], mutating: true }, { exitCode: 1 })).toEqual(['E pfctl -e  #rc=1']);
  });
});
