/**
 * Dispatch: argv[0] is the command (aliases resolved as shell pot does), the
 * rest goes to that command's module. Every error reaches reportError, the
 * single place that prints failures and picks the exit code.
 */
import type { ErrorMode } from './errors.js';
import { reportError, UsageError } from './errors.js';
import type { CliIO } from './io.js';
import { ALIASES, USAGE } from './usage.js';
import type { PotCommand } from './commands/common.js';
import { config } from './commands/config.js';
import { create } from './commands/create.js';
import { createBase } from './commands/create-base.js';
import { createPrivateBridge } from './commands/create-private-bridge.js';
import { deInit } from './commands/de-init.js';
import { destroy } from './commands/destroy.js';
import { doctor } from './commands/doctor.js';
import { exec } from './commands/exec.js';
import { exportPorts } from './commands/export-ports.js';
import { info } from './commands/info.js';
import { init } from './commands/init.js';
import { list } from './commands/list.js';
import { show } from './commands/show.js';
import { start } from './commands/start.js';
import { stop } from './commands/stop.js';
import { top } from './commands/top.js';
import { setHook } from './commands/set-hook.js';
import { prune } from './commands/prune.js';
import { ps } from './commands/ps.js';
import { run, term } from './commands/term.js';
import { updateConfig } from './commands/update-config.js';
import { version } from './commands/version.js';
import { vnetStart } from './commands/vnet-start.js';
import { getAttribute } from './commands/get-attribute.js';
import { lastRunStats } from './commands/last-run-stats.js';
import { setAttribute } from './commands/set-attribute.js';
import { setCmd } from './commands/set-cmd.js';
import { setEnv } from './commands/set-env.js';
import { copyIn } from './commands/copy-in.js';
import { copyOut } from './commands/copy-out.js';
import { mountIn } from './commands/mount-in.js';
import { mountOut } from './commands/mount-out.js';
import { snapshot } from './commands/snapshot.js';
import { revert } from './commands/revert.js';
import { purgeSnapshots } from './commands/purge-snapshots.js';
import { createFscomp } from './commands/create-fscomp.js';
import { cloneFscomp } from './commands/clone-fscomp.js';
import { clone } from './commands/clone.js';
import { exportPot } from './commands/export.js';
import { importPot } from './commands/import.js';
import { prepare } from './commands/prepare.js';
import { rename } from './commands/rename.js';
import { setRss } from './commands/set-rss.js';
import { getRss } from './commands/get-rss.js';
import { setHosts } from './commands/set-hosts.js';
import { addDep } from './commands/add-dep.js';
import { potSignal } from './commands/signal.js';

export const COMMANDS: ReadonlyMap<string, PotCommand> = new Map(
  [version, config, init, deInit, vnetStart, create, createBase, createPrivateBridge, list, info, destroy, doctor, exportPorts, show, start, stop, setAttribute, getAttribute, setCmd, setEnv, copyIn, copyOut, mountIn, mountOut, lastRunStats, term, run, ps, prune, updateConfig, exec, setRss, getRss, setHosts, addDep, potSignal, snapshot, revert, purgeSnapshots, createFscomp, cloneFscomp, clone, rename, exportPot, importPot, prepare, top, setHook].map((c) => [c.name, c]),
);

function resolve(name: string): string {
  return ALIASES[name] ?? name;
}

/** Runs one pot invocation; returns the exit code (never exits the process). */
export async function runPot(argv: readonly string[], io: CliIO): Promise<number> {
  const mode: ErrorMode = { json: false, quiet: false };
  try {
    const [first, ...rest] = argv;
    if (first === undefined) throw new UsageError('a command is needed', USAGE);
    const name = resolve(first);
    if (name === 'help') {
      if (rest[0] === undefined) {
        io.stdout(USAGE);
        return 0;
      }
      const target = resolve(rest[0]);
      const command = COMMANDS.get(target);
      if (command) {
        io.stdout(command.help);
        return 0;
      }
      throw new UsageError(`Command ${rest[0]} unknown`, USAGE);
    }
    const command = COMMANDS.get(name);
    if (command) return await command.run(rest, { io, mode });
    throw new UsageError(`unknown command ${first}`, USAGE);
  } catch (err) {
    return reportError(err, io, mode);
  }
}
