/**
 * bash's `OPTIND=1; while getopts OPTSTRING o; do …` as bin/pfctl and bin/sockstat run it:
 * option clusters (`-4l`), attached arguments (`-aNAME`), `--` and a lone `-` or the first
 * operand end the options; with no leading ':' in OPTSTRING getopts itself reports a bad option
 * (`$0: illegal option -- c`) and a missing argument (`$0: option requires an argument -- c`)
 * on standard error, answering '?'. `$0` is the stand-in's path, as PATH finds it.
 */
import { fileURLToPath } from 'node:url';

/** The stand-in's `$0`: its path in the stand-ins' directory (../../bin). */
export function standInPath(cmd: string): string {
  return fileURLToPath(new URL(`../../bin/${cmd}`, import.meta.url));
}

export interface Opt {
  /** The option letter, or '?' for a bad option or a missing argument. */
  opt: string;
  /** OPTARG of an option that takes one. */
  arg?: string;
}

/** Every option getopts answers, in order (the operands after them are not needed here). */
export function getopts(cmd: string, args: readonly string[], spec: string, err: (line: string) => void): Opt[] {
  const out: Opt[] = [];
  let index = 0;
  let sp = 1;
  while (true) {
    if (sp === 1) {
      const a = args[index];
      if (a === undefined || !a.startsWith('-') || a.length === 1 || a === '--') break;
    }
    const word = args[index] as string;
    const c = word[sp] as string;
    const at = c === ':' ? -1 : spec.indexOf(c);
    if (at < 0 || spec[at + 1] !== ':') {
      if (at < 0) err(`${standInPath(cmd)}: illegal option -- ${c}`);
      out.push({ opt: at < 0 ? '?' : c });
      sp++;
      if (sp >= word.length) {
        sp = 1;
        index++;
      }
      continue;
    }
    if (sp + 1 < word.length) {
      out.push({ opt: c, arg: word.slice(sp + 1) });
      index++;
      sp = 1;
      continue;
    }
    const arg = args[index + 1];
    if (arg === undefined) {
      err(`${standInPath(cmd)}: option requires an argument -- ${c}`);
      out.push({ opt: '?' });
      break;
    }
    out.push({ opt: c, arg });
    index += 2;
    sp = 1;
  }
  return out;
}
