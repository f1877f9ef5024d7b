/**
 * The POSIX extended regular expressions the process stand-ins match command lines with, as
 * JavaScript RegExps: GNU grep -E's dialect (jail processes: `grep -nE`, `grep -Eq`, `grep -Ev`)
 * and mawk's (daemon(8) processes: `awk -v r=PATTERN '$3 ~ r'`). Patterns and lines are taken
 * as byte strings (latin1), as LC_ALL=C tools see them. Malformed patterns fail with the
 * tools' messages for the usual mistakes (an unmatched `(` or `[`, a quantifier with nothing
 * before it).
 */

export type RegexDialect = 'grep' | 'mawk';

export interface CompiledPattern {
  /** Undefined when the pattern does not compile. */
  regex?: RegExp;
  /** Why it does not compile, in the tool's words (without the tool's prefix). */
  error?: string;
  /** grep's warnings (`* at start of expression`), without the `grep: warning: ` prefix. */
  warnings: string[];
}

class PatternError extends Error {}

/**
 * The POSIX character classes under LC_ALL=C as the inside of a JavaScript bracket expression
 * (pf-grep.ts's BRE too: there the last character may start a range, so the order is kept).
 */
export const POSIX_CLASSES: Readonly<Record<string, string>> = {
  alpha: 'A-Za-z',
  digit: '0-9',
  alnum: '0-9A-Za-z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\v\\f\\r',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
};

const WORD = '[0-9A-Za-z_]';

/** Escapes a regex engine knows after a backslash (`\t`, …), the character they stand for. */
const CHAR_ESCAPES: Readonly<Record<string, string>> = { n: '\n', t: '\t', r: '\r', f: '\f', v: '\v', a: '\x07', b: '\b' };

const GNU_ESCAPES: Readonly<Record<string, string>> = {
  w: WORD,
  W: '[^0-9A-Za-z_]',
  s: '[ \\t\\n\\r\\f\\v]',
  S: '[^ \\t\\n\\r\\f\\v]',
  b: '\\b',
  B: '\\B',
  '<': `\\b(?=${WORD})`,
  '>': `\\b(?<=${WORD})`,
  '`': '^',
  "'": '$',
};

