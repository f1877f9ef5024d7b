/**
 * Reading and writing a host's pot files: every write is atomic (temp file +
 * fsync + rename) and every read-modify-write of a pot's files runs under
 * that pot's lock (shell pot edited pot.conf with `sed -i` unlocked, losing
 * concurrent updates). The files are the host's (host/store-files.ts), so a
 * dry-run host shows the writes instead of making them (and keeps the status
 * the plan moves a pot to, unshown).
 */
import { createStoreFiles } from '../host/store-files.js';
import type { StoreFiles } from '../host/types.js';
import { PotError } from '../errors/pot-error.js';
import { validateName } from '../names/names.js';
import { type LockOptions, withPotLock } from '../locks/locks.js';
import { type BridgeDefinition, bridgeFileText, parseBridgeFile } from './bridge-file.js';
import { FscompConf } from './fscomp-conf.js';
import { bridgeFilePath, bridgesDir, fscompConfPath, potConfPath } from './paths.js';
import { PotConf } from './pot-conf.js';
import { formatStatus, parseStatusText, type PotState, type PotStatus, statusFilePath, transition, type TransitionResult } from './status.js';
import { KeyValueFile } from './key-value-file.js';
import { ownedFile } from './file-errors.js';

const potRemedy = (pot: string): string => `repair or remove the file, or remove the pot with 'pot destroy -F -p ${pot}'`;
const bridgeRemedy = (name: string): string => `repair or remove the file (the bridge ${name} is defined by it alone)`;
/** A write that failed left the previous file whole (atomic replacement). */
const writeRemedy = 'the previous file is unchanged; free space or fix the permissions, then run the command again';

export interface PotStoreOptions {
  /** POT_FS_ROOT. */
  fsRoot: string;
  /** POT_TMP (status files, per-pot locks); default /tmp. */
  tmp?: string;
  /** Directory of the per-pot locks (default: env POT_LOCK_DIR, else `tmp`). */
  lockDir?: string;
  /** Lock waiting (timeout, backoff). */
  lock?: LockOptions;
  /**
   * The boot time (seconds since the epoch, `kern.boottime`): status files
   * older than it are ignored. Undefined: every status file counts.
   */
  bootTime?: () => Promise<number | undefined> | number | undefined;
  /** The host's store files (default: this machine's, never dry-run). */
  files?: StoreFiles;
}

export class PotStore {
  readonly fsRoot: string;
  readonly tmp: string;
  private readonly options: PotStoreOptions;
  private readonly files: StoreFiles;

  constructor(options: PotStoreOptions) {
    this.options = options;
    this.files = options.files ?? createStoreFiles();
    this.fsRoot = options.fsRoot;
    this.tmp = options.tmp || '/tmp';
  }

  private lockPaths(): { potTmp: string; env: NodeJS.ProcessEnv } & LockOptions {
    const env = this.options.lockDir === undefined ? process.env : { POT_LOCK_DIR: this.options.lockDir };
    return { potTmp: this.tmp, env, ...this.options.lock };
  }

  /** Runs `fn` holding the pot's lock (re-entrant). */
  withPotLock<T>(pot: string, fn: () => Promise<T>): Promise<T> {
    validateName('pot', pot, { purpose: 'existing' });
    return withPotLock(pot, fn, this.lockPaths());
  }

  // pot.conf

  async readPotConf(pot: string): Promise<PotConf | undefined> {
    validateName('pot', pot, { purpose: 'existing' });
    const file = potConfPath(this.fsRoot, pot);
    const text = await ownedFile(`pot ${pot}`, file, 'read', potRemedy(pot), () => this.files.readIfExists(file));
    return text === undefined ? undefined : PotConf.parse(text);
  }

  /** Writes pot.conf atomically (creating conf/ when missing). Callers changing a pot hold its lock (see updatePotConf). */
  async writePotConf(pot: string, conf: PotConf | string): Promise<void> {
    validateName('pot', pot, { purpose: 'existing' });
    const file = potConfPath(this.fsRoot, pot);
    await ownedFile(`pot ${pot}`, file, 'written', writeRemedy, async () => {
      await this.files.replace(file, conf.toString());
    });
  }

  /**
   * Read-modify-write of pot.conf under the pot's lock. `mutate` changes the
   * PotConf in place (or returns a new one); a missing pot.conf starts empty
   * unless `mustExist`.
   */
  async updatePotConf(
    pot: string,
    mutate: (conf: PotConf) => PotConf | void | Promise<PotConf | void>,
    options: { mustExist?: boolean } = {},
  ): Promise<PotConf> {
    return this.withPotLock(pot, async () => {
      const current = await this.readPotConf(pot);
      if (current === undefined && options.mustExist !== false) {
        throw new PotError('not-found', `pot ${pot} has no configuration (${potConfPath(this.fsRoot, pot)})`, {
          suggestion: `check the name with 'pot ls'`,
        });
      }
      const conf = current ?? PotConf.parse('');
      const before = conf.toString();
      const result = (await mutate(conf)) ?? conf;
      if (result.toString() !== before) await this.writePotConf(pot, result);
      return result;
    });
  }

