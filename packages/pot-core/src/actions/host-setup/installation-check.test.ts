import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bundledDefaultsPath } from '../../config/load.js';
import { createFreeBsdHost } from '../../host/freebsd/driver.js';
import { createRecordingRunner } from '../../host/runners.js';
import type { ActionContext } from '../context/context.js';
import { DEFAULTS, settingsFrom } from '../../config/settings.js';
import { configFileFindings, nodeFinding, potnetFindings } from './installation-check.js';

const temps: string[] = [];
afterEach(() => {
  for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
});

/** PREFIX with bin/pot, bin/potnet (empty executables) and etc/pot holding the defaults and `potConf`. */
function prefix(potConf?: string, programs: string[] = ['pot', 'potnet']): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'pot-prefix-'));
  temps.push(dir);
  mkdirSync(path.join(dir, 'bin'));
  mkdirSync(path.join(dir, 'etc', 'pot'), { recursive: true });
  for (const p of programs) writeFileSync(path.join(dir, 'bin', p), '#!/bin/sh\n', { mode: 0o755 });
  copyFileSync(bundledDefaultsPath()!, path.join(dir, 'etc', 'pot', 'pot.default.conf'));
  if (potConf !== undefined) writeFileSync(path.join(dir, 'etc', 'pot', 'pot.conf'), potConf);
  return dir;
}

function ctxFor(etcDir: string, vars: Record<string, string> = {}): ActionContext {
  return {
    host: createFreeBsdHost({ runner: createRecordingRunner({ responses: () => ({ exitCode: 0 }) }), hostRoot: etcDir }),
    settings: settingsFrom({ ...DEFAULTS, ...vars }, etcDir),
    verbosity: 1,
    report: { print: () => {}, diag: () => {} },
  };
}

describe('doctor: installation checks', () => {
  it('configuration files: read, missing (with the fix), unparseable (file and line)', () => {
    const good = prefix('POT_EXTIF=igb0\n');
    expect(configFileFindings(path.join(good, 'etc', 'pot')).map((f) => f.severity)).toEqual(['ok', 'ok']);

    const noConf = path.join(prefix(), 'etc', 'pot');
    expect(configFileFindings(noConf)[1]).toEqual({
      check: 'config-files',
      severity: 'warning',
      message: `${noConf}/pot.conf not found: pot runs on the defaults (POT_EXTIF=em0, POT_ZFS_ROOT=zroot/pot, ...)`,
      fix: `cp ${noConf}/pot.conf.sample ${noConf}/pot.conf, then set what your host needs (see pot.conf(5))`,
    });

    const bad = path.join(prefix('POT_EXTIF=$(ifconfig -l)\n'), 'etc', 'pot');
    const error = configFileFindings(bad).find((f) => f.severity === 'error');
    expect(error?.message).toMatch(new RegExp(`^${bad}/pot.conf:1: `));
    expect(error?.fix).toContain('VARIABLE=value');
  });

  it('potnet: found on PATH and reading the same network, or saying which files disagree', () => {
    const installed = prefix('POT_NETWORK=10.100.0.0/16\nPOT_NETMASK=255.255.0.0\nPOT_GATEWAY=10.100.0.1\nPOT_DNS_IP=10.100.0.2\n');
    const etc = path.join(installed, 'etc', 'pot');
    const same = ctxFor(etc, { POT_NETWORK: '10.100.0.0/16', POT_NETMASK: '255.255.0.0', POT_GATEWAY: '10.100.0.1', POT_DNS_IP: '10.100.0.2' });
    const onPath = `${path.join(installed, 'bin')}:/usr/bin`;
    expect(potnetFindings(same, onPath).map((f) => [f.check, f.severity])).toEqual([
      ['potnet', 'ok'],
      ['potnet-config', 'ok'],
    ]);

    // another pot installation first on PATH: potnet reads its files
    const other = prefix();
    const [, disagree] = potnetFindings(same, `${path.join(other, 'bin')}:${onPath}`);
    expect(disagree).toMatchObject({ check: 'potnet-config', severity: 'error' });
    expect(disagree?.message).toBe(
      `potnet reads ${other}/etc/pot, pot reads ${etc}, and they disagree: POT_NETWORK 10.192.0.0/10 for potnet, 10.100.0.0/16 for pot; POT_GATEWAY 10.192.0.1 for potnet, 10.100.0.1 for pot; POT_DNS_IP 10.192.0.2 for potnet, 10.100.0.2 for pot`,
    );
    expect(disagree?.fix).toContain(etc);

    const noPotnet = prefix(undefined, ['pot']);
    expect(potnetFindings(ctxFor(etc), path.join(noPotnet, 'bin'))[0]).toMatchObject({
      check: 'potnet',
      severity: 'warning',
      fix: expect.stringContaining('PREFIX/bin/potnet'),
    });
  });

  it('node: the running version against the minimum', () => {
    expect(nodeFinding('24.3.0', '/usr/local/bin/node').severity).toBe('ok');
    expect(nodeFinding('22.11.0', '/usr/local/bin/node')).toEqual({
      check: 'node',
      severity: 'error',
      message: 'Node.js 22.11.0 (/usr/local/bin/node) is older than 22.12',
      fix: 'pkg install node24, then reinstall pot so that it runs on it',
    });
  });
});
