import { describe, expect, it } from 'vitest';
import { thrown } from '../../../test/thrown-pot-error.js';
import { cpuCount, memoryConstraint } from './resource-limits.js';
import { cpuMhz, formatResourceUsage, formatResourceUsageJson, resourceUsage } from '../queries/resource-usage.js';

describe('set-rss values', () => {
  it.each(['1', '512M', '512m', '2G', '2g', '1024k', '1024K', '4096b', '4096B', '007M'])('memory %s is accepted as given', (v) =>
    expect(memoryConstraint(v)).toBe(v),
  );
  it.each(['', 'M', '12X', '1.5G', '512MB', '-1', ' 5', '5 ', '0x10', '1T'])('memory %j is not a memory constraint', (v) => {
    const e = thrown(() => memoryConstraint(v));
    expect(e.code).toBe('usage');
    expect(e.message).toBe(`${v} is not a valid memory constraint`);
  });
  it.each(['0', '00', '0M', '000g', '0b'])('memory %s is zero', (v) =>
    expect(thrown(() => memoryConstraint(v)).message).toBe('Memory constraint has to be greater than zero'),
  );
  it.each(['1', '2', '16', '02'])('cpus %s', (v) => expect(cpuCount(v)).toBe(v));
  it.each(['0', '00', '', '-1', '1.5', 'two', '2 ', '+2'])('cpus %j is refused with shell pot message', (v) =>
    expect(thrown(() => cpuCount(v)).message).toBe(`${v} is a not valid amount of CPUs!`),
  );
});

describe('get-rss', () => {
  it('MHz: clock rate x pcpu / 100, cut to three decimals (a leading 0, unlike bc)', () => {
    expect(cpuMhz('2400', '3')).toBe('72.000');
    expect(cpuMhz('33', '3')).toBe('0.990');
    expect(cpuMhz('2401', '7')).toBe('168.070');
    expect(cpuMhz('1', '1')).toBe('0.010');
    expect(cpuMhz('2400', '0')).toBe('0.000');
    expect(cpuMhz(undefined, '50')).toBe('0.000');
    expect(cpuMhz('2400', '')).toBe('0.000');
  });

  const counters = { cputime: '17', pcpu: '3', vmemoryuse: '67108864', memoryuse: '12582912', swapuse: '4096', wallclock: '10' };

  it("shell pot's report", () => {
    expect(formatResourceUsage(resourceUsage('web', counters, '2400'))).toBe(
      'Resource usage by the pot web\n\tcpu time (ticks spent) : 17\n\tcpu time (MHz)         : 72.000\n\tpcpu (%)               : 3\n\tvirtual memory         : 67108864\n\tphysical memory        : 12582912\n\tswap memory            : 4096\n',
    );
  });

  it('-J: the JSON nomad-pot-driver decodes (integers for RSS, Swap and Percent)', () => {
    const text = formatResourceUsageJson(resourceUsage('web', counters, '2400'));
    expect(text).toBe('{ "ResourceUsage": { "MemoryStats": { "RSS" : 12582912, "Swap" : 4096 }, "CpuStats": { "TotalTicks": 72.000, "Percent": 3 } } } \n');
    const parsed = JSON.parse(text) as { ResourceUsage: { MemoryStats: { RSS: number }; CpuStats: { TotalTicks: number; Percent: number } } };
    expect(Number.isInteger(parsed.ResourceUsage.CpuStats.Percent)).toBe(true);
    expect(parsed.ResourceUsage.CpuStats.TotalTicks).toBe(72);
  });

  it('missing or odd counters are 0, so the JSON stays valid', () => {
    const u = resourceUsage('web', { memoryuse: '12M', pcpu: '0042' }, '33');
    expect(u).toMatchObject({ cputime: '0', physicalMemory: '0', swap: '0', pcpu: 42, cpuMhz: '13.860' });
    expect(() => JSON.parse(formatResourceUsageJson(resourceUsage('web', {}, undefined)))).not.toThrow();
  });
});
