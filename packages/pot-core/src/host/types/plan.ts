/** What a dry run cannot know. */

/**
 * What a plan (`--dry-run`) cannot know, answered by the host (host/plan.ts). A dry-run host
 * prints the changes instead of making them, so a step that looks at what the changes before it
 * made (a download's digest, the directories an extraction made, a mountpoint just set, a jail
 * just started) has nothing to look at. Actions say that a step depends on earlier changes; they
 * never ask whether this is a dry run.
 */
export interface PlanOps {
  /** Runs `step`, which needs what earlier changes made; a plan does not run it and answers `planned()` instead (nothing, without it). */
  afterChanges(step: () => Promise<void>): Promise<void>;
  afterChanges<T>(step: () => Promise<T>, planned: () => T): Promise<T>;
  /** The line saying what was done; a plan's says what would be, and that nothing was. */
  report(done: string, planned: string): string;
}
