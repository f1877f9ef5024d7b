/**
 * The fake host's processes (bin/pgrep, bin/pkill, bin/daemon, bin/top): a jail's are the lines
 * of jail/<name>/procs with pseudo pids (jid * 1000 + line), the host's are daemon(8)'s, lines
 * "PID<TAB>PIDFILE<TAB>CMDLINE" of $FAKEBSD_STATE/procs. Only the default signal (TERM), KILL,
 * INT and QUIT end a fake process; any other is delivered and the process stays (it stands for
 * one that handles it, as nginx HUP). `-j J -F FILE` picks the jail process with the pseudo
 * pid in FILE (/dev/stdin: logged as the call's input).
 */
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { errnoOf, errnoText } from './bash-behaviour.js';
import type { Call } from './call.js';
import { Getopts, standInPath } from './getopts.js';
import { asBytes, awkAssigned, compilePattern } from './jail-regex.js';
import { jailExists, jailFile, jailProcLine, jailProcPid, jailReap, procNextPid } from './jail-store.js';
import { awkRecords, nonEmpty, readable, readWords, replaceFile } from './net-files.js';

/** A file's lines as bytes (latin1), as grep and awk see them under LC_ALL=C; '' when unreadable. */
function byteText(file: string): string {
  try {
    return readFileSync(file, 'latin1');
  } catch {
    return '';
  }
}

/** `sed -i "${N}d"`: TEXT without its line N (a last line without newline stays so). */
function deleteLine(text: string, n: number): string {
  const lines = text.split('\n');
  const tail = lines.pop() as string;
  if (n - 1 < lines.length) lines.splice(n - 1, 1);
  else if (n - 1 === lines.length && tail !== '') return lines.map((l) => `${l}\n`).join('');
  return lines.map((l) => `${l}\n`).join('') + tail;
}

/** `grep -E PATTERN`'s test of one line, or undefined (its complaint given) when PATTERN is bad. */
function grepTest(call: Call, pattern: string): ((line: string) => boolean) | undefined {
  // a pattern with newlines is one pattern a line
  const compiled = asBytes(pattern)
    .split('\n')
    .map((p) => compilePattern(p, 'grep'));
  for (const c of compiled) for (const w of c.warnings) call.err(`grep: warning: ${w}`);
  const bad = compiled.find((c) => c.error !== undefined);
  if (bad !== undefined) {
    call.err(`grep: ${bad.error}`);
    return undefined;
  }
  return (line) => compiled.some((c) => c.regex?.test(line) === true);
}

/** The lines of a file grep reads (a last one without newline included). */
function grepLines(text: string): string[] {
  return awkRecords(text);
}

/**
 * `awk -F'\t' -v r=PATTERN '$3 ~ r …' FILE` (mawk): the test of a record, or undefined (mawk's
 * complaint given) when PATTERN does not compile.
 */
function awkTest(call: Call, pattern: string, file: string): ((record: string) => boolean) | undefined {
  const r = awkAssigned(asBytes(pattern));
  const c = compilePattern(r, 'mawk');
  if (c.regex === undefined) {
    call.errRaw(
      Buffer.from(`awk: run time error: regular expression compile failed (${c.error})\n${r}\n\tFILENAME="${asBytes(file)}" FNR=1 NR=1\n`, 'latin1').toString(
        'utf8',
      ),
    );
    return undefined;
  }
  const regex = c.regex;
  return (record) => regex.test(record.split('\t')[2] ?? '');
}

/** awk's `$1 == p` of strings that may both look like numbers (then compared as numbers). */
function awkEquals(field: string, value: string): boolean {
  const numeric = /^[ \t\n]*[+-]?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?[ \t\n]*$/;
  if (numeric.test(field) && numeric.test(value)) return Number(field) === Number(value);
  return field === value;
}

/** `read -r pid` of standard input: its first line, blanks around it dropped. */
function readPid(call: Call): string {
  const line = call.stdinText().replace(/\0/g, '').split('\n')[0] as string;
  return readWords(line, 1)[0] as string;
}

/** Names of standard input that bash opens by path (`$(<FILE)`). */
const STDIN_PATHS = ['/dev/stdin', '/dev/fd/0', '/proc/self/fd/0'];

/**
 * `[[ -r FILE ]] && pid=$(<FILE)` at line LINE of the stand-in. Standard input is what Node
 * gives a child, a socket, which Linux cannot open through /proc: bash complains, pid stays ''.
 */
function pidFileContent(call: Call, file: string, line: number): string {
  if (STDIN_PATHS.includes(file)) {
    call.err(`${standInPath(call.cmd)}: line ${line}: ${file}: No such device or address`);
    return '';
  }
  const f = call.resolve(file);
  if (!readable(f)) return '';
  try {
    return readFileSync(f, 'utf8').replace(/\n+$/, '');
  } catch (e) {
    // a directory opens, its read fails silently; a failed open is reported
    if (errnoOf(e) !== 'EISDIR') call.err(`${standInPath(call.cmd)}: line ${line}: ${file}: ${errnoText(e)}`);
    return '';
  }
}

