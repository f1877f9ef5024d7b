// Actions never ask whether this is a dry run: the host answers for a plan (host.plan, the
// dry-run runner, the dry-run store's run state; host/README.md "Dry-run"), issue 13.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { tsFiles } from '../source-files.js';

const ACTIONS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/actions');

/** `dryRun`, `dry_run` (a flag, a field, an option): words of a message (`--dry-run`, `dry run`) are not asking. */
const asksDryRun = (text: string): boolean => /\bdry_?run\b/i.test(text);

describe('actions', () => {
  it('never branch on dry-run', () => {
    const asking = tsFiles(ACTIONS)
      .map((file) => path.relative(ACTIONS, file))
      .filter((file) => asksDryRun(readFileSync(path.join(ACTIONS, file), 'utf8')));
    expect(asking).toEqual([]);
  });

  it('the check sees a branch however it is spelt, not the words of a message', () => {
    expect(asksDryRun('if (ctx.host.dryRun) return;')).toBe(true);
    expect(asksDryRun('const { dryRun } = ctx.host;')).toBe(true);
    expect(asksDryRun('o.dry_run')).toBe(true);
    expect(asksDryRun("info(ctx, 'with --dry-run, the dry run shows it')")).toBe(false);
  });
});
