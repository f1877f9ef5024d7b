/** pot exec: a command inside a running pot, as nomad-pot-driver runs it. */
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

describe('pot exec', () => {
  it("runs the command with its arguments untouched, as the pot user, with -e variables; its status is pot's", async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    expect((await host.pot('create', '-p', 'web', '-b', '13.1')).code).toBe(0);
    const stopped = await host.pot('exec', '-p', 'web', 'ls');
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('###>  The pot is not running');
    expect((await host.pot('start', 'web')).code).toBe(0);
    const r = await host.pot('exec', '-p', 'web', '-e', 'A=1', '-U', 'www', 'ls', '-la', '--color', '/tmp');
    expect(r.code).toBe(0);
    expect(host.effects()).toContain('E jexec -l -U www web env A=1 ls -la --color /tmp\n');
    host.env.FAKEBSD_JEXEC_RC = '4';
    expect((await host.pot('exec', '-p', 'web', 'false')).code).toBe(4);
    delete host.env.FAKEBSD_JEXEC_RC;
    expect((await host.pot('exec', '-d', '-p', 'web', 'sleep', '10')).code).toBe(0);
    expect((await host.pot('stop', 'web')).code).toBe(0);
  });

  it('refuses a missing command, a missing pot name, -u with -U and a bad -e', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    expect((await host.pot('exec', '-p', 'web')).stderr).toContain('###>  A command is mandatory');
    expect((await host.pot('exec', 'ls')).stderr).toContain('###>  A pot name is mandatory');
    expect((await host.pot('exec', '-p', 'web', '-u', 'a', '-U', 'b', 'ls')).stderr).toContain('###>  Parameters -u and -U are mutually exclusive');
    expect((await host.pot('exec', '-p', 'web', '-e', 'NOEQUALS', 'ls')).stderr).toContain('###>  NOEQUALS not in a valid form');
  });
});
