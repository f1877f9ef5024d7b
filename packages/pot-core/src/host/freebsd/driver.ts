/**
 * The FreeBSD driver of the host seam: each operation becomes the command line
 * shell pot issues for the same step (see the golden commands.log files), run
 * through a CommandRunner. Tools are found through PATH, so a fake FreeBSD
 * host can stand in by putting its bin directory first. One module per group
 * of operations (datasets.ts, jails.ts, network.ts, …), assembled here.
 */
import type { CommandRunner } from '../command.js';
import { systemClock } from '../clock.js';
import { createFileOps } from '../files.js';
import { performedPlan, printedPlan } from '../plan.js';
import { createDryRunRunner, createExecaRunner } from '../runners.js';
import type { ClockOps, Host } from '../types.js';
import { createArchiveOps } from './archives.js';
import { createDatasetOps } from './datasets.js';
import { createDownloadOps } from './downloads.js';
import { createImageOps } from './images.js';
import { createJailOps } from './jails.js';
import { createKernelModuleOps, createKernelParamOps } from './kernel.js';
import { createResourceLimitOps } from './limits.js';
import { createMountOps } from './mounts.js';
import { createNetworkOps } from './network.js';
import { createPacketFilterOps } from './packet-filter.js';
import { createProcessOps, createSocketOps } from './processes.js';
import { createServiceConfigOps } from './services.js';
import { createSyslogOps } from './syslog.js';
import { createSystemOps } from './system.js';
import { toolsOf } from './tools.js';

export interface FreeBsdHostOptions {
  /** Environment: PATH (tools), POT_HOST_ROOT, FAKEBSD_* ... (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Where host files (/etc/pf.conf, /etc/resolv.conf ...) live (default: env POT_HOST_ROOT, else `/`). */
  hostRoot?: string;
  /** Runs the commands (default: an execa runner with `env`). */
  runner?: CommandRunner;
  /**
   * Print mutating commands and file writes instead of performing them; queries
   * still run (through `runner`) so the decisions are those of a real run.
   */
  dryRun?: boolean;
  /** Where dry-run lines go (default: stdout). */
  print?: (line: string) => void;
  /** Time and waits (default: the machine's clock). */
  clock?: ClockOps;
}

export function createFreeBsdHost(options: FreeBsdHostOptions = {}): Host {
  const env = options.env ?? process.env;
  const hostRoot = options.hostRoot ?? (env.POT_HOST_ROOT !== undefined && env.POT_HOST_ROOT !== '' ? env.POT_HOST_ROOT : '/');
  const base = options.runner ?? createExecaRunner({ env });
  const clock = options.clock ?? systemClock;
  const runner: CommandRunner =
    options.dryRun === true && !base.dryRun ? createDryRunRunner(base, options.print === undefined ? {} : { print: options.print }) : base;
  const t = toolsOf(runner);
  const files = createFileOps(hostRoot, { runner, clock });
  const kmod = createKernelModuleOps(t);
  const sysctl = createKernelParamOps(t);
  return {
    platform: 'freebsd',
    clock,
    plan: runner.dryRun ? printedPlan : performedPlan,
    zfs: createDatasetOps(t),
    jails: createJailOps(t),
    net: createNetworkOps(t),
    pf: createPacketFilterOps(t, kmod, files),
    sysctl,
    kmod,
    rc: createServiceConfigOps(t),
    mounts: createMountOps(t),
    log: createSyslogOps(t),
    sockets: createSocketOps(t),
    processes: createProcessOps(t),
    limits: createResourceLimitOps(t, sysctl),
    downloads: createDownloadOps(runner),
    archives: createArchiveOps(runner),
    images: createImageOps(runner),
    files,
    system: createSystemOps(t),
  };
}
