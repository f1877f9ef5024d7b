/**
 * Reads a file of shell variable assignments (pot.conf, pot.default.conf) the
 * way `sh` would when pot sources it, without executing anything: comments,
 * `export`, single and double quotes, backslashes, later assignments win.
 * What only a running shell could know (`$X`, `${X}`, `$(…)`, backticks) is
 * reported as unsupported, with file and line, and the variable is not set.
 */
export interface ConfDiagnostic {
  file: string;
  line: number;
  severity: 'warning' | 'error';
  message: string;
  /** What to write instead, when the reader knows (e.g. the quoted form of a value with blanks). */
  fix?: string;
  /** The variable the line assigns, when that much could be read. */
  variable?: string;
}

export interface ShellAssignments {
  values: Map<string, string>;
  /** The line (1-based) of the assignment that set each value. */
  lines: Map<string, number>;
  diagnostics: ConfDiagnostic[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

type WordResult = { value: string; rest: string } | { error: string };

/** Reads one shell word starting at the beginning of `text`. */
function readWord(text: string): WordResult {
  let value = '';
  let i = 0;
  while (i < text.length) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === ';') break;
    if (c === '#' && value === '' && i === 0) break;
    if (c === '\\') {
      if (i + 1 < text.length) value += text[i + 1];
      i += 2;
    } else if (c === "'") {
      const end = text.indexOf("'", i + 1);
      if (end < 0) return { error: 'unterminated single quote' };
      value += text.slice(i + 1, end);
      i = end + 1;
    } else if (c === '"') {
      let j = i + 1;
      for (; j < text.length && text[j] !== '"'; j++) {
        const d = text[j] as string;
        if (d === '$' || d === '`') return { error: `unsupported expansion "${text.slice(j, j + 2)}…" (pot's files are read, not executed)` };
        if (d === '\\' && j + 1 < text.length && '$`"\\'.includes(text[j + 1] as string)) j++;
        value += text[j];
      }
      if (j >= text.length) return { error: 'unterminated double quote' };
      i = j + 1;
    } else if (c === '$' || c === '`') {
      return { error: `unsupported expansion "${text.slice(i, i + 2)}…" (pot's files are read, not executed)` };
    } else if ('|&<>(){}'.includes(c)) {
      return { error: `unsupported shell syntax "${c}"` };
    } else {
      value += c;
      i++;
    }
  }
  return { value, rest: text.slice(i) };
}

type LineError = { error: string; fix?: string; name?: string };

function fixFor(error: string): string {
  if (error.startsWith('unterminated')) return 'close the quote on the same line';
  if (error.startsWith('unsupported expansion'))
    return 'write the literal value: the file is read, not executed (variables such as $VAR, command substitutions and backticks are not expanded)';
  return 'quote the value';
}

/**
 * `KEY=vlan20 vlan30`: sh runs `vlan30` with KEY in its environment and the
 * assignment is lost. The fix is the quoted value as the person meant it.
 */
function unquotedBlanks(name: string, afterEq: string): LineError {
  const meant = afterEq.replace(/[ \t]+#.*$/, '').replace(/[ \t;]+$/, '');
  const quoted = !/["$`\\]/.test(meant) ? `"${meant}"` : !meant.includes("'") ? `'${meant}'` : undefined;
  return {
    name,
    error: `the value of ${name} has blanks and is not quoted (sh would run "${meant.split(/[ \t]+/)[1] ?? ''}" as a command)`,
    fix: quoted === undefined ? `quote the value of ${name}` : `quote the value: ${name}=${quoted}`,
  };
}

function parseLine(raw: string): { name: string; value: string } | LineError | undefined {
  let text = raw.replace(/^[ \t]+/, '');
  if (text === '' || text.startsWith('#')) return undefined;
  if (/^export[ \t]+/.test(text)) text = text.replace(/^export[ \t]+/, '');
  const eq = text.indexOf('=');
  if (eq <= 0) return { error: `not an assignment: "${raw.trim()}"` };
  const name = text.slice(0, eq);
  if (!NAME.test(name)) return { error: `invalid variable name "${name}"` };
  const word = readWord(text.slice(eq + 1));
  if ('error' in word) return { ...word, name, fix: fixFor(word.error) };
  const rest = word.rest.replace(/^[ \t]+/, '');
  if (rest !== '' && !rest.startsWith('#') && !/^;[ \t]*(#.*)?$/.test(rest)) {
    if (/^[ \t]/.test(word.rest) && !/^[|&<>(){};]/.test(rest)) return unquotedBlanks(name, text.slice(eq + 1));
    return { name, error: `unexpected text after the value of ${name}: "${rest}"` };
  }
  return { name, value: word.value };
}

export function parseShellAssignments(text: string, file: string): ShellAssignments {
  const values = new Map<string, string>();
  const lineOf = new Map<string, number>();
  const diagnostics: ConfDiagnostic[] = [];
  const lines = text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    let line = lines[index] as string;
    if (line.endsWith('\r')) line = line.slice(0, -1);
    const parsed = parseLine(line);
    if (parsed === undefined) continue;
    if ('error' in parsed) {
      const { error, fix, name } = parsed;
      diagnostics.push({
        file,
        line: index + 1,
        severity: 'error',
        message: error,
        ...(fix === undefined ? {} : { fix }),
        ...(name === undefined ? {} : { variable: name }),
      });
    } else {
      values.set(parsed.name, parsed.value);
      lineOf.set(parsed.name, index + 1);
    }
  }
  return { values, lines: lineOf, diagnostics };
}
