/**
 * --dry-run on every command that changes the host: each one, run on a host
 * with pots, bases, a bridge and a running pot, exits 0, makes no call that
 * changes the host (no class E line in the fake host's calls.jsonl), leaves
 * every file as it was and never claims to have done something.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostWithPots, MUTATING, withFiles } from './dry-run-host.js';
import type { FakeHost } from './fake-host.js';

let host: FakeHost;

/** Every file and directory below `dir` with its content (or size and mode), for a before/after comparison. */
function tree(dir: string, out = new Map<string, string>()): Map<string, string> {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir)) {
    const p = path.join(dir, name);
    const st = statSync(p, { throwIfNoEntry: false });
    if (st === undefined) continue;
    if (st.isDirectory()) {
      out.set(p, `dir ${st.mode}`);
      tree(p, out);
    } else out.set(p, `${st.mode} ${st.size < 65536 ? readFileSync(p, 'utf8') : st.size}`);
  }
  return out;
}

const hostFiles = (): Map<string, string> => {
  const all = new Map<string, string>();
  for (const d of [host.hostRoot, path.join(host.dir, 'rt'), host.etcDir]) tree(d, all);
  return all;
};

const effects = (): string[] => {
  const log = path.join(host.state, 'calls.jsonl');
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as { class: string; argv: string[] })
    .filter((c) => c.class === 'E')
    .map((c) => c.argv.join(' '));
};

beforeAll(() => {
  host = hostWithPots();
});
afterAll(() => host?.cleanup());

describe('--dry-run on every command that changes the host', () => {
  it.each(MUTATING.map((argv) => [argv.join(' '), argv] as const))('pot %s --dry-run', async (_, argv) => {
    const before = hostFiles();
    const [command, ...args] = withFiles(host, argv);
    const r = await host.pot(command as string, '--dry-run', ...args);
    expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
    expect(effects()).toEqual([]);
    expect(hostFiles()).toEqual(before);
    expect(`${r.stdout}${r.stderr}`).not.toMatch(/\b(has|have) been\b|^===> {2}(Prepared|Pruned|Created|Destroyed|Removed)\b/im);
  });

  it('the walk covers the commands that accept --dry-run', async () => {
    // images need a single pot and an image server: dry-run-plans.e2e.test.ts runs their --dry-run
    const covered = new Set([...MUTATING.map((a) => a[0]), 'export', 'import', 'prepare']);
    const { COMMANDS } = await import('../src/main.js');
    const accepting = [...COMMANDS.values()].filter((c) => c.help.includes('--dry-run')).map((c) => c.name);
    expect(accepting.filter((n) => !covered.has(n))).toEqual([]);
  });
});