/** One character as a JavaScript regex literal (inside a class too). */
function lit(c: string): string {
  return /[A-Za-z0-9_ ]/.test(c) ? c : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`;
}

class Translator {
  private pos = 0;
  private groups = 0;
  private depth = 0;
  readonly warnings: string[] = [];

  constructor(
    private readonly src: string,
    private readonly dialect: RegexDialect,
  ) {}

  translate(): string {
    return this.alternation();
  }

  private fail(grepText: string, mawkText: string): never {
    throw new PatternError(this.dialect === 'grep' ? grepText : mawkText);
  }

  private alternation(): string {
    const branches = [this.branch()];
    while (this.src[this.pos] === '|') {
      this.pos++;
      branches.push(this.branch());
    }
    return branches.join('|');
  }

  /** grep: quantifiers at the start of an expression repeat nothing (each one warned about). */
  private leadingQuantifiers(): void {
    while (this.dialect === 'grep' && this.pos < this.src.length) {
      const c = this.src[this.pos] as string;
      if (c === '*' || c === '+' || c === '?') {
        this.pos++;
        this.warnings.push(`${c} at start of expression`);
        continue;
      }
      const iv = c === '{' ? this.interval() : undefined;
      if (iv === undefined) return;
      this.pos += iv.text.length;
      this.warnings.push('{...} at start of expression');
    }
  }

  private branch(): string {
    let out = '';
    let start = true;
    let empty = true;
    this.leadingQuantifiers();
    while (this.pos < this.src.length) {
      const c = this.src[this.pos] as string;
      if (c === '|' || (c === ')' && this.depth > 0)) break;
      if (c === '^') {
        this.pos++;
        out += '^';
        empty = false;
        const next = this.src[this.pos];
        if (this.dialect === 'mawk' && (next === '*' || next === '+')) this.fail('', 'syntax error ^* or ^+');
        if (start) this.leadingQuantifiers();
        continue;
      }
      const atom = this.atom(start);
      out += this.quantified(atom);
      start = false;
      empty = false;
    }
    if (empty && this.dialect === 'mawk') this.fail('', 'missing operand');
    return out;
  }

  /** An interval `{n}`, `{n,}`, `{,m}`, `{n,m}` at the current position (grep only), else undefined. */
  private interval(): { text: string; js: string } | undefined {
    if (this.dialect !== 'grep') return undefined;
    const m = /^\{([0-9]*)(,([0-9]*))?\}/.exec(this.src.slice(this.pos));
    if (m === null || (m[1] === '' && m[2] === undefined)) return undefined;
    const min = m[1] === '' ? 0 : Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? undefined : Number(m[3]);
    if (max !== undefined && max < min) this.fail('Invalid content of \\{\\}', '');
    return { text: m[0], js: `{${min},${max ?? ''}}` };
  }

  private quantified(atom: string): string {
    let out = atom;
    while (this.pos < this.src.length) {
      const c = this.src[this.pos] as string;
      if (c === '*' || c === '+' || c === '?') {
        this.pos++;
        out = `(?:${out})${c}`;
        continue;
      }
      const iv = c === '{' ? this.interval() : undefined;
      if (iv === undefined) break;
      this.pos += iv.text.length;
      out = `(?:${out})${iv.js}`;
    }
    return out;
  }

  private atom(start: boolean): string {
    const c = this.src[this.pos] as string;
    // mawk: a quantifier with nothing before it (grep's were skipped as repeating nothing)
    if (start && (c === '*' || c === '+' || c === '?')) this.fail('', 'missing operand');
    this.pos++;
    switch (c) {
      case '(':
        return this.group();
      case '[':
        return this.bracket();
      case '.':
        return '[^\\n]';
      case '$':
        return '$';
      case '\\':
        return this.escape();
      default:
        return lit(c);
    }
  }

  private group(): string {
    this.groups++;
    this.depth++;
    const inner = this.alternation();
    this.depth--;
    if (this.src[this.pos] !== ')') this.fail('Unmatched ( or \\(', "missing ')'");
    this.pos++;
    return `(${inner})`;
  }

  private escape(): string {
    const c = this.src[this.pos];
    if (c === undefined) {
      if (this.dialect === 'grep') this.fail('Trailing backslash', '');
      return lit('\\');
    }
    this.pos++;
    if (this.dialect === 'mawk') return lit(CHAR_ESCAPES[c] ?? c);
    if (c >= '1' && c <= '9') {
      if (Number(c) > this.groups) this.fail('Invalid back reference', '');
      return `\\${c}`;
    }
    return GNU_ESCAPES[c] ?? lit(c);
  }

  private unmatchedBracket(): never {
    this.fail('Unmatched [, [^, [:, [., or [=', 'bad class -- [], [^] or [');
  }

  /** One element of a bracket expression: a character, or a class's ranges (`[:alpha:]`). */
  private bracketElement(): { char?: string; cls?: string } {
    const c = this.src[this.pos] as string;
    const kind = this.src[this.pos + 1];
    // mawk knows character classes only, not [=c=] and [.c.]
    if (c === '[' && (kind === ':' || (this.dialect === 'grep' && (kind === '=' || kind === '.')))) {
      const end = this.src.indexOf(`${kind}]`, this.pos + 2);
      if (end < 0) this.unmatchedBracket();
      const name = this.src.slice(this.pos + 2, end);
      this.pos = end + 2;
      if (kind !== ':') return { char: name.slice(0, 1) };
      const cls = POSIX_CLASSES[name];
      if (cls === undefined) this.fail('Invalid character class name', 'bad class -- [], [^] or [');
      return { cls };
    }
    this.pos++;
    if (c === '\\' && this.dialect === 'mawk' && this.pos < this.src.length) {
      const e = this.src[this.pos++] as string;
      return { char: CHAR_ESCAPES[e] ?? e };
    }
    return { char: c };
  }

  /** grep: a range or class cannot start a range (`[a-c-e]`, `[[:alpha:]-z]`). */
  private noRangeAfter(): void {
    if (this.dialect === 'grep' && this.src[this.pos] === '-' && this.pos + 1 < this.src.length && this.src[this.pos + 1] !== ']') {
      this.fail('Invalid range end', '');
    }
  }

  private bracket(): string {
    let negate = false;
    if (this.src[this.pos] === '^') {
      negate = true;
      this.pos++;
    }
    let items = '';
    let first = true;
    while (true) {
      if (this.pos >= this.src.length) this.unmatchedBracket();
      if (this.src[this.pos] === ']' && !first) break;
      first = false;
      const el = this.bracketElement();
      if (el.cls !== undefined) {
        items += el.cls;
        this.noRangeAfter();
        continue;
      }
      const from = el.char as string;
      if (this.src[this.pos] === '-' && this.pos + 1 < this.src.length && this.src[this.pos + 1] !== ']') {
        this.pos++;
        const to = this.bracketElement().char ?? '';
        if (to < from) {
          if (this.dialect === 'grep') this.fail('Invalid range end', '');
          items += `${lit(from)}${lit('-')}${lit(to)}`; // mawk: its three characters
          continue;
        }
        items += `${lit(from)}-${lit(to)}`;
        this.noRangeAfter();
        continue;
      }
      items += lit(from);
    }
    this.pos++;
    return `[${negate ? '^' : ''}${items}]`;
  }
}

/** Compiles one pattern of DIALECT (a byte string). */
export function compilePattern(pattern: string, dialect: RegexDialect): CompiledPattern {
  // mawk refuses an empty branch, but an empty pattern matches everything
  if (pattern === '') return { regex: /(?:)/, warnings: [] };
  const t = new Translator(pattern, dialect);
  try {
    return { regex: new RegExp(t.translate()), warnings: t.warnings };
  } catch (e) {
    const error = e instanceof PatternError ? e.message : dialect === 'grep' ? 'Invalid regular expression' : 'syntax error';
    return { error, warnings: t.warnings };
  }
}

/** A string as bytes, one character each (how LC_ALL=C tools see it). */
export function asBytes(text: string): string {
  return Buffer.from(text, 'utf8').toString('latin1');
}

/** What `awk -v r=VALUE` makes of VALUE (mawk: C escapes processed, unknown ones kept). */
export function awkAssigned(value: string): string {
  return value.replace(/\\(\\|"|[0-7]{1,3}|x[0-9A-Fa-f]{1,2}|[ntrabfv])/g, (_m, e: string) => {
    if (e === '\\' || e === '"') return e;
    if (e.startsWith('x')) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(Number.parseInt(e, 8) & 0xff);
    return CHAR_ESCAPES[e] ?? e;
  });
}
