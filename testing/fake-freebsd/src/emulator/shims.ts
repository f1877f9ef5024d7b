/**
 * Stand-ins that the call log does not record: the portability shims `sleep` and `ex`
 * (../../bin/sleep, ex; lib/shim.sh), `tar` (the real one, reading compressed standard input
 * as bsdtar does), and `lockf`, which logs itself before it runs its command
 * (its line comes before the lines of what the command calls, and never carries an #rc).
 * runEmulated must not log these.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync, statSync, writeFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import path from 'node:path';
import type { Call } from './call.js';
import { STAND_IN_DIR, standInPath } from './getopts.js';
import { logCall } from './log.js';

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return !statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/** fb_real_tool: the next NAME in PATH after the stand-ins' directory. */
export function realTool(call: Call, name: string): string | undefined {
  for (const d of (call.env.PATH ?? '').split(':')) {
    if (d === '' || sameFile(d, STAND_IN_DIR)) continue;
    if (executable(`${d}/${name}`)) return `${d}/${name}`;
  }
  return undefined;
}

// ---- sleep

/** A string as mawk turns it into a number (strtod: the longest numeric prefix, else 0). */
function awkNumber(s: string): number {
  const m = /^[ \t\n\r\f\v]*([+-]?)(0[xX][0-9a-fA-F]+|inf(?:inity)?|nan|(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)/i.exec(s);
  if (m === null) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  const body = (m[2] as string).toLowerCase();
  if (body.startsWith('inf')) return sign * Number.POSITIVE_INFINITY;
  if (body === 'nan') return Number.NaN;
  return sign * Number(body);
}

/** A number as mawk prints it: integers whole, else %.6g. */
function awkFormat(n: number): string {
  if (Number.isNaN(n)) return n < 0 ? '-nan' : 'nan';
  if (!Number.isFinite(n)) return n < 0 ? '-inf' : 'inf';
  if (Number.isInteger(n) && Math.abs(n) < 2 ** 53) return String(n);
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 6) {
    const [mant, e] = n.toExponential(5).split('e') as [string, string];
    const m = mant.includes('.') ? mant.replace(/\.?0+$/, '') : mant;
    const en = Number(e);
    return `${m}e${en < 0 ? '-' : '+'}${String(Math.abs(en)).padStart(2, '0')}`;
  }
  return Number(n.toPrecision(6)).toString();
}

/** A synchronous sleep without a process. */
function pause(seconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, seconds * 1000);
}

/** sleep SECONDS, at most $FAKEBSD_SLEEP_MAX (0.2 by default). */
export function sleep(call: Call): number {
  const max = call.env.FAKEBSD_SLEEP_MAX || '0.2';
  let t = awkNumber(call.args[0] || '0');
  const m = awkNumber(max);
  if (t > m) t = m;
  if (Number.isFinite(t) && t >= 0) {
    pause(t);
    return 0;
  }
  // what the real sleep says of a negative or not-a-number interval
  const real = realTool(call, 'sleep');
  if (real === undefined) return 127;
  const r = spawnSync(real, [awkFormat(t)], { encoding: 'utf8', env: call.env as NodeJS.ProcessEnv });
  call.errRaw(r.stderr ?? '');
  return r.status ?? 1;
}

// ---- ex

/** A line number of ex's address as bash arithmetic reads it (a leading 0 is octal). */
function lineNumber(n: string): number {
  return /^0[0-7]+$/.test(n) ? Number.parseInt(n, 8) : Number(n);
}

/** ex FILE with commands on standard input: [N|$]a / [N|$]i text ., w, x, wq, q, q!. */
export function ex(call: Call): number {
  const file = call.args[0] ?? '';
  const at = file === '' ? '' : call.resolve(file);
  let lines: string[] = [];
  try {
    const text = readFileSync(at, 'latin1');
    lines = text === '' ? [] : text.split('\n');
    if (text.endsWith('\n')) lines.pop();
  } catch {
    lines = [];
  }
  const input = call.stdin().toString('latin1').split('\n');
  input.pop(); // `read` drops a last line without its newline
  let cur = lines.length;
  let inserting = false;
  let pos = 0;
  let buf: string[] = [];
  for (const cmd of input) {
    if (inserting) {
      if (cmd === '.') {
        lines = [...lines.slice(0, pos), ...buf, ...lines.slice(pos)];
        cur = pos + buf.length;
        inserting = false;
        buf = [];
      } else buf.push(cmd);
      continue;
    }
    const m = /^([0-9]*|\$)([ai])$/.exec(cmd);
    if (m !== null) {
      const addr = m[1] as string;
      const n = addr === '' ? cur : addr === '$' ? lines.length : lineNumber(addr);
      pos = m[2] === 'a' ? n : n > 0 ? n - 1 : 0;
      inserting = true;
      continue;
    }
    if (cmd === 'w' || cmd === 'x' || cmd === 'wq') {
      try {
        writeFileSync(at, lines.length > 0 ? lines.map((l) => `${l}\n`).join('') : '', 'latin1');
      } catch {
        // the shim goes on as bash does after a failed redirection
      }
      if (cmd !== 'w') return 0;
      continue;
    }
    if (cmd === 'q' || cmd === 'q!') return 0;
    call.errRaw(Buffer.from(`ex: unsupported command: ${cmd}\n`, 'latin1').toString('utf8'));
    return 1;
  }
  return 0;
}

