/**
 * The two call logs (fb_log, fb_json_log): calls.log in the golden format of pot-shell-golden
 * and calls.jsonl, one JSON object a line.
 */
import { appendFileSync } from 'node:fs';
import type { Call } from './call.js';

/** A word as the golden logs quote it (fb_quote_into). */
export function quoteWord(word: string): string {
  if (word !== '' && /^[A-Za-z0-9_@%+=:,./-]+$/.test(word)) return word;
  if (word.includes('\n') || word.includes('\t')) {
    const q = word.replace(/\\/g, '\\\\').replace(/'/g, "\\'").replace(/\n/g, '\\n').replace(/\t/g, '\\t');
    return `$'${q}'`;
  }
  return `'${word.replace(/'/g, "'\\''")}'`;
}

/** TEXT as a JSON string the way fb_json_into writes it (control characters as \uXXXX). */
export function jsonString(text: string): string {
  const s = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\n/g, '\\n')
    .replace(/\t/g, '\\t')
    .replace(/\r/g, '\\r')
    // biome-ignore lint/suspicious/noControlCharactersInRegex: escaping them is the point
    .replace(/[\x01-\x1f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  return `"${s}"`;
}

function contentLines(content: string): string {
  if (content === '') return '    (empty)\n';
  return `${content
    .split('\n')
    .map((l) => `    | ${l}`)
    .join('\n')}\n`;
}

/** Appends the call to both logs (nothing when FAKEBSD_NOLOG is set). */
export function logCall(call: Call, rc: number): void {
  const env = call.env;
  if (env.FAKEBSD_NOLOG !== undefined && env.FAKEBSD_NOLOG !== '') return;
  const st = call.st;
  let line = `${call.cls} ${call.cmd}`;
  for (const a of call.loggedArgs) line += ` ${quoteWord(a)}`;
  if (rc !== 0) line += `  #rc=${rc}`;
  line += '\n';
  if (call.content !== undefined) line += contentLines(call.content);
  appendFileSync(env.FAKEBSD_LOG || st.path('calls.log'), line, 'utf8');
  let json = `{"class":"${call.cls}","rc":${rc},"argv":[${[call.cmd, ...call.loggedArgs].map(jsonString).join(',')}]`;
  if (call.content !== undefined) json += `,"input":${jsonString(call.content)}`;
  appendFileSync(env.FAKEBSD_JSONLOG || st.path('calls.jsonl'), `${json}}\n`, 'utf8');
}
