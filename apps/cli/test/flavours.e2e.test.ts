/** create -f: command-file flavours (pot commands on the new pot) and script flavours (run inside it once). */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

function flavours(h: FakeHost): void {
  const dir = path.join(h.etcDir, 'flavours');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'web'), "set-attribute -A no-rc-script -V YES\nexport-ports -e 80\nset-cmd -c nginx -g 'daemon off;'\nrm -rf /\n");
  writeFileSync(path.join(dir, 'boot.sh'), '#!/bin/sh\necho bootstrapping "$1"\n', { mode: 0o755 });
}

const potConf = (h: FakeHost, pot: string): string => readFileSync(path.join(h.fsRoot, 'jails', pot, 'conf', 'pot.conf'), 'utf8');

describe('create -f', () => {
  it('applies a command file, then a script inside the started pot, which is stopped again', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    flavours(host);
    const r = await host.pot('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge', '-f', 'web', '-f', 'boot');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('===>  flavours     : web boot\n');
    expect(r.stderr).toContain('###>  Flavor web: line rm -rf / not valid - ignoring');
    const conf = potConf(host, 'web');
    expect(conf).toContain('pot.attr.no-rc-script=YES\n');
    expect(conf).toContain('pot.export.ports=80\n');
    expect(conf).toContain("pot.cmd=nginx -g 'daemon off;'\n");
    expect(host.effects()).toContain('E jexec web /tmp/boot.sh web\n');
    expect((await host.pot('info', '-r', '-p', 'web')).code).toBe(1);
  });

  it('an unknown flavour is refused before anything is made; a failing script undoes the create unless -k', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    flavours(host);
    const unknown = await host.pot('create', '-p', 'web', '-b', '13.1', '-f', 'nope');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toBe(`###>  flavour nope not found (looked in ${host.dir}/home and ${host.etcDir}/flavours) ('pot ls -F' lists the flavours)\n`);
    host.env.FAKEBSD_JEXEC_RC = '1';
    const failed = await host.pot('create', '-p', 'web', '-b', '13.1', '-f', 'boot');
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('###>  create: flavour boot failed (script)');
    expect((await host.pot('list', '-q')).stdout).toBe('');
    expect(host.look('zfs', 'list', '-H', '-o', 'name')).not.toContain('jails/web');
    const kept = await host.pot('create', '-p', 'web', '-b', '13.1', '-f', 'boot', '-k');
    expect(kept.code).toBe(1);
    expect((await host.pot('list', '-q')).stdout).toBe('web\n');
    expect((await host.pot('info', '-r', '-p', 'web')).code).toBe(1);
  });
});