// ---- lockf

/** The command after lockf's options and lock file. */
function lockfCommand(args: readonly string[]): string[] {
  let i = 0;
  while (i < args.length) {
    const a = args[i] as string;
    if (a === '-t') i += 2;
    else if (/^-[knsw]/.test(a)) i++;
    else if (a === '--') {
      i++;
      break;
    } else break;
  }
  return args.slice(i + 1);
}

/** The first line of FILE when it has one (`IFS= read -r first <FILE`). */
function firstLine(file: string): string | undefined {
  try {
    const text = readFileSync(file, 'latin1');
    const nl = text.indexOf('\n');
    return nl < 0 ? undefined : text.slice(0, nl);
  } catch {
    return undefined;
  }
}

/** bash's search of a command name in PATH ('' for none). */
function which(call: Call, name: string): string {
  for (const d of (call.env.PATH ?? '').split(':')) {
    const p = `${d === '' ? '.' : d}/${name}`;
    if (executable(path.resolve(call.cwd, p))) return path.resolve(call.cwd, p);
  }
  return '';
}

/** `exec "$@"` on line LINE: the command's output and status are the call's. */
function execLike(call: Call, argv: string[], line: number): number {
  const [cmd, ...args] = argv as [string, ...string[]];
  const where = `${standInPath(call.cmd)}: line ${line}`;
  const file = cmd.includes('/') ? call.resolve(cmd) : cmd === '' ? '' : which(call, cmd);
  if (file === '') {
    call.err(`${where}: exec: ${cmd}: not found`);
    return 127;
  }
  let isDirectory = false;
  try {
    isDirectory = statSync(file).isDirectory();
  } catch {
    call.err(`${where}: ${cmd}: No such file or directory`);
    return 127;
  }
  if (isDirectory || !executable(file)) {
    const why = isDirectory ? 'Is a directory' : 'Permission denied';
    call.err(`${where}: ${cmd}: ${why}`);
    call.err(`${where}: exec: ${cmd}: cannot execute: ${why}`);
    return 126;
  }
  const r = spawnSync(file, args, {
    argv0: cmd,
    cwd: call.cwd,
    env: { ...call.env, LC_ALL: 'C' } as NodeJS.ProcessEnv,
    ...call.childStdio(true),
    maxBuffer: 1 << 30,
  });
  call.out(r.stdout ?? Buffer.alloc(0));
  call.errRaw(r.stderr?.toString('utf8') ?? '');
  if (r.status !== null) return r.status;
  return 128 + (r.signal === null ? 0 : (osConstants.signals[r.signal] ?? 0));
}

/** lockf [-k] [-s] [-t SECONDS] FILE COMMAND...: no lock; logged, then COMMAND run. */
export function lockf(call: Call): number {
  logCall(call, 0);
  const argv = lockfCommand(call.args);
  if (argv.length === 0) return 0;
  const shell = call.env.FAKEBSD_SH ?? '';
  const script = argv[0] as string;
  if (shell !== '' && statSync(call.resolve(script), { throwIfNoEntry: false })?.isFile()) {
    if (firstLine(call.resolve(script))?.startsWith('#!/bin/sh')) {
      return execLike(call, [...shell.split(/[ \t\n]+/).filter((w) => w !== ''), ...argv], 20);
    }
  }
  return execLike(call, argv, 22);
}

// ---- tar

/** The compressions bsdtar recognises by their first bytes, and GNU tar's option for each. */
const COMPRESSIONS: ReadonlyArray<readonly [Buffer, string]> = [
  [Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]), '-J'],
  [Buffer.from([0x1f, 0x8b]), '-z'],
  [Buffer.from('BZh', 'latin1'), '-j'],
  [Buffer.from([0x28, 0xb5, 0x2f, 0xfd]), '--zstd'],
];

/** `-f -` (or `-xkf -`): the archive is standard input. */
function archiveOnStdin(args: readonly string[]): boolean {
  return args.some((a, i) => /^-[A-Za-z]*f$/.test(a) && args[i + 1] === '-');
}

/**
 * tar: the host's real tar, not logged (as before it had a stand-in), made to read a compressed
 * archive on standard input as FreeBSD's bsdtar does (`tar -xkf - -C DIR < base.txz`): GNU tar
 * detects the compression of a named file only, so the decompressor is named for it.
 */
export function tar(call: Call): number {
  const real = realTool(call, 'tar');
  if (real === undefined) {
    call.err('tar: not found');
    return 127;
  }
  let args = [...call.args];
  let stdio = call.childStdio();
  if (archiveOnStdin(args)) {
    const input = call.stdin();
    const option = COMPRESSIONS.find(([magic]) => input.subarray(0, magic.length).equals(magic))?.[1];
    if (option !== undefined) args = [option, ...args];
    stdio = { input, stdio: ['pipe', 'pipe', 'pipe'] };
  }
  const r = spawnSync(real, args, { env: call.env as NodeJS.ProcessEnv, cwd: call.cwd, ...stdio, maxBuffer: 1 << 30 });
  if (r.stdout !== null && r.stdout.length > 0) call.out(r.stdout);
  if (r.stderr !== null && r.stderr.length > 0) call.errRaw(r.stderr.toString('utf8'));
  if (r.status !== null) return r.status;
  return r.signal === null ? 127 : 128 + (osConstants.signals[r.signal] ?? 0);
}
