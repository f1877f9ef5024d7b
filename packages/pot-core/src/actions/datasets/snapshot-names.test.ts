import { describe, expect, it } from 'vitest';
import { epochSnapshotName, msToNextSecond, newestSnapshot, oldestSnapshot, snapshotPart, snapshotsToPurge } from './snapshot-names.js';

describe('snapshot names', () => {
  it('the part after @', () => {
    expect(snapshotPart('zroot/pot/jails/web@1700000000')).toBe('1700000000');
    expect(snapshotPart('zroot/pot/jails/web/custom@before-upgrade')).toBe('before-upgrade');
  });

  it("newest and oldest follow the host's order (creation), not the names", () => {
    const names = ['1700000000', 'before-upgrade', '1700000100'];
    expect(newestSnapshot(names)).toBe('1700000100');
    expect(oldestSnapshot(names)).toBe('1700000000');
    expect(newestSnapshot([])).toBeUndefined();
    expect(oldestSnapshot([])).toBeUndefined();
  });

  it('purge keeps the newest unless all', () => {
    expect(snapshotsToPurge(['a', 'b', 'c'], false)).toEqual(['a', 'b']);
    expect(snapshotsToPurge(['a', 'b', 'c'], true)).toEqual(['a', 'b', 'c']);
    expect(snapshotsToPurge(['a'], false)).toEqual([]);
    expect(snapshotsToPurge([], false)).toEqual([]);
  });

  it('epoch seconds, and the wait until the next second', () => {
    expect(epochSnapshotName(1_700_000_000_999)).toBe('1700000000');
    expect(msToNextSecond(1_700_000_000_250)).toBe(755);
    expect(msToNextSecond(1_700_000_000_000)).toBe(1005);
  });
});
