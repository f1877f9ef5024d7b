/**
 * What start sets up beyond the network and stop must take away again:
 * resource limits (set-rss values) and localhost tunnels for exported ports.
 */
import { appendFileSync, chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

const conf = (h: FakeHost, pot: string): string => path.join(h.fsRoot, 'jails', pot, 'conf', 'pot.conf');
const procs = (h: FakeHost): string => (existsSync(path.join(h.state, 'procs')) ? readFileSync(path.join(h.state, 'procs'), 'utf8') : '');

describe('resource limits', () => {
  it('memory limit through rctl at start, removed at stop (shell pot left it); CPUs pinned', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1; host_sysctl kern.racct.enable=1');
    const potcpu = path.join(host.dir, 'potcpu');
    writeFileSync(potcpu, '#!/bin/sh\necho 0,1\n');
    chmodSync(potcpu, 0o755);
    host.env.POTCPU_BIN = potcpu;
    expect((await host.pot('create', '-p', 'web', '-b', '13.1')).code).toBe(0);
    appendFileSync(conf(host, 'web'), 'pot.rss.memory=512M\npot.rss.cpus=2\n');
    expect((await host.pot('start', 'web')).code).toBe(0);
    const show = await host.pot('show', '-p', 'web');
    expect(show.stdout).toContain('\tvirtual memory  : 64M\n\tphysical memory : 12M\n\tmax amount of CPUs: 2\n');
    expect((await host.pot('stop', 'web')).code).toBe(0);
    const effects = host.effects();
    expect(effects).toContain('E rctl -a jail:web:memoryuse:deny=512M\n');
    expect(effects).toMatch(/E cpuset -l 0,1 -j \d+\n/);
    expect(effects.indexOf('E rctl -r jail:web')).toBeGreaterThan(effects.indexOf('### [3] pot stop web'));
  });

  it('without rctl the memory limit is reported and skipped', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    expect((await host.pot('create', '-p', 'web', '-b', '13.1')).code).toBe(0);
    appendFileSync(conf(host, 'web'), 'pot.rss.memory=512M\n');
    const start = await host.pot('start', 'web');
    expect(start.stdout).toContain('===>  memory constraint cannot be applies because rctl is not enabled - ignoring\n');
    expect(host.effects()).not.toContain('rctl');
    expect((await host.pot('stop', 'web')).code).toBe(0);
  });
});

describe('localhost tunnels', () => {
  it('one ncat per exported port, tcp: and udp: specs included, all stopped at stop', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1; host_ncat');
    expect((await host.pot('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge')).code).toBe(0);
    expect((await host.pot('export-ports', '-p', 'web', '-e', '80:8080', '-e', 'tcp:443:8443', '-e', 'udp:53:5353')).code).toBe(0);
    appendFileSync(conf(host, 'web'), 'pot.attr.localhost-tunnel=YES\n');
    expect((await host.pot('start', 'web')).code).toBe(0);
    const running = procs(host);
    expect(running).toContain('ncat-web-80 -lk 8080 -c /usr/local/bin/ncat 10.192.0.3 80');
    expect(running).toContain('ncat-web-443 -lk 8443 -c /usr/local/bin/ncat 10.192.0.3 443');
    expect(running).toContain('ncat-web-53 -lk -u 5353 -c /usr/local/bin/ncat -u 10.192.0.3 53');
    expect(host.look('pfctl', '-a', 'pot-rdr/web', '-s', 'nat')).toContain('proto udp');
    expect((await host.pot('stop', 'web')).code).toBe(0);
    expect(procs(host)).not.toContain('ncat');
    expect(existsSync(path.join(host.fsRoot, 'jails', 'web', 'ncat-53.pid'))).toBe(false);
  });

  it('without ncat the attribute is reported and ignored', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    expect((await host.pot('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge')).code).toBe(0);
    expect((await host.pot('export-ports', '-p', 'web', '-e', '80')).code).toBe(0);
    appendFileSync(conf(host, 'web'), 'pot.attr.localhost-tunnel=YES\n');
    const start = await host.pot('start', 'web');
    expect(start.code).toBe(0);
    expect(start.stderr).toContain('###>  nmap package is missing, localhost-tunnel attribute ignored');
    expect((await host.pot('stop', 'web')).code).toBe(0);
  });
});
