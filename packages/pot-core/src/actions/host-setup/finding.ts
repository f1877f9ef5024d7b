/** One line of `pot doctor`'s report: what was checked, how it stands, and what to do. */
export type Severity = 'ok' | 'warning' | 'error';

export interface Finding {
  check: string;
  severity: Severity;
  message: string;
  fix?: string;
}
