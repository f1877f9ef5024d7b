/**
 * What bash and the programs it runs say in the stand-ins: strerror's texts, and bash's message
 * in a stand-in's name (`$0: line N: FILE: …`). Its getopts loop is ./getopts.ts.
 */
import type { Call } from './call.js';
import { standInPath } from './getopts.js';

/** The errno name of a failed node:fs call ('' for another error). */
export function errnoOf(e: unknown): string {
  return e instanceof Error && 'code' in e ? String(e.code) : '';
}

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  EEXIST: 'File exists',
  ENOTEMPTY: 'Directory not empty',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  EBUSY: 'Device or resource busy',
  EINVAL: 'Invalid argument',
  EROFS: 'Read-only file system',
  ENAMETOOLONG: 'File name too long',
};

/** strerror of a failed node:fs call, as bash and coreutils print it. */
export function errnoText(e: unknown): string {
  const code = errnoOf(e);
  return ERRNO_TEXT[code] ?? code;
}

/** bash's message for a redirection that cannot open FILE, on line LINE of the stand-in. */
export function redirectError(call: Call, line: number, file: string, e: unknown): void {
  call.err(`${standInPath(call.cmd)}: line ${line}: ${file}: ${errnoText(e)}`);
}
