/**
 * sysctl(8) and sysrc(8) of the fake host (../../bin/sysctl, sysrc): key=value files read and
 * rewritten as the stand-ins' awk programs do. Those hand keys and values to awk with -v, so
 * mawk's escapes apply to them (\t, \n, \101, …); the files are handled as bytes (latin1
 * strings) for that to come out byte for byte.
 */
import { accessSync, constants, appendFileSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Call } from './call.js';
import { redirectError } from './bash-behaviour.js';
import { Getopts, PACKAGE_DIR } from './getopts.js';
import { readable, replaceFile } from './net-files.js';

/** A string as bytes, one latin1 character each. */
function bytes(s: string): string {
  return Buffer.from(s, 'utf8').toString('latin1');
}

/** Bytes back to text. */
function text(b: string): string {
  return Buffer.from(b, 'latin1').toString('utf8');
}

const AWK_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  '\\': '\\',
  a: '\x07',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
  v: '\v',
};

/** A string given to mawk with -v (escapes processed; an unknown one keeps its backslash). */
function awkVar(s: string): string {
  return s.replace(/\\(x[0-9a-fA-F]{1,2}|[0-7]{1,3}|.)?/gs, (all, e: string | undefined) => {
    if (e === undefined) return all;
    if (e.length > 1 && e[0] === 'x') return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    if (/^[0-7]/.test(e)) return String.fromCharCode(Number.parseInt(e, 8) & 0xff);
    return AWK_ESCAPES[e] ?? all;
  });
}

/** A file's records as awk reads them (bytes); undefined when it cannot be read. */
function records(file: string): string[] | undefined {
  let content: string;
  try {
    content = readFileSync(file, 'latin1');
  } catch {
    return undefined;
  }
  if (content === '') return [];
  const lines = content.split('\n');
  if (content.endsWith('\n')) lines.pop();
  return lines;
}

