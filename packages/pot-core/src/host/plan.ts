/**
 * The host's answer to steps that need what earlier changes made (`PlanOps`):
 * a real host runs them; a dry-run host, whose changes were only printed,
 * answers as planned. This is the one place a dry run's outcome lines are worded.
 */
import type { PlanOps } from './types.js';

/** A host that makes its changes: every step runs, every line says what was done. */
export const performedPlan: PlanOps = {
  afterChanges<T>(step: () => Promise<T>): Promise<T> {
    return step();
  },
  report: (done) => done,
};

/** A dry-run host: steps after changes answer as planned, lines say what would be done. */
export const printedPlan: PlanOps = {
  async afterChanges<T>(_step: () => Promise<T>, planned?: () => T): Promise<T> {
    return planned?.() as T;
  },
  report: (_done, planned) => `${planned} (dry run: nothing was changed)`,
};