/** The pid a `-F FILE` names for a jail's process (/dev/stdin: the call's input, logged). */
function jailPidFrom(call: Call, pidfile: string, line: number): string {
  if (pidfile === '/dev/stdin') {
    // read fd 0 itself, as bash's `read -r pid`
    const pid = readPid(call);
    call.setContent(pid);
    return pid;
  }
  return pidFileContent(call, pidfile, line);
}

/** jail_proc_pids NAME PATTERN: the pseudo pids of the jail's processes matching PATTERN. */
function jailProcPids(call: Call, name: string, pattern: string): string[] {
  const test = grepTest(call, pattern);
  if (test === undefined) return [];
  const pids: string[] = [];
  grepLines(byteText(jailFile(call.st, name, 'procs'))).forEach((line, i) => {
    if (test(line)) pids.push(String(jailProcPid(call.st, name, i + 1)));
  });
  return pids;
}

/** The parent of a process (Linux /proc), undefined when it cannot be read. */
function parentOf(pid: number): number | undefined {
  try {
    // pid (comm) state ppid …: comm may hold blanks and parentheses, so read after the last ')'
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    return Number.isInteger(ppid) && ppid > 0 ? ppid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The machine's processes started for this fake host (FAKEBSD_STATE in their environment:
 * the pot processes a caller such as nomad-pot-driver looks for), as "PID<TAB>-<TAB>ARGS"
 * records, without the calling process and its ancestors: FreeBSD's pgrep skips those
 * unless -a, so `sh -c "pgrep -f 'PATTERN'"` never finds its own shell. Linux /proc only.
 */
function hostProcessRecords(call: Call): string[] {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((d) => /^[0-9]+$/.test(d));
  } catch {
    return [];
  }
  const skipped = new Set<number>();
  for (let p: number | undefined = call.pid; p !== undefined && !skipped.has(p); p = parentOf(p)) skipped.add(p);
  const mark = Buffer.from(`\0FAKEBSD_STATE=${call.env.FAKEBSD_STATE ?? call.st.dir}\0`, 'latin1');
  const records: string[] = [];
  for (const pid of pids) {
    if (skipped.has(Number(pid))) continue;
    try {
      const environ = Buffer.concat([Buffer.from([0]), readFileSync(`/proc/${pid}/environ`), Buffer.from([0])]);
      if (!environ.includes(mark)) continue;
      const args = readFileSync(`/proc/${pid}/cmdline`, 'latin1')
        .replace(/\0+$/, '')
        .replace(/[\0\t\n]/g, ' ');
      if (args !== '') records.push(`${pid}\t-\t${args}`);
    } catch {
      // gone meanwhile, or not ours to read
    }
  }
  return records;
}

/** pgrep(1): bin/pgrep's main. */
export function pgrep(call: Call): number {
  let j = '';
  let pidfile = '';
  let quiet = false;
  const g = new Getopts('pgrep', call.args, 'fj:F:lnoqvx', (l) => call.err(l));
  for (const o of g) {
    if (o.opt === 'j') j = o.arg;
    else if (o.opt === 'F') pidfile = o.arg;
    else if (o.opt === 'q') quiet = true;
  }
  const pat = g.rest()[0] ?? '';
  const pt = call.st.path('procs');
  // what pgrep prints, as bytes (latin1)
  let out = '';
  if (j !== '' && pidfile !== '') {
    const pid = jailPidFrom(call, pidfile, 28);
    if (jailExists(call.st, j) && jailProcLine(call.st, j, pid) !== undefined) out = pid;
  } else if (j !== '') {
    if (jailExists(call.st, j)) out = jailProcPids(call, j, pat).join('\n');
  } else {
    const records = [...(nonEmpty(pt) ? awkRecords(byteText(pt)) : []), ...hostProcessRecords(call)];
    const test = records.length === 0 ? undefined : awkTest(call, pat, pt);
    const pids = test === undefined ? [] : records.filter(test);
    // $(awk …): trailing newlines dropped
    out = pids
      .map((r) => `${r.split('\t')[0]}\n`)
      .join('')
      .replace(/\n+$/, '');
  }
  if (out === '') return 1;
  if (!quiet) call.out(Buffer.from(`${out}\n`, 'latin1'));
  return 0;
}