function writable(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

// ---- sysctl

/** sc_get: the value of KEY (last line KEY=…), undefined when unknown. */
function sysctlGet(file: string, key: string): string | undefined {
  if (!readable(file)) return undefined;
  const prefix = awkVar(`${key}=`);
  let value: string | undefined;
  for (const r of records(file) ?? []) if (r.startsWith(prefix)) value = r.slice(prefix.length);
  return value;
}

function sysctlSet(file: string, key: string, value: string): void {
  const k = awkVar(key);
  const v = awkVar(value);
  const out = (records(file) ?? []).map((r) => `${r.startsWith(`${k}=`) ? `${k}=${v}` : r}\n`).join('');
  replaceFile(file, out, 'latin1');
}

/** sysctl [-nqi] NAME[=VALUE]... on $FAKEBSD_STATE/sysctl */
export function sysctl(call: Call): number {
  const file = `${call.st.dir}/sysctl`;
  const g = new Getopts(call.cmd, call.args, 'nqieNbdhox', (l) => call.err(l));
  const flags = new Set(Array.from(g, (o) => o.opt));
  const [n, q, i] = [flags.has('n'), flags.has('q'), flags.has('i')];
  let rc = 0;
  let out = '';
  const unknown = (k: string): void => {
    if (!q && !i) call.err(`sysctl: unknown oid '${k}'`);
    if (!i) rc = 1;
  };
  for (const arg of g.rest()) {
    const a = bytes(arg);
    const eq = a.indexOf('=');
    if (eq < 0) {
      const v = sysctlGet(file, a);
      if (v === undefined) unknown(arg);
      else out += n ? `${v}\n` : `${a}: ${v}\n`;
      continue;
    }
    call.cls = 'E';
    const k = a.slice(0, eq);
    const v = a.slice(eq + 1);
    const old = sysctlGet(file, k);
    if (old === undefined) {
      unknown(text(k));
      continue;
    }
    if (k.startsWith('kern.') || k.startsWith('hw.')) {
      call.err(`sysctl: oid '${text(k)}' is read only`);
      rc = 1;
      continue;
    }
    sysctlSet(file, k, v);
    out += n ? `${old} -> ${v}\n` : `${k}: ${old} -> ${v}\n`;
  }
  call.out(Buffer.from(out, 'latin1'));
  return rc;
}

// ---- sysrc

const RC_DEFAULTS = path.join(PACKAGE_DIR, 'lib', 'rc.conf.defaults');

/** rc_value: the value of the last assignment of NAME in FILE (quotes and comments dropped). */
function rcValue(file: string, name: string): string | undefined {
  if (!readable(file)) return undefined;
  const prefix = `${awkVar(name)}=`;
  let value: string | undefined;
  for (const r of records(file) ?? []) {
    const l = r.replace(/^[ \t]+/, '');
    if (!l.startsWith(prefix)) continue;
    let v = l.slice(prefix.length);
    if (v.startsWith('"')) v = v.slice(1).replace(/".*$/s, '');
    else if (v.startsWith("'")) v = v.slice(1).replace(/'.*$/s, '');
    else v = v.replace(/[ \t#].*$/s, '');
    value = v;
  }
  return value;
}

class Sysrc {
  constructor(
    readonly call: Call,
    /** The rc.conf files (bytes), as given. */
    readonly files: string[],
  ) {}

  /** A file as the stand-in opens it (relative to the call's directory). */
  at(file: string): string {
    return this.call.resolve(text(file));
  }

  defaults(): string {
    const d = this.call.env.FAKEBSD_RC_DEFAULTS;
    return d === undefined || d === '' ? RC_DEFAULTS : this.call.resolve(d);
  }

  /** rc_get: NAME's value, the defaults then every file. */
  get(name: string): string | undefined {
    let value = rcValue(this.defaults(), name);
    for (const f of this.files) value = rcValue(this.at(f), name) ?? value;
    return value;
  }

  /** rc_set: rewrite NAME's first assignment in the last file that has one, else append to the first. */
  set(name: string, val: string): boolean {
    let f = this.files[0] as string;
    for (const x of this.files) if (rcValue(this.at(x), name) !== undefined) f = x;
    const file = this.at(f);
    if (readable(file) && rcValue(file, name) !== undefined) {
      const n = awkVar(name);
      let done = false;
      const out = (records(file) ?? [])
        .map((r) => {
          if (!done && r.replace(/^[ \t]+/, '').startsWith(`${n}=`)) {
            done = true;
            return `${n}="${awkVar(val)}"\n`;
          }
          return `${r}\n`;
        })
        .join('');
      // written through a temporary file, then copied over (FILE keeps its inode and mode)
      writeFileSync(`${file}.fakebsd.new`, out, 'latin1');
      writeFileSync(file, out, 'latin1');
      rmSync(`${file}.fakebsd.new`, { force: true });
      return true;
    }
    try {
      appendFileSync(file, `${name}="${val}"\n`, 'latin1');
      return true;
    } catch (e) {
      redirectError(this.call, 44, text(f), e);
      return false;
    }
  }

  /** sysrc -x NAME: every assignment of NAME deleted from the writable files. */
  delete(name: string): void {
    const n = `${awkVar(name)}=`;
    for (const f of this.files) {
      const file = this.at(f);
      if (!writable(file)) continue;
      const kept = (records(file) ?? []).filter((r) => !r.replace(/^[ \t]+/, '').startsWith(n));
      replaceFile(file, kept.map((r) => `${r}\n`).join(''), 'latin1');
    }
  }
}

/** sysrc [-f FILE]... [-nqix] NAME[=VALUE]... */
export function sysrc(call: Call): number {
  const g = new Getopts(call.cmd, call.args, 'f:nqiexacdADFhjNR:vj:', (l) => call.err(l));
  const opts = [...g];
  const files = opts.filter((o) => o.opt === 'f').map((o) => bytes(o.arg));
  if (files.length === 0) files.push(bytes(`${call.env.FAKEBSD_HOSTROOT ?? ''}/etc/rc.conf`));
  const flags = new Set(opts.map((o) => o.opt));
  const rc = new Sysrc(call, files);
  let status = 0;
  let out = '';
  for (const arg of g.rest()) {
    const a = bytes(arg);
    const eq = a.indexOf('=');
    const name = eq < 0 ? a : a.slice(0, eq);
    if (flags.has('x')) {
      call.cls = 'E';
      rc.delete(name);
      continue;
    }
    if (eq >= 0) {
      call.cls = 'E';
      const val = a.slice(eq + 1);
      const before = rc.get(name) ?? '';
      if (!rc.set(name, val)) {
        status = 1;
        continue;
      }
      if (flags.has('q')) continue;
      out += flags.has('n') ? `${before} -> ${val}\n` : `${name}: ${before} -> ${val}\n`;
      continue;
    }
    const val = rc.get(name);
    if (val === undefined) {
      if (!flags.has('q') && !flags.has('i')) call.err(`sysrc: unknown variable '${text(name)}'`);
      status = 1;
      continue;
    }
    out += flags.has('n') ? `${val}\n` : `${name}: ${val}\n`;
  }
  call.out(Buffer.from(out, 'latin1'));
  return status;
}
