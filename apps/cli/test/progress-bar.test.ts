import { describe, expect, it } from 'vitest';
import { createProgressBar, formatBytes, formatProgress } from '../src/progress-bar.js';

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
