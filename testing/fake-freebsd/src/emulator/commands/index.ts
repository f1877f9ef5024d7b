/** The emulated commands by name: one module per group of stand-ins of ../../../bin. */
import type { Call, Command } from '../call.js';
import { xz, xzBeforeLock, xzcat } from '../xz.js';
import { jexecWait } from '../jail-exec.js';
import { commands as base, unloggedCommands } from './base.js';
import { commands as jails } from './jails.js';
import { commands as net } from './net.js';
import { commands as zfs } from './zfs.js';

export const COMMANDS: Readonly<Record<string, Command>> = { ...base, ...zfs, ...net, ...jails, xz, xzcat };

/** Stand-ins that write no log line of their own after running (shims; lockf logs itself first). */
export const UNLOGGED: Readonly<Record<string, Command>> = unloggedCommands;

/**
 * What a logged command does before the state lock is taken: read all of its standard input
 * when the producer of a pipe into it may hold the lock (`zfs send | zfs receive`, `… | xz`,
 * `… | skein1024`, `jail -f -`). A number is the call's status, the call then done and not
 * logged (`xz -d`, tar's decompressor).
 */
export const BEFORE_LOCK: Readonly<Record<string, (call: Call) => number | undefined>> = {
  zfs: (call) => {
    if (call.args[0] === 'receive' || call.args[0] === 'recv') call.stdin();
    return undefined;
  },
  xz: xzBeforeLock,
  skein1024: (call) => {
    if (!/ [^-]/.test(` ${call.args.join(' ')} `)) call.stdin();
    return undefined;
  },
  jexec: jexecWait,
  jail: (call) => {
    if (call.args.some((a) => a === '-f-' || a === '-')) call.stdin();
    return undefined;
  },
};
