/**
 * Every pot command, registered here once, in the order of shell pot's usage.
 * The dispatcher, the usage, the completions and the man page read this list.
 */
import type { AnyCommand } from '../definition.js';
import { addDep } from './add-dep.js';
import { clone } from './clone.js';
import { cloneFscomp } from './clone-fscomp.js';
import { config } from './config.js';
import { copyIn } from './copy-in.js';
import { copyOut } from './copy-out.js';
import { create } from './create.js';
import { createBase } from './create-base.js';
import { createFscomp } from './create-fscomp.js';
import { createPrivateBridge } from './create-private-bridge.js';
import { deInit } from './de-init.js';
import { destroy } from './destroy.js';
import { doctor } from './doctor.js';
import { exec } from './exec.js';
import { exportPot } from './export.js';
import { exportPorts } from './export-ports.js';
import { getAttribute } from './get-attribute.js';
import { getRss } from './get-rss.js';
import { importPot } from './import.js';
import { info } from './info.js';
import { init } from './init.js';
import { lastRunStats } from './last-run-stats.js';
import { list } from './list.js';
import { mountIn } from './mount-in.js';
import { mountOut } from './mount-out.js';
import { prepare } from './prepare.js';
import { prune } from './prune.js';
import { ps } from './ps.js';
import { purgeSnapshots } from './purge-snapshots.js';
import { rename } from './rename.js';
import { revert } from './revert.js';
import { setAttribute } from './set-attribute.js';
import { setCmd } from './set-cmd.js';
import { setEnv } from './set-env.js';
import { setHook } from './set-hook.js';
import { setHosts } from './set-hosts.js';
import { setRss } from './set-rss.js';
import { show } from './show.js';
import { potSignal } from './signal.js';
import { snapshot } from './snapshot.js';
import { start } from './start.js';
import { stop } from './stop.js';
import { run, term } from './term.js';
import { top } from './top.js';
import { updateConfig } from './update-config.js';
import { version } from './version.js';
import { vnetStart } from './vnet-start.js';

export const REGISTERED: readonly AnyCommand[] = [
  version,
  config,
  list,
  show,
  info,
  top,
  ps,
  init,
  deInit,
  doctor,
  vnetStart,
  createBase,
  createFscomp,
  createPrivateBridge,
  create,
  clone,
  cloneFscomp,
  rename,
  destroy,
  prune,
  copyIn,
  copyOut,
  mountIn,
  mountOut,
  addDep,
  setRss,
  getRss,
  setCmd,
  setEnv,
  setHosts,
  setHook,
  setAttribute,
  getAttribute,
  exportPorts,
  start,
  stop,
  term,
  run,
  snapshot,
  revert,
  purgeSnapshots,
  exportPot,
  importPot,
  prepare,
  updateConfig,
  lastRunStats,
  potSignal,
  exec,
];
