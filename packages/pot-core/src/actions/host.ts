/**
 * The host as the actions see it: commands (by name, resolved through PATH so a
 * fake FreeBSD host can stand in), files, and the mapping of fixed system paths
 * (/etc, /usr/local/etc, /var/log) below POT_HOST_ROOT.
 *
 * This is a thin interface on purpose: pot-core's host seam
 * (packages/pot-core/src/host) is being landed in parallel; `ActionHost` is the
 * one place to swap for it. Every effect of init, de-init, vnet-start and the
 * bridge commands goes through an ActionHost.
 */
import { execa } from 'execa';
import { promises as fs } from 'node:fs';
import path from 'node:path';

export interface RunResult {
  exitCode: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  /** Text given on stdin. */
  input?: string;
  /** The command changes host state: dry-run prints it instead of running it. */
  mutating?: boolean;
  /** Text the command reads from a file named in its arguments (shown by dry-run). */
  reads?: string;
  /** What dry-run answers for this mutating command (e.g. the bridge name `ifconfig bridge create` prints). */
  dryRunStdout?: string;
}

/**
 * The shape of pot-core's host seam CommandRunner (src/host), typed structurally
 * so the actions can take one as soon as it is exported.
 */
export interface CommandRunnerLike {
  readonly dryRun: boolean;
  run(command: {
    file: string;
    args: readonly string[];
    mutating: boolean;
    input?: string;
    reads?: string;
    dryRunStdout?: string;
  }): Promise<{ exitCode: number; stdout: string; stderr: string }>;
  note?(lines: readonly string[]): void;
}

export interface ActionHost {
  run(command: string, args: readonly string[], options?: RunOptions): Promise<RunResult>;
  /** A fixed system path (`/etc/pf.conf`) as seen by this process. */
  hostPath(systemPath: string): string;
  readFile(file: string): Promise<string | undefined>;
  writeFile(file: string, content: string): Promise<void>;
  copyFile(from: string, to: string): Promise<void>;
  exists(file: string): Promise<boolean>;
  isDirectory(file: string): Promise<boolean>;
  listDir(dir: string): Promise<string[]>;
  mkdirp(dir: string): Promise<void>;
  chmod(file: string, mode: number): Promise<void>;
  remove(file: string): Promise<void>;
  /** Removes a directory only when it is empty; true when it was removed. */
  rmdirIfEmpty(dir: string): Promise<boolean>;
  /** True when commands and file writes are only printed. */
  readonly dryRun: boolean;
}

export interface HostOptions {
  env?: NodeJS.ProcessEnv;
  /** Print mutating commands and file writes instead of performing them. */
  dryRun?: boolean;
  /** Where dry-run lines go (default: stdout). */
  print?: (line: string) => void;
  /** Run commands through this runner (pot-core's host seam) instead of the built-in execa one. */
  runner?: CommandRunnerLike;
}

/** Quotes one argument the way sh would need it (for dry-run output). */
export function shellQuote(arg: string): string {
  if (arg !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(arg)) return arg;
  return `'${arg.replace(/'/g, `'\\''`)}'`;
}

export function formatCommand(command: string, args: readonly string[]): string {
  return [command, ...args].map(shellQuote).join(' ');
}

export function createActionHost(options: HostOptions = {}): ActionHost {
  const env = options.env ?? process.env;
  if (options.runner !== undefined && options.dryRun === undefined) options = { ...options, dryRun: options.runner.dryRun };
  const hostRoot = env.POT_HOST_ROOT ?? env.FAKEBSD_HOSTROOT ?? '';
  const dryRun = options.dryRun ?? false;
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const childEnv: NodeJS.ProcessEnv = { ...env, IFCONFIG_FORMAT: 'addr:default', LC_ALL: 'C' };

  const plan = (line: string): void => print(line);

  return {
    dryRun,
    async run(command, args, runOptions = {}) {
      if (options.runner !== undefined) {
        const { input, reads, dryRunStdout } = runOptions;
        const r = await options.runner.run({
          file: command,
          args,
          mutating: runOptions.mutating ?? false,
          ...(input === undefined ? {} : { input }),
          ...(reads === undefined ? {} : { reads }),
          ...(dryRunStdout === undefined ? {} : { dryRunStdout }),
        });
        return { exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr };
      }
      if (dryRun && runOptions.mutating) {
        plan(formatCommand(command, args));
        for (const line of (runOptions.reads ?? runOptions.input ?? '').replace(/\n$/, '').split('\n')) {
          if (line !== '') plan(`    | ${line}`);
        }
        return { exitCode: 0, stdout: runOptions.dryRunStdout ?? '', stderr: '' };
      }
      const result = await execa(command, [...args], {
        env: childEnv,
        extendEnv: false,
        reject: false,
        stripFinalNewline: false,
        ...(runOptions.input === undefined ? { stdin: 'ignore' as const } : { input: runOptions.input }),
      });
      const exitCode = typeof result.exitCode === 'number' ? result.exitCode : 127;
      return { exitCode, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
    },
    hostPath(systemPath) {
      return hostRoot === '' ? systemPath : path.join(hostRoot, systemPath);
    },
    async readFile(file) {
      try {
        return await fs.readFile(file, 'utf8');
      } catch {
        return undefined;
      }
    },
    async writeFile(file, content) {
      if (dryRun) {
        plan(`# write ${file}:`);
        for (const line of content.replace(/\n$/, '').split('\n')) plan(`#   ${line}`);
        return;
      }
      await fs.writeFile(file, content);
    },
    async copyFile(from, to) {
      if (dryRun) return plan(formatCommand('cp', [from, to]));
      await fs.copyFile(from, to);
    },
    async exists(file) {
      try {
        await fs.access(file);
        return true;
      } catch {
        return false;
      }
    },
    async isDirectory(file) {
      try {
        return (await fs.stat(file)).isDirectory();
      } catch {
        return false;
      }
    },
    async listDir(dir) {
      try {
        return (await fs.readdir(dir)).sort();
      } catch {
        return [];
      }
    },
    async mkdirp(dir) {
      if (dryRun) {
        if (!(await this.isDirectory(dir))) plan(formatCommand('mkdir', ['-p', dir]));
        return;
      }
      await fs.mkdir(dir, { recursive: true });
    },
    async chmod(file, mode) {
      if (dryRun) return plan(formatCommand('chmod', [mode.toString(8), file]));
      await fs.chmod(file, mode);
    },
    async remove(file) {
      if (dryRun) return plan(formatCommand('rm', ['-rf', file]));
      await fs.rm(file, { recursive: true, force: true });
    },
    async rmdirIfEmpty(dir) {
      if ((await this.listDir(dir)).length > 0 || !(await this.isDirectory(dir))) return false;
      if (dryRun) {
        plan(formatCommand('rmdir', [dir]));
        return true;
      }
      try {
        await fs.rmdir(dir);
        return true;
      } catch {
        return false;
      }
    },
  };
}
