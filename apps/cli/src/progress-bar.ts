/**
 * A one-line progress bar for a terminal (`\r`-redrawn on stderr), for downloads
 * and extractions: `base.txz [#########-----------]  45%  81.2 MiB / 180.0 MiB`.
 */

const UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'];

/** Bytes as a human-readable size (`81.2 MiB`). */
export function formatBytes(n: number): string {
  let value = n;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${UNITS[unit]}`;
}

/** The bar's text (no `\r`): a bar and a percentage when the total is known, else only what arrived. */
export function formatProgress(label: string, received: number, total: number | undefined, width = 30): string {
  if (total === undefined || total <= 0) return `${label} ${formatBytes(received)}`;
  const ratio = Math.min(1, Math.max(0, received / total));
  const filled = Math.round(ratio * width);
  const percent = String(Math.floor(ratio * 100)).padStart(3, ' ');
  return `${label} [${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${percent}%  ${formatBytes(received)} / ${formatBytes(total)}`;
}

export interface ProgressBar {
  update(received: number, total: number | undefined): void;
  /** Ends the line (once something was drawn). */
  done(): void;
}

/** A bar that redraws itself through `write` (the terminal's stderr). */
export function createProgressBar(label: string, write: (text: string) => void): ProgressBar {
  let last = '';
  let drawn = false;
  return {
    update(received, total) {
      const line = formatProgress(label, received, total);
      if (line === last) return;
      write(`\r${line}${' '.repeat(Math.max(0, last.length - line.length))}`);
      last = line;
      drawn = true;
    },
    done() {
      if (drawn) write('\n');
      drawn = false;
      last = '';
    },
  };
}

/** Steps (downloads, extractions) shorter than this draw nothing. */
export const PROGRESS_DELAY_MS = 1000;

export interface TerminalProgress {
  /** A display for one download or extraction (pot-core's Reporter.progress). */
  start(label: string): ProgressBar;
  /** Ends the line of the display being drawn, before other output. */
  interrupt(): void;
}

/**
 * The one progress mechanism of the CLI: a bar per download or extraction on
 * the terminal's stderr, drawn once the step has lasted PROGRESS_DELAY_MS
 * (`now` is the clock; tests give their own).
 */
export function terminalProgress(write: (text: string) => void, now: () => number = Date.now): TerminalProgress {
  let active: ProgressBar | undefined;
  return {
    start(label) {
      const bar = createProgressBar(label, write);
      const since = now();
      active = bar;
      return {
        update(received, total) {
          if (now() - since >= PROGRESS_DELAY_MS) bar.update(received, total);
        },
        done() {
          bar.done();
          if (active === bar) active = undefined;
        },
      };
    },
    interrupt() {
      active?.done();
    },
  };
}
