/**
 * fetch(1) of the fake host (../../bin/fetch): no network; URLs are served from
 * $FAKEBSD_FETCH_DIR (DIR/HOST/PATH, else DIR/PATH, else DIR/BASENAME).
 */
import { lstatSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { redirectError } from './bash-behaviour.js';
import type { Call } from './call.js';
import { isDir } from './net-files.js';

function isFile(p: string): boolean {
  try {
    return statSync(p).isFile();
  } catch {
    return false;
  }
}

/** fetch_source: the file standing for URL below DIR (a path as bash builds it). */
function fetchSource(dir: string, url: string, resolve: (p: string) => string): string | undefined {
  const at = url.indexOf('://');
  const rest = at < 0 ? url : url.slice(at + 3);
  const slash = rest.indexOf('/');
  const host = slash < 0 ? rest : rest.slice(0, slash);
  let p = rest.slice(host.length);
  if (p.startsWith('/')) p = p.slice(1);
  const q = p.indexOf('?');
  if (q >= 0) p = p.slice(0, q);
  const base = p.slice(p.lastIndexOf('/') + 1);
  for (const c of [`${dir}/${host}/${p}`, `${dir}/${p}`, `${dir}/${base}`]) {
    if (p !== '' && !c.endsWith('/') && isFile(resolve(c))) return c;
  }
  return undefined;
}

/** `cp -- SRC OUT`: into OUT when it is a directory; an existing file keeps its mode. */
function copyPlain(src: string, out: string): boolean {
  try {
    const dst = isDir(out) ? path.join(out, path.basename(src)) : out;
    writeFileSync(dst, readFileSync(src), { mode: statSync(src).mode & 0o777 });
    return true;
  } catch {
    return false;
  }
}

interface FetchArgs {
  out: string;
  sizeOnly: boolean;
  url: string;
}

function parseArgs(args: readonly string[]): FetchArgs {
  const r: FetchArgs = { out: '', sizeOnly: false, url: '' };
  let expectOut = false;
  for (const a of args) {
    if (expectOut) {
      r.out = a;
      expectOut = false;
      continue;
    }
    if (a === '-o') expectOut = true;
    else if (a.startsWith('-o')) r.out = a.slice(2);
    else if (a === '-s') r.sizeOnly = true;
    else if (/:\/\//.test(a)) r.url = a;
  }
  return r;
}

/** fetch [-qmv…] [-o FILE] URL, fetch -s URL */
export function fetch(call: Call): number {
  const { out: given, sizeOnly, url } = parseArgs(call.args);
  call.cls = sizeOnly ? 'Q' : 'E';
  const dir = call.env.FAKEBSD_FETCH_DIR ?? '';
  if (dir === '') {
    call.err(`fetch: ${url || '?'}: No address record`);
    return 1;
  }
  if (url === '') {
    call.err('usage: fetch [-146AadFlMmnPpqRrsUv] [-B bytes] [-i file] [-N file] [-o file] [-S bytes] [-T seconds] URL ...');
    return 1;
  }
  const src = fetchSource(dir, url, (p) => call.resolve(p));
  if (src === undefined) {
    call.err(`fetch: ${url}: Not Found`);
    return 1;
  }
  const from = call.resolve(src);
  // stat -c %s does not follow a symbolic link
  const total = lstatSync(from).size;
  if (sizeOnly) {
    call.out(`${total}\n`);
    return 0;
  }
  const out = given === '' ? url.slice(url.lastIndexOf('/') + 1) : given;
  if (out === '-') {
    call.out(readFileSync(from));
    return 0;
  }
  const cut = call.env.FAKEBSD_FETCH_TRUNCATE ?? '';
  if (cut !== '' && Number(cut) < total) {
    try {
      writeFileSync(call.resolve(out), readFileSync(from).subarray(0, Number(cut)));
    } catch (e) {
      redirectError(call, 68, out, e);
      return 1;
    }
    call.err(`fetch: ${out} appears to be truncated: ${cut}/${total} bytes`);
    return 1;
  }
  if (!copyPlain(from, call.resolve(out))) {
    call.err(`fetch: ${out}: open(): No such file or directory`);
    return 1;
  }
  return 0;
}
