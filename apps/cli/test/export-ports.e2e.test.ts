import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, fakePot, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

describe('pot export-ports', () => {
  it('records the specs in pot.conf, replacing earlier ones (golden export-ports: logger only)', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const conf = fakePot(host, 'web', 'public-bridge');
    const r = await host.pot('export-ports', '-p', 'web', '-e', '80:30080', '-e', '443');
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(readFileSync(conf, 'utf8').trimEnd().split('\n').at(-1)).toBe('pot.export.ports=80:30080 443');
    expect(host.effects()).toBe(
      "### [1] pot export-ports -p web -e 80:30080 -e 443\nE logger -p local2.info -t pot 'pot-export-ports -p web -e 80:30080 -e 443'\n",
    );
    expect((await host.pot('export-ports', '-p', 'web', '-e', 'udp:53:5353')).code).toBe(0);
    const text = readFileSync(conf, 'utf8');
    expect(text.match(/pot\.export\.ports=/g)).toHaveLength(1);
    expect(text).toContain('pot.export.ports=udp:53:5353\n');
  });

  it.each(['80:', ':80', '70000', 'http'])('refuses -e %s with the message and the help, changing nothing', async (spec) => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const conf = fakePot(host, 'web', 'public-bridge');
    const before = readFileSync(conf, 'utf8');
    const r = await host.pot('export-ports', '-p', 'web', '-e', spec);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${spec} is not a valid port number`);
    expect(r.stderr).toContain('pot export-ports [-hv]');
    expect(readFileSync(conf, 'utf8')).toBe(before);
  });

  it('needs -e and an existing pot', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    fakePot(host, 'web', 'public-bridge');
    const none = await host.pot('export-ports', '-p', 'web');
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('One port has to be specified');
    const nope = await host.pot('export-ports', '-p', 'nope', '-e', '80');
    expect(nope.code).toBe(1);
    expect(nope.stderr).toContain('pot nope not found');
  });

  it('stores but warns for an inherit pot and for an ipv6-only pot (golden export-ports-errors [10], [11])', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const inh = fakePot(host, 'inh', 'inherit');
    const web6 = fakePot(host, 'web6', 'public-bridge', '10.192.0.4', 'ipv6');
    const a = await host.pot('export-ports', '-p', 'inh', '-e', '80');
    expect(a).toMatchObject({
      code: 0,
      stdout: '===>  Only public-bridge and private-bridge network type can export ports - this setting will be ignored during start\n',
    });
    const b = await host.pot('export-ports', '-p', 'web6', '-e', '80');
    expect(b).toMatchObject({
      code: 0,
      stdout: '===>  Only ipv4 can export ports, on ipv6 the pot has already a unique address - this setting will be ignored during start\n',
    });
    expect(readFileSync(inh, 'utf8')).toContain('pot.export.ports=80\n');
    expect(readFileSync(web6, 'utf8')).toContain('pot.export.ports=80\n');
  });

  it('--dry-run prints the new pot.conf and leaves it alone', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const conf = fakePot(host, 'web', 'public-bridge');
    const before = readFileSync(conf, 'utf8');
    const r = await host.pot('export-ports', '--dry-run', '-p', 'web', '-e', '80:30080');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('#   pot.export.ports=80:30080');
    expect(readFileSync(conf, 'utf8')).toBe(before);
  });
});