/** pkill's signal: the last `-SIG`, `-NAME` or `-NUMBER` argument; whether it ends a process. */
function signalOf(args: readonly string[]): { rest: string[]; ends: boolean } {
  let sig = 'TERM';
  const rest: string[] = [];
  for (const a of args) {
    if (/^-[0-9A-Z]+$/.test(a) && a !== '-F' && a !== '-f') {
      sig = a.slice(1);
      if (sig.startsWith('SIG')) sig = sig.slice(3);
      continue;
    }
    rest.push(a);
  }
  return { rest, ends: ['TERM', '15', 'KILL', '9', 'INT', '2', 'QUIT', '3'].includes(sig) };
}

/** pkill -j J: on the jail's processes. */
function pkillJail(call: Call, j: string, pidfile: string, pat: string, ends: boolean): number {
  const st = call.st;
  if (!jailExists(st, j)) return 1;
  const f = jailFile(st, j, 'procs');
  if (pidfile !== '') {
    const n = jailProcLine(st, j, jailPidFrom(call, pidfile, 47));
    if (n === undefined) return 1;
    if (!ends) return 0;
    writeFileSync(f, Buffer.from(deleteLine(byteText(f), n), 'latin1'));
    jailReap(st, j);
    return 0;
  }
  if (pat === '') return 1;
  const test = grepTest(call, pat);
  if (test === undefined) return 1;
  const lines = grepLines(byteText(f));
  if (!lines.some(test)) return 1;
  if (!ends) return 0;
  // grep -Ev again: its warnings a second time
  const again = grepTest(call, pat) ?? test;
  replaceFile(
    f,
    lines
      .filter((l) => !again(l))
      .map((l) => `${l}\n`)
      .join(''),
    'latin1',
  );
  jailReap(st, j);
  return 0;
}

/** pkill without -j: on daemon(8)'s processes. */
function pkillHost(call: Call, pidfile: string, pat: string, ends: boolean): number {
  const pt = call.st.path('procs');
  if (!nonEmpty(pt)) return 1;
  const records = awkRecords(byteText(pt));
  if (pidfile !== '') {
    const pid = pidFileContent(call, pidfile, 67);
    if (pid === '') return 1;
    const p = awkAssigned(asBytes(pid));
    const first = (r: string): string => r.split('\t')[0] as string;
    if (!records.some((r) => awkEquals(first(r), p))) return 1;
    if (!ends) return 0;
    replaceFile(
      pt,
      records
        .filter((r) => !awkEquals(first(r), p))
        .map((r) => `${r}\n`)
        .join(''),
      'latin1',
    );
    return 0;
  }
  const test = awkTest(call, pat, pt);
  if (test === undefined || !records.some(test)) return 1;
  if (!ends) return 0;
  replaceFile(
    pt,
    records
      .filter((r) => !test(r))
      .map((r) => `${r}\n`)
      .join(''),
    'latin1',
  );
  return 0;
}

/** pkill(1): bin/pkill's main. */
export function pkill(call: Call): number {
  call.cls = 'E';
  const { rest, ends } = signalOf(call.args);
  let j = '';
  let pidfile = '';
  const g = new Getopts('pkill', rest, 'fj:F:lnoqvx', (l) => call.err(l));
  for (const o of g) {
    if (o.opt === 'j') j = o.arg;
    else if (o.opt === 'F') pidfile = o.arg;
  }
  const pat = g.rest()[0] ?? '';
  return j !== '' ? pkillJail(call, j, pidfile, pat, ends) : pkillHost(call, pidfile, pat, ends);
}

/** The line of bin/daemon writing the pid file (bash names it when the file cannot be written). */
const PIDFILE_LINE = 20;

/** daemon(8): records a fake host process (nothing is executed). */
export function daemon(call: Call): number {
  call.cls = 'E';
  let pidfile = '';
  const g = new Getopts('daemon', call.args, 'cfrSp:P:t:u:o:m:l:s:T:R:', (l) => call.err(l));
  for (const o of g) if (o.opt === 'p' || o.opt === 'P') pidfile = o.arg;
  const pid = procNextPid(call.st);
  appendFileSync(call.st.path('procs'), `${pid}\t${pidfile}\t${g.rest().join(' ')}\n`);
  if (pidfile !== '') {
    try {
      writeFileSync(call.resolve(pidfile), `${pid}\n`);
    } catch (e) {
      call.err(`${standInPath('daemon')}: line ${PIDFILE_LINE}: ${pidfile}: ${errnoText(e)}`);
    }
  }
  return 0;
}

/**
 * top(1): bin/top runs `fb_run top "$@"`, so its getopts meets the word `top` first and
 * stops: -J is never read and every call prints the empty screen (exit 0), logged as
 * `top top ARG…`. Kept as it is (the jail's process lines are never shown).
 */
export function top(call: Call): number {
  call.logArgs = ['top', ...call.args];
  call.out('last pid: 99999;  load averages:  0.00,  0.00,  0.00\n\n  PID USERNAME    THR PRI NICE   SIZE    RES STATE    C   TIME    WCPU COMMAND\n');
  return 0;
}
