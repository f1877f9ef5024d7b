/**
 * What bash itself says in the stand-ins' name (`$0: line N: FILE: …`); its getopts loop is
 * ./getopts.ts.
 */
import type { Call } from './call.js';
import { standInPath } from './getopts.js';

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
};

/** bash's message for a redirection that cannot open FILE, on line LINE of the stand-in. */
export function redirectError(call: Call, line: number, file: string, e: unknown): void {
  const code = e instanceof Error && 'code' in e ? String(e.code) : '';
  call.err(`${standInPath(call.cmd)}: line ${line}: ${file}: ${ERRNO_TEXT[code] ?? code}`);
}
