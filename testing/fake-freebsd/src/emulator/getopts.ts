/**
 * bash's `OPTIND=1; while getopts OPTSTRING o; do …; done; shift $((OPTIND - 1))` as the
 * stand-ins run it: option clusters (`-Ho value`), attached arguments (`-ovalue`), `--` and a
 * lone `-` or the first operand end the options, and — no option string has a leading ':' —
 * getopts itself reports a bad option as `$0: illegal option -- c` and a missing argument as
 * `$0: option requires an argument -- c`, answering '?'. `$0` is the stand-in's path, as PATH
 * finds it (standInPath), which is also how bash names it in its other messages.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The package's directory: the first above this module with bin/ and lib/ (src/emulator/ here, dist/ in the bundle). */
function packageDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!(existsSync(path.join(dir, 'bin')) && existsSync(path.join(dir, 'lib')))) {
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`fake-freebsd: no package directory above ${fileURLToPath(import.meta.url)}`);
    dir = up;
  }
  return dir;
}

/** The package's directory (holding bin/ and lib/). */
export const PACKAGE_DIR = packageDir();

/** The stand-ins' directory (bin/ of the package). */
export const STAND_IN_DIR = path.join(PACKAGE_DIR, 'bin');

/** bash's `$0` in the stand-in CMD: its path in the stand-ins' directory. */
export function standInPath(cmd: string): string {
  return `${STAND_IN_DIR}/${cmd}`;
}

export interface Opt {
  /** The option letter, or '?' for a bad option or a missing argument. */
  opt: string;
  /** OPTARG: the option's argument, '' for an option that takes none. */
  arg: string;
}

/**
 * The loop over ARGS with OPTSTRING SPEC in the stand-in CMD, read as it is iterated (a loop
 * that leaves early has not seen, nor reported, what follows); complaints go to ERR, one line each.
 */
export class Getopts implements Iterable<Opt> {
  /** Index of the argument being read (OPTIND - 1). */
  private index = 0;
  /** Position inside that argument (bash's `sp`): 1 = the letter after '-'. */
  private sp = 1;
  /** The options have ended (the `--` that ended them is read). */
  private done = false;

  constructor(
    private readonly cmd: string,
    private readonly args: readonly string[],
    private readonly spec: string,
    private readonly err: (line: string) => void,
  ) {}

  [Symbol.iterator](): Iterator<Opt> {
    return {
      next: (): IteratorResult<Opt> => {
        const o = this.next();
        return o === undefined ? { done: true, value: undefined } : { done: false, value: o };
      },
    };
  }

  /** The operands, what `shift $((OPTIND - 1))` leaves after the whole loop (the options not read yet are read now). */
  rest(): string[] {
    while (this.next() !== undefined);
    return this.args.slice(this.index);
  }

  /** The next option, undefined when the options end. */
  private next(): Opt | undefined {
    const args = this.args;
    if (this.done) return undefined;
    if (this.sp === 1) {
      const a = args[this.index];
      if (a === undefined || !a.startsWith('-') || a.length === 1 || a === '--') {
        if (a === '--') this.index++;
        this.done = true;
        return undefined;
      }
    }
    const word = args[this.index] as string;
    const c = word[this.sp] as string;
    const at = c === ':' ? -1 : this.spec.indexOf(c);
    if (at < 0) {
      this.err(`${standInPath(this.cmd)}: illegal option -- ${c}`);
      this.advance(word);
      return { opt: '?', arg: '' };
    }
    if (this.spec[at + 1] !== ':') {
      this.advance(word);
      return { opt: c, arg: '' };
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
      this.err(`${standInPath(this.cmd)}: option requires an argument -- ${c}`);
      return { opt: '?', arg: '' };
    }
    this.index++;
    return { opt: c, arg };
  }

  private advance(word: string): void {
    this.sp++;
    if (this.sp >= word.length) {
      this.sp = 1;
      this.index++;
    }
  }
}
