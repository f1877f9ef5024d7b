/**
 * Snapshot names as pot makes and picks them: a new snapshot is named after
 * the epoch second it is taken in (shell pot's `date +%s`); "the last
 * snapshot" of a dataset is its newest one. The host lists a dataset's
 * snapshots oldest first (creation order), which is the order used here;
 * shell pot sorted the names instead (`sort -r | head -1`), the same order for
 * the epoch names pot makes, but a wrong one for a snapshot a user named
 * (`zfs rollback` refuses any snapshot but the newest).
 */

/** The snapshot part of `DS@SNAP`. */
export function snapshotPart(full: string): string {
  return full.slice(full.indexOf('@') + 1);
}

/** The newest of a dataset's snapshots (listed oldest first); undefined when there is none. */
export function newestSnapshot(names: readonly string[]): string | undefined {
  return names.at(-1);
}

/** The oldest of a dataset's snapshots (listed oldest first); undefined when there is none. */
export function oldestSnapshot(names: readonly string[]): string | undefined {
  return names[0];
}

/** What `purge-snapshots` destroys, oldest first: every snapshot but the newest, or all of them with `all`. */
export function snapshotsToPurge(names: readonly string[], all: boolean): string[] {
  return all ? [...names] : names.slice(0, -1);
}

/** The name of a snapshot taken at `nowMs`: its epoch second. */
export function epochSnapshotName(nowMs: number): string {
  return String(Math.floor(nowMs / 1000));
}

/** How long to wait until the next epoch second starts (a snapshot of this second exists already). */
export function msToNextSecond(nowMs: number): number {
  return 1000 - (nowMs % 1000) + 5;
}
