/**
 * `pot get-rss -p POT [-J]` (shell pot 0.16.0): what a running pot
 * uses, from the resource accounting's raw counters, as a report or as the
 * JSON nomad-pot-driver reads (`RSS`, `Swap`, `Percent` integers).
 */
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import type { ActionContext } from '../context/context.js';
import { requireRoot } from '../context/context.js';

export interface PotResourceUsage {
  pot: string;
  /** CPU time used so far (seconds, `cputime`). */
  cputime: string;
  /** The CPU share as MHz: clock rate × pcpu / 100, three decimals. */
  cpuMhz: string;
  /** Percent of one CPU (`pcpu`). */
  pcpu: number;
  /** Bytes: `vmemoryuse`, `memoryuse` (resident), `swapuse`. */
  virtualMemory: string;
  physicalMemory: string;
  swap: string;
}

/** A counter as digits ('0' when missing or not a whole number). */
function counter(raw: string | undefined): string {
  const v = (raw ?? '').trim();
  return /^[0-9]+$/.test(v) ? v.replace(/^0+(?=[0-9])/, '') : '0';
}

/**
 * clock rate (MHz) × pcpu / 100 with three decimals, cut as bc's `scale=3`
 * cuts (shell pot printed bc's `.990` for 0.99, which is not a JSON number).
 */
export function cpuMhz(clockrate: string | undefined, pcpu: string | undefined): string {
  const thousandths = Number(counter(clockrate)) * Number(counter(pcpu)) * 10;
  return `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, '0')}`;
}

/** The usage from raw accounting counters and the clock rate. */
export function resourceUsage(pot: string, counters: Readonly<Record<string, string>>, clockrate: string | undefined): PotResourceUsage {
  return {
    pot,
    cputime: counter(counters.cputime),
    cpuMhz: cpuMhz(clockrate, counters.pcpu),
    pcpu: Number(counter(counters.pcpu)),
    virtualMemory: counter(counters.vmemoryuse),
    physicalMemory: counter(counters.memoryuse),
    swap: counter(counters.swapuse),
  };
}

/** Shell pot's report. */
export function formatResourceUsage(u: PotResourceUsage): string {
  return [
    `Resource usage by the pot ${u.pot}`,
    `\tcpu time (ticks spent) : ${u.cputime}`,
    `\tcpu time (MHz)         : ${u.cpuMhz}`,
    `\tpcpu (%)               : ${u.pcpu}`,
    `\tvirtual memory         : ${u.virtualMemory}`,
    `\tphysical memory        : ${u.physicalMemory}`,
    `\tswap memory            : ${u.swap}`,
    '',
  ].join('\n');
}

/** `-J`: shell pot's JSON line, byte for byte (nomad-pot-driver's TaskResourceUsage). */
export function formatResourceUsageJson(u: PotResourceUsage): string {
  return `{ "ResourceUsage": { "MemoryStats": { "RSS" : ${u.physicalMemory}, "Swap" : ${u.swap} }, "CpuStats": { "TotalTicks": ${u.cpuMhz}, "Percent": ${u.pcpu} } } } \n`;
}

/** The usage of a running pot; needs root and resource accounting (`kern.racct.enable=1`). */
export async function potResourceUsage(ctx: ActionContext, pot: string): Promise<PotResourceUsage> {
  validatePotName(pot, { purpose: 'existing' });
  if (!(await ctx.host.jails.isRunning(pot))) {
    throw new PotError('host-state', `The pot ${pot} is not running`, { suggestion: `start it with 'pot start ${pot}'` });
  }
  await requireRoot(ctx);
  if (!(await ctx.host.limits.available())) {
    throw new PotError('unsupported', 'To get resource usage, rctl has to be enabled', {
      suggestion: 'set kern.racct.enable=1 in /boot/loader.conf and reboot',
    });
  }
  const counters = await ctx.host.limits.usage(pot, { raw: true });
  return resourceUsage(pot, counters, await ctx.host.sysctl.get('hw.clockrate', { quiet: true }));
}
