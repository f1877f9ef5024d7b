// A dry-run host answers for its plan: steps after changes are answered as planned, outcome
// lines are worded as planned, and the pot's run state is kept in memory (host/README.md).
import { existsSync, mkdtempSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createManualClock } from '../../src/host/clock.js';
import { createFreeBsdHost } from '../../src/host/freebsd/driver.js';
import { createRecordingRunner } from '../../src/host/runners.js';

function hosts(): { real: ReturnType<typeof createFreeBsdHost>; dry: ReturnType<typeof createFreeBsdHost>; printed: string[]; dir: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'pot-plan-'));
  const printed: string[] = [];
  const clock = createManualClock(1_700_000_000_000);
  return {
    dir,
    printed,
    real: createFreeBsdHost({ runner: createRecordingRunner(), hostRoot: dir, clock }),
    dry: createFreeBsdHost({ runner: createRecordingRunner(), dryRun: true, print: (l) => printed.push(l), hostRoot: dir, clock }),
  };
}

describe('host.plan', () => {
  it('runs a step after changes on a real host; a dry-run host answers as planned without running it', async () => {
    const { real, dry } = hosts();
    const ran: string[] = [];
    const step = async (): Promise<string> => {
      ran.push('step');
      return 'looked';
    };
    expect(await real.plan.afterChanges(step, () => 'planned')).toBe('looked');
    expect(await dry.plan.afterChanges(step, () => 'planned')).toBe('planned');
    await dry.plan.afterChanges(async () => void ran.push('wait'));
    expect(ran).toEqual(['step']);
  });

  it('words outcome lines as done or as planned', () => {
    const { real, dry } = hosts();
    expect(real.plan.report('Created web', 'web would be created')).toBe('Created web');
    expect(dry.plan.report('Created web', 'web would be created')).toBe('web would be created (dry run: nothing was changed)');
  });
});

describe("a dry-run host's store", () => {
  it('keeps run state in memory, unshown, and answers it as planned; shows other writes', async () => {
    const { dry, printed, dir } = hosts();
    const status = path.join(dir, 'pot_status_web');
    writeFileSync(status, 'pot.status=doa,\n');
    utimesSync(status, 1_600_000_000, 1_600_000_000);
    const store = dry.files.store;

    await store.replace(status, 'pot.status=starting,\n', { runtime: true });
    expect(await store.readIfExists(status)).toBe('pot.status=starting,\n');
    expect(await store.modifiedAt(status)).toBe(1_700_000_000_000);
    await store.remove(status);
    expect(await store.readIfExists(status)).toBeUndefined();
    expect(await store.modifiedAt(status)).toBeUndefined();
    expect(readFileSync(status, 'utf8')).toBe('pot.status=doa,\n');

    const conf = path.join(dir, 'pot.conf');
    await store.replace(conf, 'pot.level=0\n');
    expect(existsSync(conf)).toBe(false);
    expect(await store.readIfExists(conf)).toBeUndefined();
    expect(printed).toEqual([`# write ${conf}:`, '#   pot.level=0']);
  });

  it('on a real host, writes and removes run state on disk', async () => {
    const { real, dir } = hosts();
    const status = path.join(dir, 'tmp', 'pot_status_web');
    await real.files.store.replace(status, 'pot.status=started,\n', { runtime: true });
    expect(readFileSync(status, 'utf8')).toBe('pot.status=started,\n');
    await real.files.store.remove(status);
    expect(existsSync(status)).toBe(false);
  });
});
