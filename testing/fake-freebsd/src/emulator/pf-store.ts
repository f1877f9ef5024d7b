/**
 * The fake pf of bin/pfctl, on the same state: $FAKEBSD_STATE/pf/
 *   enabled            1 when pf is enabled
 *   main.conf          the main ruleset as last loaded (pfctl -f FILE)
 *   anchors/<enc>      rules of anchor <path> (enc: '/' -> '%'), as pf prints them
 * The anchors pfctl knows: those the main ruleset references (nat-anchor, rdr-anchor,
 * binat-anchor, anchor) and those holding rules.
 */
import { readdirSync } from 'node:fs';
import { awkFields, awkRecords, byteOrder, isDir, nonEmpty, readable, readText, readWords } from './net-files.js';
import { grepPattern } from './pf-grep.js';
import type { State } from './state.js';

/** $FAKEBSD_STATE/pf */
export function pfDir(st: State): string {
  return `${st.dir}/pf`;
}

/** pf_anchor_file: where an anchor's rules are kept. */
export function pfAnchorFile(st: State, anchor: string): string {
  return `${pfDir(st)}/anchors/${anchor.replaceAll('/', '%')}`;
}

/** Expands the $macros of a rule (in the order they were defined; awk's `for (k in mac)` order is its hash's). */
function expandMacros(rule: string, macros: ReadonlyMap<string, string>): string {
  let line = rule;
  for (const [k, v] of macros) {
    const ref = `$${k}`;
    // awk would loop for ever on a macro whose value holds its own reference
    if (v.includes(ref)) continue;
    let i = line.indexOf(ref);
    while (i >= 0) {
      line = line.slice(0, i) + v + line.slice(i + ref.length);
      i = line.indexOf(ref);
    }
  }
  return line;
}

/** One nat/rdr/binat rule as `pfctl -s nat` prints it (words already split). */
function renderRule(line: string, w: readonly string[]): string {
  const natOrRdr = w[0] === 'nat' || w[0] === 'rdr';
  let out = '';
  let seenArrow = false;
  for (let i = 0; i < w.length; i++) {
    const word = w[i] as string;
    const next = w[i + 1] ?? '';
    out += (out === '' ? '' : ' ') + word;
    // the address family after "on IF" (pot's rules are IPv4)
    if (w[i - 1] === 'on' && natOrRdr && next !== 'inet' && next !== 'inet6') {
      out += /:[0-9a-fA-F]*:/.test(line) && !/\([a-z0-9]+:0\)/.test(line) ? ' inet6' : ' inet';
    }
    // "to … port N" becomes "port = N" (before the ->)
    if (word === 'port' && !seenArrow && /^[0-9]+$/.test(next)) out += ' =';
    if (word === '->') seenArrow = true;
  }
  if (w[0] === 'nat' && /-> \([^)]*\)$/.test(out)) out += ' round-robin';
  return out;
}

const MACRO = /^[ \t]*[A-Za-z_][A-Za-z0-9_]*[ \t]*=/;

/** pf_render: the nat/rdr/binat rules of a ruleset as `pfctl -s nat` prints them. */
export function pfRender(text: string): string {
  const macros = new Map<string, string>();
  let out = '';
  for (const record of awkRecords(text)) {
    if (/^[ \t]*(#|$)/.test(record)) continue;
    if (MACRO.test(record)) {
      const eq = record.indexOf('=');
      const key = record.slice(0, eq).replace(/[ \t]/g, '');
      const value = record
        .slice(eq + 1)
        .replace(/^[ \t]*/, '')
        .replace(/"/g, '')
        .replace(/[ \t]+$/, '');
      macros.set(key, value);
      continue;
    }
    const line = expandMacros(record, macros)
      .replace(/[ \t]+/g, ' ')
      .replace(/^ /, '')
      .replace(/ $/, '');
    const w = awkFields(line);
    if (w[0] === 'nat' || w[0] === 'rdr' || w[0] === 'binat') out += `${renderRule(line, w)}\n`;
  }
  return out;
}

const ANCHOR_REF = /^[ \t]*(nat-anchor|rdr-anchor|binat-anchor|anchor)[ \t]+"?([^" \t]+)"?/;

/** pf_referenced: the anchors the main ruleset names (a trailing /* dropped). */
function pfReferenced(st: State): string[] {
  const main = `${pfDir(st)}/main.conf`;
  if (!readable(main)) return [];
  const out: string[] = [];
  for (const line of awkRecords(readText(main) ?? '')) {
    const m = ANCHOR_REF.exec(line);
    if (m !== null) out.push((m[2] as string).replace(/\/\*$/, ''));
  }
  return out;
}

/** pf_loaded: the anchors holding rules. */
function pfLoaded(st: State): string[] {
  const dir = `${pfDir(st)}/anchors`;
  if (!isDir(dir)) return [];
  return readdirSync(dir)
    .filter((f) => !f.startsWith('.'))
    .sort(byteOrder)
    .filter((f) => nonEmpty(`${dir}/${f}`))
    .map((f) => f.replaceAll('%', '/'));
}

/** `sort -u` */
function sortUnique(lines: readonly string[]): string[] {
  return [...new Set(lines)].sort(byteOrder);
}

/** pf_list_anchors [PARENT]: `pfctl [-a PARENT] -s Anchors` (the anchors one level below). */
export function pfListAnchors(st: State, parent: string): string {
  const out: string[] = [];
  for (const line of sortUnique([...pfReferenced(st), ...pfLoaded(st)])) {
    const a = readWords(line, 1)[0] as string;
    if (a === '') continue;
    if (parent === '') out.push(`  ${a.split('/')[0]}`);
    else if (a.startsWith(`${parent}/`)) out.push(`  ${parent}/${a.slice(parent.length + 1).split('/')[0]}`);
  }
  return sortUnique(out)
    .map((l) => `${l}\n`)
    .join('');
}

/** `grep -q[x] -- PATTERN` over the known anchors: grep's complaint goes to ERR (grep then fails). */
function grepAnchors(lines: readonly string[], pattern: string, whole: boolean, err: (text: string) => void): boolean {
  const p = grepPattern(pattern, whole);
  if ('error' in p) {
    err(`${p.error}\n`);
    return false;
  }
  return lines.some((l) => p.regex.test(l));
}

/** pf_anchor_known: the anchor, or one below it, is referenced or holds rules. */
export function pfAnchorKnown(st: State, anchor: string, err: (text: string) => void): boolean {
  if (anchor === '') return true;
  const lines = [...pfReferenced(st), ...pfLoaded(st)];
  return grepAnchors(lines, anchor, true, err) || grepAnchors(lines, `^${anchor}/`, false, err);
}