  // fscomp.conf

  async readFscompConf(pot: string): Promise<FscompConf | undefined> {
    validateName('pot', pot, { purpose: 'existing' });
    const file = fscompConfPath(this.fsRoot, pot);
    const text = await ownedFile(`pot ${pot}`, file, 'read', potRemedy(pot), () => this.files.readIfExists(file));
    return text === undefined ? undefined : FscompConf.parse(text);
  }

  async writeFscompConf(pot: string, conf: FscompConf | string): Promise<void> {
    validateName('pot', pot, { purpose: 'existing' });
    const file = fscompConfPath(this.fsRoot, pot);
    await ownedFile(`pot ${pot}`, file, 'written', writeRemedy, async () => {
      await this.files.replace(file, conf.toString());
    });
  }

  async updateFscompConf(pot: string, mutate: (conf: FscompConf) => FscompConf | void | Promise<FscompConf | void>): Promise<FscompConf> {
    return this.withPotLock(pot, async () => {
      const conf = (await this.readFscompConf(pot)) ?? FscompConf.parse('');
      const before = conf.toString();
      const result = (await mutate(conf)) ?? conf;
      if (result.toString() !== before) await this.writeFscompConf(pot, result);
      return result;
    });
  }

  // status

  statusPath(pot: string): string {
    validateName('pot', pot, { purpose: 'existing' });
    return statusFilePath(this.tmp, pot);
  }

  /** The pot's status, undefined when there is none or the file predates the boot. */
  async readStatus(pot: string): Promise<PotStatus | undefined> {
    const file = this.statusPath(pot);
    const modified = await this.files.modifiedAt(file);
    if (modified === undefined) return undefined;
    const boot = await this.options.bootTime?.();
    if (boot !== undefined && boot > Math.floor(modified / 1000)) return undefined;
    const text = await ownedFile(`pot ${pot}`, file, 'read', `remove the file: it only records whether the pot runs`, () => this.files.readIfExists(file));
    return text === undefined ? undefined : parseStatusText(text);
  }

  async writeStatus(pot: string, status: PotStatus): Promise<void> {
    const file = this.statusPath(pot);
    await ownedFile(`pot ${pot}`, file, 'written', writeRemedy, async () => {
      await this.files.replace(file, formatStatus(status), { runtime: true });
    });
  }

  /** shell pot's `set-status` under the pot's lock: writes the new status when the transition is allowed. */
  async setStatus(pot: string, to: PotState, interfaces = ''): Promise<TransitionResult> {
    return this.withPotLock(pot, async () => {
      const result = transition(await this.readStatus(pot), to, interfaces);
      if (result.outcome === 'ok') await this.writeStatus(pot, result.next);
      return result;
    });
  }

  async removeStatus(pot: string): Promise<void> {
    await this.files.remove(this.statusPath(pot));
  }

  // bridges

  async readBridge(name: string): Promise<BridgeDefinition | undefined> {
    validateName('bridge', name, { purpose: 'existing' });
    const file = bridgeFilePath(this.fsRoot, name);
    const text = await ownedFile(`bridge ${name}`, file, 'read', bridgeRemedy(name), () => this.files.readIfExists(file));
    if (text === undefined) return undefined;
    const def = parseBridgeFile(text, name);
    return def === undefined ? undefined : { name: def.name, net: def.net, gateway: def.gateway };
  }

  /** The raw bridge file (lossless), undefined when missing. */
  async readBridgeFile(name: string): Promise<KeyValueFile | undefined> {
    validateName('bridge', name, { purpose: 'existing' });
    const file = bridgeFilePath(this.fsRoot, name);
    const text = await ownedFile(`bridge ${name}`, file, 'read', bridgeRemedy(name), () => this.files.readIfExists(file));
    return text === undefined ? undefined : KeyValueFile.parse(text);
  }

  async writeBridge(def: BridgeDefinition): Promise<void> {
    validateName('bridge', def.name);
    const file = bridgeFilePath(this.fsRoot, def.name);
    await ownedFile(`bridge ${def.name}`, file, 'written', writeRemedy, async () => {
      await this.files.replace(file, bridgeFileText(def));
    });
  }

  /** Bridge file names, sorted. */
  async listBridges(): Promise<string[]> {
    const names = await this.files.entries(bridgesDir(this.fsRoot));
    return names
      .filter((d) => d.isFile && !d.name.startsWith('.'))
      .map((d) => d.name)
      .sort();
  }

  /** Pot names (directories below FS/jails), sorted. */
  async listPots(): Promise<string[]> {
    const names = await this.files.entries(`${this.fsRoot}/jails`);
    return names
      .filter((d) => d.isDirectory)
      .map((d) => d.name)
      .sort();
  }
}
