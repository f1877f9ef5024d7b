/** What the FreeBSD driver refuses to hand a tool: names it would read as options, relative paths inside a jail. */
import { PotError } from '../../errors/pot-error.js';
import type { HostCommand } from '../command.js';
import type { JailProcessSelector } from '../types.js';

/** Paths given to a program inside a jail must be absolute (never read as an option). */
export function insidePath(file: string): string {
  if (!file.startsWith('/')) throw new PotError('internal', `${JSON.stringify(file)} is not an absolute path inside the jail`);
  return file;
}

/** Refuses names a tool would take for an option (`-rf`) or that hold blanks. */
export function checkName(kind: string, name: string): string {
  if (name === '' || name.startsWith('-') || /[\s\0]/.test(name)) {
    throw new PotError('invalid-name', `${JSON.stringify(name)} is not a valid ${kind} name`);
  }
  return name;
}

/** pgrep/pkill arguments picking processes of a jail; a pid reaches the tool on stdin, as the pid file it reads (`-F`). */
export function jailSelection(name: string, selector: JailProcessSelector): [string[], Partial<HostCommand>] {
  const jail = ['-j', checkName('jail', name)];
  if ('pid' in selector) {
    if (!Number.isSafeInteger(selector.pid) || selector.pid <= 0) throw new PotError('usage', `${selector.pid} is not a process id`);
    return [[...jail, '-F', '/dev/stdin'], { input: `${selector.pid}\n` }];
  }
  const pattern = selector.pattern.startsWith('-') ? ['--', selector.pattern] : [selector.pattern];
  return [[...jail, ...(selector.commandLine === true ? ['-f'] : []), ...pattern], {}];
}
