/** pot term / pot run: a root shell inside the pot, run starting it first. */
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

describe('pot term and pot run', () => {
  it("term needs a running pot; run starts it, then opens the shell (its exit status is pot's)", async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    expect((await host.pot('create', '-p', 'web', '-b', '13.1')).code).toBe(0);
    const stopped = await host.pot('term', 'web');
    expect(stopped.code).toBe(1);
    expect(stopped.stderr).toContain('###>  The pot web is not running');
    const run = await host.pot('run', 'web');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('===>  Starting the pot web');
    expect(host.effects()).toContain('E jexec -l -U root web\n');
    host.env.FAKEBSD_JEXEC_RC = '3';
    expect((await host.pot('term', '-p', 'web')).code).toBe(3);
    delete host.env.FAKEBSD_JEXEC_RC;
    expect((await host.pot('stop', 'web')).code).toBe(0);
  });

  it('needs a pot name and an existing pot', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    expect((await host.pot('term')).stderr).toContain('A pot name is mandatory');
    const nope = await host.pot('run', 'nope');
    expect(nope.code).toBe(1);
    expect(nope.stderr).toContain('pot nope not found');
  });
});
