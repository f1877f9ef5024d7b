/**
 * bash's `OPTIND=1; while getopts OPTSTRING o; do …; done; shift $((OPTIND - 1))` as the jail
 * stand-ins run it: option clusters (`-cq`), attached arguments (`-f-`), `--` and a lone `-`
 * end the options and — no option string has a leading ':' — getopts itself reports a bad
 * option as `$0: illegal option -- c` and a missing argument as
 * `$0: option requires an argument -- c`, answering '?'.
 */
import { fileURLToPath } from 'node:url';

/** `$0` of a bash stand-in: its path in the stand-ins' directory, as PATH finds it. */
export function standInArg0(cmd: string): string {
  return fileURLToPath(new URL(`../../bin/${cmd}`, import.meta.url));
}

export interface ParsedOption {
  /** The option letter, or '?' for a bad option or a missing argument. */
  opt: string;
  /** OPTARG of an option that takes one. */
  arg?: string;
}

export interface ParsedArgs {
  options: ParsedOption[];
  /** The operands: what `shift $((OPTIND - 1))` leaves. */
  rest: string[];
}

/** Runs the whole getopts loop over ARGS; its complaints go to ERR (one line each). */
export function getopts(args: readonly string[], spec: string, arg0: string, err: (line: string) => void): ParsedArgs {
  const options: ParsedOption[] = [];
  let index = 0;
  while (index < args.length) {
    const word = args[index] as string;
    if (!word.startsWith('-') || word.length === 1) break;
    if (word === '--') {
      index++;
      break;
    }
    index++;
    for (let sp = 1; sp < word.length; sp++) {
      const c = word[sp] as string;
      const at = c === ':' ? -1 : spec.indexOf(c);
      if (at < 0) {
        err(`${arg0}: illegal option -- ${c}`);
        options.push({ opt: '?' });
        continue;
      }
      if (spec[at + 1] !== ':') {
        options.push({ opt: c });
        continue;
      }
      if (sp + 1 < word.length) {
        options.push({ opt: c, arg: word.slice(sp + 1) });
      } else if (index < args.length) {
        options.push({ opt: c, arg: args[index] as string });
        index++;
      } else {
        err(`${arg0}: option requires an argument -- ${c}`);
        options.push({ opt: '?' });
      }
      break;
    }
  }
  return { options, rest: args.slice(index) };
}
