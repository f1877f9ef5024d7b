import { describe, expect, it } from 'vitest';
import { actionContext } from '../src/action-context.js';
import { createProgressBar, formatBytes, formatProgress, PROGRESS_DELAY_MS, terminalProgress } from '../src/progress-bar.js';

describe('progress bar', () => {
  it('formats sizes and the bar', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(1536)).toBe('1.5 KiB');
    expect(formatBytes(180 * 1024 * 1024)).toBe('180.0 MiB');
    expect(formatProgress('base.txz', 45, 100, 10)).toBe('base.txz [#####-----]  45%  45 B / 100 B');
    expect(formatProgress('base.txz', 200, 100, 4)).toBe('base.txz [####] 100%  200 B / 100 B');
    expect(formatProgress('base.txz', 2048, undefined)).toBe('base.txz 2.0 KiB');
  });

  it('redraws one line and ends it once', () => {
    let out = '';
    const bar = createProgressBar('f', (t) => (out += t));
    bar.update(0, 10);
    bar.update(0, 10);
    bar.update(10, 10);
    bar.done();
    bar.done();
    expect(out.split('\r')).toHaveLength(3);
    expect(out.endsWith('100%  10 B / 10 B\n')).toBe(true);
    expect(out.match(/\n/g)).toHaveLength(1);
  });
});

describe('terminalProgress (every download of every command)', () => {
  it('draws nothing for a download shorter than a second, a bar once it lasts longer; done ends the line', () => {
    let out = '';
    let t = 1000;
    const bars = terminalProgress(
      (text) => (out += text),
      () => t,
    );
    const quick = bars.start('a.xz');
    t += PROGRESS_DELAY_MS - 1;
    quick.update(5, 10);
    quick.done();
    expect(out).toBe('');
    const slow = bars.start('b.xz');
    slow.update(1, 10);
    t += PROGRESS_DELAY_MS;
    slow.update(5, 10);
    expect(out).toBe(`\r${formatProgress('b.xz', 5, 10)}`);
    slow.done();
    expect(out.endsWith('\n')).toBe(true);
  });

  it("output while a bar is drawn first ends the bar's line", () => {
    let out = '';
    let t = 0;
    const bars = terminalProgress(
      (text) => (out += text),
      () => t,
    );
    const bar = bars.start('c.txz');
    t = PROGRESS_DELAY_MS;
    bar.update(1, 2);
    bars.interrupt();
    expect(out).toMatch(/^\rc\.txz .*\n$/);
  });

  it('the action context offers it when stderr is a terminal, and not otherwise', () => {
    const io = (tty: boolean) => ({ stdout: () => {}, stderr: () => {}, env: { PATH: '/nonexistent', POT_ZFS_ROOT: 'zroot/pot' }, stderrIsTTY: tty });
    expect(actionContext({ io: io(true) }, { verbose: 0, warnConfig: false }).report.progress).toBeTypeOf('function');
    expect(actionContext({ io: io(false) }, { verbose: 0, warnConfig: false }).report.progress).toBeUndefined();
  });
});
