/**
 * pf_anchor_known matches the anchor name as a grep pattern (`grep -qx -- "$a"`,
 * `grep -q -- "^$a/"`): a GNU basic regular expression (BRE) under LC_ALL=C. This turns one
 * into a JavaScript RegExp, or into grep's complaint when grep refuses it (grep then exits 2).
 */

import { POSIX_CLASSES } from './jail-regex.js';

export type GrepPattern = { regex: RegExp } | { error: string };

const UNMATCHED_BRACKET = 'grep: Unmatched [, [^, [:, [., or [=';

/** A literal character in a JS pattern. */
function lit(c: string): string {
  return /[\\^$.|?*+()[\]{}/]/.test(c) ? `\\${c}` : c;
}

/** A character inside a JS class. */
function classLit(c: string): string {
  return /[\\\]^[-]/.test(c) ? `\\${c}` : c;
}

/** The bracket expression starting at RE[i] ('['): its JS class and the index after it. */
function bracket(re: string, start: number): { js: string; end: number } | { error: string } {
  let i = start + 1;
  let js = '[';
  if (re[i] === '^') {
    js += '^';
    i++;
  }
  let first = true;
  while (i < re.length) {
    const c = re[i] as string;
    if (c === ']' && !first) return { js: `${js}]`, end: i + 1 };
    first = false;
    if (c === '[' && (re[i + 1] === ':' || re[i + 1] === '.' || re[i + 1] === '=')) {
      const kind = re[i + 1] as string;
      const close = re.indexOf(`${kind}]`, i + 2);
      if (close < 0) return { error: UNMATCHED_BRACKET };
      const name = re.slice(i + 2, close);
      if (kind === ':') {
        const cls = POSIX_CLASSES[name];
        if (cls === undefined) return { error: 'grep: Invalid character class name' };
        js += cls;
      } else js += [...name].map(classLit).join('');
      i = close + 2;
      continue;
    }
    if (c === '-' && re[i + 1] !== ']' && js.length > 1 && !js.endsWith('^')) js += '-';
    else js += classLit(c);
    i++;
  }
  return { error: UNMATCHED_BRACKET };
}

const ESCAPES: Readonly<Record<string, string>> = {
  w: '[0-9A-Za-z_]',
  W: '[^0-9A-Za-z_]',
  s: '[ \\t\\n\\v\\f\\r]',
  S: '[^ \\t\\n\\v\\f\\r]',
  b: '\\b',
  B: '\\B',
  '<': '\\b(?=[0-9A-Za-z_])',
  '>': '\\b(?<=[0-9A-Za-z_])',
  '`': '^',
  "'": '$',
};

/** One pattern (a line of grep's pattern list) as JS source. */
function convert(re: string): { js: string } | { error: string } {
  let js = '';
  let open = 0;
  let closed = 0;
  // where an atom may start: '*' is literal there, '^' an anchor
  let atStart = true;
  // a star after a star adds nothing (JS refuses `a**`)
  let starred = false;
  let i = 0;
  while (i < re.length) {
    const c = re[i] as string;
    const start = atStart;
    const afterStar = starred;
    atStart = false;
    starred = false;
    if (c === '\\') {
      const e = re[i + 1];
      if (e === undefined) return { error: 'grep: Trailing backslash' };
      i += 2;
      if (e === '(') {
        open++;
        js += '(';
        atStart = true;
      } else if (e === ')') {
        if (open === 0) return { error: 'grep: Unmatched ) or \\)' };
        open--;
        closed++;
        js += ')';
      } else if (e === '|') {
        js += '|';
        atStart = true;
      } else if (e === '{') {
        const close = re.indexOf('\\}', i);
        if (close < 0) return { error: 'grep: Unmatched \\{' };
        const m = /^([0-9]*)(,([0-9]*))?$/.exec(re.slice(i, close));
        if (m === null || (m[1] === '' && m[2] === undefined)) return { error: 'grep: Invalid content of \\{\\}' };
        if (m[3] !== undefined && m[3] !== '' && Number(m[3]) < Number(m[1] || '0')) return { error: 'grep: Invalid content of \\{\\}' };
        js += `{${m[1] || '0'}${m[2] ?? ''}}`;
        i = close + 2;
      } else if (e === '+' || e === '?') js += e;
      else if (/[1-9]/.test(e)) {
        if (Number(e) > closed) return { error: 'grep: Invalid back reference' };
        js += `\\${e}`;
      } else js += ESCAPES[e] ?? lit(e);
      continue;
    }
    i++;
    if (c === '[') {
      const b = bracket(re, i - 1);
      if ('error' in b) return b;
      js += b.js;
      i = b.end;
    } else if (c === '*' && start) js += '\\*';
    else if (c === '*') {
      if (!afterStar) js += '*';
      starred = true;
    } else if (c === '^' && start) {
      js += '^';
      atStart = true;
    } else if (c === '$' && (i === re.length || re.startsWith('\\)', i) || re.startsWith('\\|', i))) js += '$';
    else js += c === '.' ? '.' : lit(c);
  }
  if (open > 0) return { error: 'grep: Unmatched ( or \\(' };
  return { js };
}

/** grep's PATTERN (lines of patterns); `whole`: -x. */
export function grepPattern(pattern: string, whole: boolean): GrepPattern {
  const parts: string[] = [];
  for (const line of pattern.split('\n')) {
    const c = convert(line);
    if ('error' in c) return c;
    parts.push(whole ? `^(?:${c.js})$` : `(?:${c.js})`);
  }
  return { regex: new RegExp(parts.join('|'), 's') };
}
