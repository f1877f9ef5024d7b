/** Programs pot runs inside a jail for copy-in/copy-out: the argv the FreeBSD driver gives them. */
import { describe, expect, it } from 'vitest';
import { createFreeBsdHost, createRecordingRunner, formatLogLines } from '../../src/host/index.js';

function recorded(exitCode = 0) {
  const rec = createRecordingRunner({ responses: () => ({ exitCode, stdout: '', stderr: exitCode === 0 ? '' : 'cp: /x: No such file or directory\n' }) });
  return { host: createFreeBsdHost({ runner: rec, hostRoot: '/nonexistent' }), log: () => rec.commands.flatMap((c) => formatLogLines(c.command, c.result)) };
}

describe('jails.copyInside / makeDirectoryInside', () => {
  it('in a running jail: jexec NAME /bin/cp -a|-va FROM TO, jexec NAME /bin/mkdir -p DIR', async () => {
    const { host, log } = recorded();
    await host.jails.makeDirectoryInside({ jail: 'web' }, '/usr/local/www');
    await host.jails.copyInside({ jail: 'web' }, '/tmp/copy-in.AbCd1234/site', '/usr/local/www');
    await host.jails.copyInside({ jail: 'web' }, '/etc/rc.conf', '/tmp/copy-out.AbCd1234', { verbose: true });
    expect(log()).toEqual([
      'E jexec web /bin/mkdir -p /usr/local/www',
      'E jexec web /bin/cp -a /tmp/copy-in.AbCd1234/site /usr/local/www',
      'E jexec web /bin/cp -va /etc/rc.conf /tmp/copy-out.AbCd1234',
    ]);
  });

  it("on a stopped pot's root: a throw-away jail made for the command (jail -c path=ROOT command=…)", async () => {
    const { host, log } = recorded();
    await host.jails.makeDirectoryInside({ root: '/opt/pot/jails/web/m' }, '/root/a b');
    await host.jails.copyInside({ root: '/opt/pot/jails/web/m' }, '/tmp/copy-in.AbCd1234/x.txt', '/root/a b/x.txt');
    expect(log()).toEqual([
      "E jail -c path=/opt/pot/jails/web/m command=/bin/mkdir -p '/root/a b'",
      "E jail -c path=/opt/pot/jails/web/m command=/bin/cp -a /tmp/copy-in.AbCd1234/x.txt '/root/a b/x.txt'",
    ]);
  });

  it('answers the status instead of throwing; refuses relative paths and bad jail names before running anything', async () => {
    const { host, log } = recorded(1);
    expect(await host.jails.copyInside({ jail: 'web' }, '/x', '/y')).toMatchObject({ exitCode: 1, stderr: 'cp: /x: No such file or directory\n' });
    await expect(host.jails.copyInside({ jail: 'web' }, '-rf', '/y')).rejects.toMatchObject({ code: 'internal' });
    await expect(host.jails.makeDirectoryInside({ jail: '-x' }, '/y')).rejects.toMatchObject({ code: 'invalid-name' });
    expect(log()).toHaveLength(1);
  });
});
