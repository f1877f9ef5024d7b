/**
 * bash's `getopts OPTSTRING o` loop as bin/zfs runs it (`OPTIND=1`, then `shift $((OPTIND - 1))`):
 * option clusters (`-Ho value`), attached arguments (`-ovalue`), `--` and a lone `-` end the
 * options, and — the option strings have no leading ':' — getopts itself reports a bad option
 * on standard error as `$0: illegal option -- c` and a missing argument as
 * `$0: option requires an argument -- c`, answering '?'.
 */
import { fileURLToPath } from 'node:url';

/** `$0` of the bash stand-in: its path in the stand-ins' directory, as PATH finds it. */
export const ZFS_ARG0 = fileURLToPath(new URL('../../bin/zfs', import.meta.url));

export interface Opt {
  /** The option letter, or '?' for a bad option or a missing argument. */
  opt: string;
  /** OPTARG of an option that takes one. */
  arg?: string;
}

export class Getopts {
  /** Index of the argument being read (OPTIND - 1). */
  private index = 0;
  /** Position inside that argument (bash's `sp`): 1 = the letter after '-'. */
  private sp = 1;

  constructor(
    private readonly args: readonly string[],
    private readonly spec: string,
    private readonly err: (line: string) => void,
  ) {}

  /** The next option, undefined when the options end. */
  next(): Opt | undefined {
    const args = this.args;
    if (this.sp === 1) {
      const a = args[this.index];
      if (a === undefined || !a.startsWith('-') || a.length === 1) return undefined;
      if (a === '--') {
        this.index++;
        return undefined;
      }
    }
    const word = args[this.index] as string;
    const c = word[this.sp] as string;
    const at = c === ':' ? -1 : this.spec.indexOf(c);
    if (at < 0) {
      this.err(`${ZFS_ARG0}: illegal option -- ${c}`);
      this.advance(word);
      return { opt: '?' };
    }
    if (this.spec[at + 1] !== ':') {
      this.advance(word);
      return { opt: c };
    }
    if (this.sp + 1 < word.length) {
      const arg = word.slice(this.sp + 1);
      this.index++;
      this.sp = 1;
      return { opt: c, arg };
    }
    this.index++;
    this.sp = 1;
    const arg = args[this.index];
    if (arg === undefined) {
      this.err(`${ZFS_ARG0}: option requires an argument -- ${c}`);
      return { opt: '?' };
    }
    this.index++;
    return { opt: c, arg };
  }

  /** The operands: what `shift $((OPTIND - 1))` leaves. */
  rest(): string[] {
    return this.args.slice(this.index);
  }

  private advance(word: string): void {
    this.sp++;
    if (this.sp >= word.length) {
      this.sp = 1;
      this.index++;
    }
  }
}
