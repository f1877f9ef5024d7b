/** The emulated commands by name: one module per group of stand-ins of ../../../bin. */
import type { Command } from '../call.js';
import { commands as base, unloggedCommands } from './base.js';
import { commands as jails } from './jails.js';
import { commands as net } from './net.js';
import { commands as zfs } from './zfs.js';

export const COMMANDS: Readonly<Record<string, Command>> = { ...base, ...zfs, ...net, ...jails };

/** Stand-ins that write no log line of their own after running (shims; lockf logs itself first). */
export const UNLOGGED: Readonly<Record<string, Command>> = unloggedCommands;
