/**
 * A lossless `key=value` file (pot.conf, bridge files, the status file):
 * every line is kept as written — unknown keys, comments, blank lines, odd
 * spacing, the presence or absence of a final newline — and only the lines a
 * change touches are rewritten. Serialising an unchanged file gives back the
 * very same bytes, so shell pot and this pot can take turns on one host.
 */
export interface KvLine {
  /** The line as written (without its newline). */
  raw: string;
  /** Text before the first `=`, when the line has one and does not start with `#`. */
  key?: string;
  /** Raw text after the first `=` (quotes and spaces kept). */
  value?: string;
}

function parseLine(raw: string): KvLine {
  if (raw.startsWith('#')) return { raw };
  const eq = raw.indexOf('=');
  if (eq <= 0) return { raw };
  return { raw, key: raw.slice(0, eq), value: raw.slice(eq + 1) };
}

/**
 * How shell pot's readers see a raw value (`_get_conf_var`, `_get_bridge_var`):
 * spaces, tabs and `"` removed, then cut at the next `=`.
 */
export function shellReaderValue(rawValue: string): string {
  return rawValue.replace(/[ \t"]/g, '').split('=')[0] as string;
}

export class KeyValueFile {
  readonly lines: KvLine[];
  /** Whether the text ended with a newline (shell-written files do). */
  finalNewline: boolean;

  constructor(lines: KvLine[] = [], finalNewline = true) {
    this.lines = lines;
    this.finalNewline = finalNewline;
  }

  static parse(text: string): KeyValueFile {
    if (text === '') return new KeyValueFile([], true);
    const finalNewline = text.endsWith('\n');
    const body = finalNewline ? text.slice(0, -1) : text;
    return new KeyValueFile(body.split('\n').map(parseLine), finalNewline);
  }

  toString(): string {
    if (this.lines.length === 0) return '';
    return this.lines.map((l) => l.raw).join('\n') + (this.finalNewline ? '\n' : '');
  }

  keys(): string[] {
    return this.lines.flatMap((l) => (l.key === undefined ? [] : [l.key]));
  }

  has(key: string): boolean {
    return this.lines.some((l) => l.key === key);
  }

  /** The raw value of the last `key=` line (shell pot's updates append, so the last one is the newest). */
  get(key: string): string | undefined {
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.lines[i]!.key === key) return this.lines[i]!.value;
    return undefined;
  }

  /** Raw values of every `key=` line, in file order (pot.depend, pot.env, pot.hosts). */
  getAll(key: string): string[] {
    return this.lines.flatMap((l) => (l.key === key ? [l.value as string] : []));
  }

  /** The value as shell pot's `_get_conf_var` reads it (blanks and quotes removed, cut at `=`). */
  getShell(key: string): string | undefined {
    const v = this.get(key);
    return v === undefined ? undefined : shellReaderValue(v);
  }

  /**
   * Sets `key` to the raw value: the first `key=` line is replaced in place
   * (keeping the order), later duplicates are removed, a missing key is appended.
   * `position: 'end'` does what shell pot's set-* commands do instead (delete
   * every `key=` line, append one at the end), for byte-identical results.
   */
  set(key: string, rawValue: string, options: { position?: 'in-place' | 'end' } = {}): this {
    assertLine(key, rawValue);
    const line = { raw: `${key}=${rawValue}`, key, value: rawValue };
    if (options.position === 'end') {
      // shell pot's update: `sed -i '' /^key=/d` then `echo key=value >>`
      this.delete(key);
      this.lines.push(line);
      return this;
    }
    const first = this.lines.findIndex((l) => l.key === key);
    if (first < 0) {
      this.lines.push(line);
      return this;
    }
    this.lines[first] = line;
    for (let i = this.lines.length - 1; i > first; i--) if (this.lines[i]!.key === key) this.lines.splice(i, 1);
    return this;
  }

  /** Appends one more `key=value` line (multi-valued keys). */
  add(key: string, rawValue: string): this {
    assertLine(key, rawValue);
    this.lines.push({ raw: `${key}=${rawValue}`, key, value: rawValue });
    return this;
  }

  /** Replaces every `key=` line with `values`, at the place of the first (or appended). */
  setAll(key: string, rawValues: readonly string[]): this {
    for (const v of rawValues) assertLine(key, v);
    const first = this.lines.findIndex((l) => l.key === key);
    const fresh = rawValues.map((v) => ({ raw: `${key}=${v}`, key, value: v }));
    if (first < 0) {
      this.lines.push(...fresh);
      return this;
    }
    const out: KvLine[] = [];
    this.lines.forEach((l, i) => {
      if (i === first) out.push(...fresh);
      else if (l.key !== key) out.push(l);
    });
    this.lines.splice(0, this.lines.length, ...out);
    return this;
  }

  /** Removes every `key=` line; true when there was one. */
  delete(key: string): boolean {
    const before = this.lines.length;
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.lines[i]!.key === key) this.lines.splice(i, 1);
    return this.lines.length !== before;
  }

  /** Removes the `key=value` lines whose raw value equals `rawValue`. */
  deleteValue(key: string, rawValue: string): boolean {
    const before = this.lines.length;
    for (let i = this.lines.length - 1; i >= 0; i--) if (this.lines[i]!.key === key && this.lines[i]!.value === rawValue) this.lines.splice(i, 1);
    return this.lines.length !== before;
  }

  clone(): KeyValueFile {
    return new KeyValueFile(
      this.lines.map((l) => ({ ...l })),
      this.finalNewline,
    );
  }
}

function assertLine(key: string, value: string): void {
  if (key === '' || key.includes('=') || /[\n\r]/.test(key) || key.startsWith('#')) throw new Error(`invalid key ${JSON.stringify(key)}`);
  if (/[\n\r]/.test(value)) throw new Error(`a value of ${key} cannot contain a newline`);
}
