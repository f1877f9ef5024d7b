/**
 * pfctl(8) of the fake host (bin/pfctl): `-a ANCHOR -f FILE|-` (the rules are logged as the
 * call's content), `-F nat|all|…`, `-s Anchors|nat|…`, `-e`, `-d`, `-q`. State: pf-store.ts.
 */
import { mkdirSync, readFileSync } from 'node:fs';
import type { Call } from './call.js';
import { Getopts } from './getopts.js';
import { exists, isDir, put, readable, readText } from './net-files.js';
import { pfAnchorFile, pfAnchorKnown, pfDir, pfListAnchors, pfRender } from './pf-store.js';
import { readTrimmed } from './state.js';

interface PfOptions {
  anchor: string;
  file: string;
  show: string;
  flush: string;
  quiet: boolean;
  enable: boolean;
  disable: boolean;
}

function options(call: Call): PfOptions {
  const o: PfOptions = { anchor: '', file: '', show: '', flush: '', quiet: false, enable: false, disable: false };
  for (const { opt, arg } of new Getopts(call.cmd, call.args, 'a:f:s:F:qePdvnNrgz', (l) => call.err(l))) {
    if (opt === 'a') o.anchor = arg;
    else if (opt === 'f') o.file = arg;
    else if (opt === 's') o.show = arg;
    else if (opt === 'F') o.flush = arg;
    else if (opt === 'q') o.quiet = true;
    else if (opt === 'e') o.enable = true;
    else if (opt === 'd') o.disable = true;
  }
  return o;
}

/** `$(…)` drops the trailing newlines. */
function chomp(text: string): string {
  return text.replace(/\n+$/, '');
}

/** -f: loads FILE (or standard input) into the anchor or as the main ruleset; false when FILE is missing. */
function load(call: Call, o: PfOptions): boolean {
  const pf = pfDir(call.st);
  let content: string;
  if (o.file === '-') content = chomp(call.stdinText());
  else if (readable(call.resolve(o.file))) {
    const path = call.resolve(o.file);
    if (isDir(path)) call.errRaw(`cat: ${o.file}: Is a directory\n`);
    content = chomp(readText(path) ?? '');
  } else {
    call.setContent('');
    call.err(`pfctl: ${o.file}: No such file or directory`);
    return false;
  }
  call.setContent(content);
  if (o.anchor === '') put(`${pf}/main.conf`, `${content}\n`);
  else put(pfAnchorFile(call.st, o.anchor), pfRender(`${content}\n`));
  return true;
}

/** -F */
function flush(call: Call, o: PfOptions): void {
  switch (o.flush) {
    case 'nat':
    case 'n':
    case 'all':
    case 'a':
      if (o.anchor === '') put(`${pfDir(call.st)}/main.conf`, '');
      else if (exists(pfAnchorFile(call.st, o.anchor))) put(pfAnchorFile(call.st, o.anchor), '');
      if (!o.quiet) call.err('nat cleared');
      break;
    default:
      if (!o.quiet) call.err('rules cleared');
  }
}

/** -s; false when the anchor is unknown. */
function show(call: Call, o: PfOptions): boolean {
  const st = call.st;
  const complain = (text: string): void => call.errRaw(text);
  switch (o.show) {
    case 'Anchors':
    case 'A':
      if (o.anchor !== '' && !pfAnchorKnown(st, o.anchor, complain)) {
        call.err('pfctl: DIOCGETRULESETS: Invalid argument');
        return false;
      }
      call.out(pfListAnchors(st, o.anchor));
      return true;
    case 'nat':
    case 'n': {
      if (o.anchor !== '') {
        if (!pfAnchorKnown(st, o.anchor, complain)) {
          call.err('pfctl: DIOCGETRULES: Invalid argument');
          return false;
        }
        const f = pfAnchorFile(st, o.anchor);
        if (readable(f)) {
          if (isDir(f)) call.errRaw(`cat: ${f}: Is a directory\n`);
          else call.out(readFileSync(f));
        }
      } else if (readable(`${pfDir(st)}/main.conf`)) call.out(pfRender(readText(`${pfDir(st)}/main.conf`) ?? ''));
      return true;
    }
    default:
      return true;
  }
}

/** -e / -d: answers 1 when pf already is in that state. */
function toggle(call: Call, on: boolean): number {
  const file = `${pfDir(call.st)}/enabled`;
  const enabled = readTrimmed(file) === '1';
  if (enabled === on) {
    call.err(on ? 'pfctl: pf already enabled' : 'pfctl: pf not enabled');
    return 1;
  }
  put(file, on ? '1\n' : '0\n');
  call.err(on ? 'pf enabled' : 'pf disabled');
  return 0;
}

/** bin/pfctl's main. */
export function pfctl(call: Call): number {
  const o = options(call);
  mkdirSync(`${pfDir(call.st)}/anchors`, { recursive: true });
  // the kernel keeps each anchor path component in PF_ANCHOR_NAME_SIZE (64) bytes
  const parts = (o.anchor.split('\n')[0] as string).split('/');
  if (parts.some((p) => Buffer.byteLength(p) > 63)) {
    if (o.file !== '' || o.flush !== '') call.cls = 'E';
    call.err('pfctl: DIOCXBEGIN: Invalid argument');
    return 1;
  }
  if (o.file !== '') {
    call.cls = 'E';
    if (!load(call, o)) return 1;
  }
  if (o.flush !== '') {
    call.cls = 'E';
    flush(call, o);
  }
  if (o.show !== '' && !show(call, o)) return 1;
  let rc = 0;
  if (o.enable) {
    call.cls = 'E';
    rc = toggle(call, true) || rc;
  }
  if (o.disable) {
    call.cls = 'E';
    rc = toggle(call, false) || rc;
  }
  return rc;
}
