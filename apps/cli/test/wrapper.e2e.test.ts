import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { POT_BIN } from './fake-host.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const env = { ...process.env, PATH: `${path.dirname(process.execPath)}:/usr/bin:/bin`, POT_CLI_MAIN: path.join(here, 'fixtures', 'fake-main.mjs') };

function start(args: string[]) {
  const child = spawn(POT_BIN, args, { env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  child.stdout.on('data', (d) => (stdout += String(d)));
  const ready = new Promise<void>((resolve) => child.stdout.on('data', () => stdout.includes('ready') && resolve()));
  const done = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return { child, ready, done, out: () => stdout };
}

describe('bin/pot, the /bin/sh wrapper', () => {
  it('is a /bin/sh script', () => {
    expect(readFileSync(POT_BIN, 'utf8').startsWith('#!/bin/sh\n')).toBe(true);
  });

  it.each([0, 1, 2, 125])('passes exit code %i through', (code) => {
    const r = spawnSync(POT_BIN, ['exit', String(code)], { env });
    expect(r.status).toBe(code);
  });

  it('keeps running as "/bin/sh …/pot start NAME" with node as its child (nomad-pot-driver liveness)', async () => {
    const p = start(['wait', 'start', 'web']);
    await p.ready;
    const cmdline = readFileSync(`/proc/${p.child.pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    expect(cmdline).toEqual(['/bin/sh', POT_BIN, 'wait', 'start', 'web']);
    const kids = spawnSync('pgrep', ['-P', String(p.child.pid)], { encoding: 'utf8' })
      .stdout.trim()
      .split('\n');
    expect(kids.length).toBe(1);
    expect(readFileSync(`/proc/${kids[0]}/cmdline`, 'utf8')).toContain('fake-main.mjs');
    p.child.kill('SIGTERM');
    expect(await p.done).toBe(3);
  });

  it.each([
    ['SIGTERM', 3],
    ['SIGINT', 4],
    ['SIGHUP', 5],
  ] as const)('forwards %s to node and exits with its status', async (sig, code) => {
    const p = start(['wait']);
    await p.ready;
    p.child.kill(sig);
    expect(await p.done).toBe(code);
    expect(p.out()).toContain(`got ${sig}`);
  });

  it('hands its stdin to node', () => {
    const r = spawnSync(POT_BIN, ['stdin'], { env, input: 'hello\n', encoding: 'utf8' });
    expect(r.stdout).toBe('stdin:hello\n');
  });

  it('says so when the CLI was not built', () => {
    const r = spawnSync(POT_BIN, ['version'], { env: { ...env, POT_CLI_MAIN: '/nonexistent/pot.mjs' }, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('is missing');
  });
});

describe('bin/pot finds PREFIX/etc/pot like shell pot', () => {
  it('exports POT_PREFIX when PREFIX/etc/pot exists next to bin/', async () => {
    const { mkdtempSync, mkdirSync, copyFileSync, writeFileSync, chmodSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const prefix = mkdtempSync(`${tmpdir()}/pot-prefix-`);
    mkdirSync(`${prefix}/bin`);
    mkdirSync(`${prefix}/etc/pot`, { recursive: true });
    copyFileSync(POT_BIN, `${prefix}/bin/pot`);
    chmodSync(`${prefix}/bin/pot`, 0o755);
    writeFileSync(`${prefix}/show-prefix.mjs`, 'process.stdout.write(String(process.env.POT_PREFIX));\n');
    const r = spawnSync(`${prefix}/bin/pot`, [], {
      env: { PATH: env.PATH, POT_CLI_MAIN: `${prefix}/show-prefix.mjs` },
      encoding: 'utf8',
    });
    expect(r.stdout).toBe(prefix);
  });
});
