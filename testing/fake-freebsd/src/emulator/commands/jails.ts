/** The jail stand-ins in process: jail, jexec, jls, the process tools and a jail's resources. */
import type { Command } from '../call.js';
import { jail } from '../jail-create.js';
import { jexec } from '../jail-exec.js';
import { cpuset, potcpu, potnet, rctl } from '../jail-limits.js';
import { jls } from '../jail-list.js';
import { daemon, pgrep, pkill, top } from '../jail-processes.js';

export const commands: Record<string, Command> = { jail, jexec, jls, pgrep, pkill, daemon, rctl, cpuset, potcpu, potnet, top };
