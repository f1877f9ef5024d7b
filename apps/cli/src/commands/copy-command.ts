/**
 * The flags copy-in and copy-out share (-p, -s, -d, -F); the actions check
 * them, with shell pot's messages.
 */
import { bool, option } from '../flags.js';

export function copyFlags(help: { F: string; s: string; d: string }) {
  return {
    F: bool('F', 'force copy operation for running jails', `   (${help.F}: can expose parts of the host file system)`),
    p: option('p', 'pot', ['pot : the working pot'], { complete: 'pot' }),
    s: option('s', 'source', [`source : ${help.s}`], { complete: 'file' }),
    d: option('d', 'dest', [`dest : ${help.d}`], { complete: 'file' }),
  };
}
