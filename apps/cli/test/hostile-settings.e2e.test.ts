/**
 * Values of a pot's settings never run on the host: a hook gets `info -E`'s
 * variables as its environment (not as script text), `pot.env` reaches only
 * the jail, and exec_stop reaches jail(8) as data.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

function hookScript(body: string): string {
  const file = path.join(host.dir, 'hook.sh');
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, 0o755);
  return file;
}

/** The host calls the fake host logged (JSON lines). */
function hostCalls(): string {
  const file = path.join(host.state, 'calls.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

describe('settings of a pot stay data on the host', () => {
  it('a command substitution in pot.env does not run when a hook runs at start and stop', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    expect((await host.pot('create', '-p', 'web', '-b', '13.1')).code).toBe(0);
    const marks = ['dollar', 'tick', 'semi'].map((m) => path.join(host.dir, `pwned-${m}`));
    const env = [`A=$(touch ${marks[0]})`, `B=\`touch ${marks[1]}\``, `C=x; touch ${marks[2]}`];
    expect((await host.pot('set-env', '-p', 'web', ...env.flatMap((e) => ['-E', e]))).code).toBe(0);
    const out = path.join(host.dir, 'hook.out');
    const hook = hookScript(`printf '%s|%s|%s|%s\\n' "$_POT_NAME" "$_POT_IP" "\${A-unset}" "$1" >> ${out}`);
    expect((await host.pot('set-hook', '-p', 'web', '-s', hook, '-S', hook, '-t', hook, '-T', hook)).code).toBe(0);
    expect((await host.pot('set-attribute', '-p', 'web', '-A', 'exec_stop', '-V', `"; exec.poststop="touch ${marks[2]}`)).code).toBe(0);

    const start = await host.pot('start', 'web');
    expect(start.code).toBe(0);
    // pot.env reached the jail, as text for the jail's own shell (its root is unmounted at stop)
    const envFile = path.join(host.fsRoot, 'jails', 'web', 'm', 'tmp', 'environment.sh');
    expect(readFileSync(envFile, 'utf8')).toContain(`export "A=$(touch ${marks[0]})"`);
    expect((await host.pot('stop', 'web')).code).toBe(0);

    for (const m of marks) expect(existsSync(m), m).toBe(false);
    // four hook runs, each with info -E's variables and nothing of pot.env
    expect(readFileSync(out, 'utf8')).toBe('web||unset|\n'.repeat(4));
    // the values reach syslog as the logged command line, and jail(8) as exec.stop's value (which
    // runs inside the jail, its quotes escaped): data, never a host shell's script
    const calls = hostCalls()
      .split('\n')
      .filter((l) => l !== '')
      .map((l) => JSON.parse(l) as { argv: string[]; input?: string });
    for (const c of calls) if (JSON.stringify(c).includes('touch')) expect(c.argv[0]).toMatch(/^(logger|jail)$/);
    const jailStop = calls.find((c) => c.argv[0] === 'jail' && c.argv.includes('-r'));
    expect(jailStop?.input).toContain(`exec.stop="\\"; exec.poststop=\\"touch ${marks[2]}";`);
  });

  it('info -E quotes a hand-edited value so that eval keeps it data', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    expect((await host.pot('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge', '-i', 'auto')).code).toBe(0);
    const conf = path.join(host.fsRoot, 'jails', 'web', 'conf', 'pot.conf');
    const mark = path.join(host.dir, 'pwned');
    writeFileSync(conf, readFileSync(conf, 'utf8').replace(/^ip=.*$/m, `ip=10.192.0.3$(touch ${mark})`));
    const r = await host.pot('info', '-E', '-p', 'web');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`export _POT_IP='10.192.0.3$(touch ${mark})'`);
    mkdirSync(path.join(host.dir, 'eval'), { recursive: true });
    const { execFileSync } = await import('node:child_process');
    const seen = execFileSync('/bin/sh', ['-c', `eval "$1"; printf %s "$_POT_IP"`, 'sh', r.stdout], { encoding: 'utf8' });
    expect(seen).toBe(`10.192.0.3$(touch ${mark})`);
    expect(existsSync(mark)).toBe(false);
  });
});
