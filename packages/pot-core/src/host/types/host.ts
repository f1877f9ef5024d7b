/** The Host: every operation group, assembled. */
import type { ClockOps } from './clock.js';
import type { DatasetOps } from './datasets.js';
import type { FileOps } from './files.js';
import type { JailOps } from './jails.js';
import type { KernelModuleOps, KernelParamOps } from './kernel.js';
import type { ResourceLimitOps } from './limits.js';
import type { MountOps } from './mounts.js';
import type { NetworkOps } from './network.js';
import type { PacketFilterOps } from './packet-filter.js';
import type { PlanOps } from './plan.js';
import type { ProcessOps, SocketOps } from './processes.js';
import type { ServiceConfigOps } from './services.js';
import type { SyslogOps } from './syslog.js';
import type { SystemOps } from './system.js';
import type { ArchiveOps, DownloadOps, ImageOps } from './transfers.js';

export interface Host {
  /** Which driver: `freebsd` (later `linux`). */
  readonly platform: string;
  /** Wall time and waits (the machine's clock; a test's own in tests). */
  readonly clock: ClockOps;
  /** How steps that need earlier changes are answered: run (a real host) or as planned (dry-run). */
  readonly plan: PlanOps;
  readonly zfs: DatasetOps;
  readonly jails: JailOps;
  readonly net: NetworkOps;
  readonly pf: PacketFilterOps;
  readonly sysctl: KernelParamOps;
  readonly kmod: KernelModuleOps;
  readonly rc: ServiceConfigOps;
  readonly mounts: MountOps;
  readonly log: SyslogOps;
  readonly sockets: SocketOps;
  readonly processes: ProcessOps;
  readonly limits: ResourceLimitOps;
  readonly downloads: DownloadOps;
  readonly archives: ArchiveOps;
  readonly images: ImageOps;
  /** Host files (`/etc/pf.conf`, ...), below the host root. */
  readonly files: FileOps;
  readonly system: SystemOps;
}
