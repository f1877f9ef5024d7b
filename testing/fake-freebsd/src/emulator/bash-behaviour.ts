/**
 * What bash itself does and says in the stand-ins: the `getopts` loop, and the messages it
 * writes in a stand-in's name (`$0: illegal option -- x`, `$0: line N: FILE: …`).
 */
import { fileURLToPath } from 'node:url';
import type { Call } from './call.js';

/** The stand-ins' directory: bash's `$0` is the stand-in's path there. */
const BIN_DIR = fileURLToPath(new URL('../../bin', import.meta.url));

/** bash's `$0` in a stand-in called NAME (found through PATH). */
export function scriptPath(name: string): string {
  return `${BIN_DIR}/${name}`;
}

const ERRNO_TEXT: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EACCES: 'Permission denied',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
};

/** bash's message for a redirection that cannot open FILE, on line LINE of the stand-in. */
export function redirectError(call: Call, line: number, file: string, e: unknown): void {
  const code = e instanceof Error && 'code' in e ? String(e.code) : '';
  call.err(`${scriptPath(call.cmd)}: line ${line}: ${file}: ${ERRNO_TEXT[code] ?? code}`);
}

/**
 * The getopts loop (OPTERR on): options are read until the first operand or `--`; an
 * unknown option or a missing argument is reported as bash words it and seen as `?`.
 */
export interface ParsedOption {
  /** The option letter, or '?' for an unknown one or one missing its argument. */
  opt: string;
  arg: string;
}

export interface Getopts {
  opts: ParsedOption[];
  /** The operands (`shift $((OPTIND - 1))`). */
  rest: string[];
  /** What bash wrote to standard error, lines ending in a newline. */
  errors: string;
}

/** Runs the getopts loop over ARGS; SCRIPT is `$0` for the messages. */
export function getopts(args: readonly string[], optstring: string, script: string): Getopts {
  const opts: ParsedOption[] = [];
  let errors = '';
  let i = 0;
  while (i < args.length) {
    const word = args[i] as string;
    if (word === '--') {
      i++;
      break;
    }
    if (!word.startsWith('-') || word === '-') break;
    i++;
    for (let j = 1; j < word.length; j++) {
      const c = word[j] as string;
      const at = c === ':' ? -1 : optstring.indexOf(c);
      if (at < 0) {
        errors += `${script}: illegal option -- ${c}\n`;
        opts.push({ opt: '?', arg: '' });
        continue;
      }
      if (optstring[at + 1] !== ':') {
        opts.push({ opt: c, arg: '' });
        continue;
      }
      if (j + 1 < word.length) {
        opts.push({ opt: c, arg: word.slice(j + 1) });
      } else if (i < args.length) {
        opts.push({ opt: c, arg: args[i] as string });
        i++;
      } else {
        errors += `${script}: option requires an argument -- ${c}\n`;
        opts.push({ opt: '?', arg: '' });
      }
      break;
    }
  }
  return { opts, rest: args.slice(i), errors };
}
