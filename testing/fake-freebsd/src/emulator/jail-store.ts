/**
 * Jails and processes of the fake host (lib/jail.sh), on the same state. Nothing is executed.
 * $FAKEBSD_STATE/jail/<name>/
 *   jid  path  hostname  persist (1|0)  params (the jail -c arguments, one per line)
 *   ip4 / ip6   lines "IFNAME ADDR PREFIX" (aliases jail(8) added to host interfaces)
 *   vnet        interfaces moved into the jail (lines)
 *   mounts      mount points jail(8) mounted (devfs, fdescfs, procfs)
 *   procs       fake processes running in the jail (lines = command lines)
 * $FAKEBSD_STATE/procs : host processes started by daemon(8): "PID<TAB>PIDFILE<TAB>CMDLINE"
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { mtFind, umountEntry } from './mounts.js';
import { awkRecords, byteOrder, isDir, nonEmpty, readLoopLines, readText, readWords } from './net-files.js';
import { type AddressFamily, netAddrDel, netDir } from './net-store.js';
import { readTrimmed, type State } from './state.js';

/** $FAKEBSD_STATE/jail */
export function jailRoot(st: State): string {
  return st.path('jail');
}

/** jail_dir: a jail's directory (the name is not checked, as in bash). */
export function jailDir(st: State, name: string): string {
  return `${jailRoot(st)}/${name}`;
}

/** A file of a jail's directory. */
export function jailFile(st: State, name: string, file: string): string {
  return `${jailDir(st, name)}/${file}`;
}

/** jail_exists */
export function jailExists(st: State, name: string): boolean {
  return name !== '' && !name.includes('/') && isDir(jailDir(st, name));
}

/** `$(<FILE)` of a jail's file ('' when it cannot be read). */
export function jailRead(st: State, name: string, file: string): string {
  return readTrimmed(jailFile(st, name, file)) ?? '';
}

/** `sort -n` under LC_ALL=C: by the leading number, ties by the whole line bytewise. */
function numericOrder(a: string, b: string): number {
  const num = (s: string): number => {
    const m = /^[ \t]*(-?[0-9]*(\.[0-9]*)?)/.exec(s);
    const n = Number.parseFloat(m?.[1] ?? '');
    return Number.isNaN(n) ? 0 : n;
  };
  return num(a) - num(b) || byteOrder(a, b);
}

/** jail_names_by_jid: the jails, by jid (`sort -n | cut -d' ' -f2`). */
export function jailNamesByJid(st: State): string[] {
  const root = jailRoot(st);
  let names: string[];
  try {
    names = readdirSync(root).sort(byteOrder);
  } catch {
    return [];
  }
  const lines = names.filter((n) => !n.startsWith('.') && isDir(`${root}/${n}`)).map((n) => `${jailRead(st, n, 'jid')} ${n}`);
  return lines.sort(numericOrder).map((l) => l.split(' ')[1] as string);
}

/** jail_rawparam: the value of the last `KEY=` line of the jail's params ('' when none). */
export function jailRawParam(st: State, name: string, key: string): string {
  const prefix = `${key}=`;
  let v = '';
  for (const r of awkRecords(readText(jailFile(st, name, 'params')) ?? '')) if (r.startsWith(prefix)) v = r.slice(prefix.length);
  return v;
}

/** jail_param NAME KEY: a parameter as jls prints it (`$(jail_param …)`: no trailing newline). */
export function jailParam(st: State, name: string, key: string): string {
  switch (key) {
    case 'jid':
    case 'path':
    case 'hostname':
      return jailRead(st, name, key);
    case 'host.hostname':
      return jailRead(st, name, 'hostname');
    case 'name':
      return name;
    case 'persist':
      return jailRead(st, name, 'persist') === '1' ? 'true' : 'false';
    case 'dying':
      return 'false';
    case 'vnet':
      return (readText(jailFile(st, name, 'params')) ?? '').split('\n').includes('vnet') ? 'new' : 'inherit';
    case 'ip4.addr':
    case 'ip6.addr': {
      // jls shows addresses without interface and netmask
      const v = jailRawParam(st, name, key);
      if (v === '') return '';
      return v
        .split(',')
        .map((a) => a.replace(/^.*\|/, '').replace(/\/.*$/, ''))
        .join(',');
    }
    default:
      return jailRawParam(st, name, key);
  }
}

/** jail_remove NAME: tear the jail down as jail -r does (mounts, addresses, vnet interfaces). */
export function jailRemove(st: State, name: string): void {
  const mounts = jailFile(st, name, 'mounts');
  if (nonEmpty(mounts)) {
    const lines = readFileSync(mounts, 'utf8').split('\n');
    lines.pop();
    // tac | while read -r mp
    for (const line of lines.reverse()) {
      const mp = readWords(line, 1)[0] as string;
      if (mtFind(st, mp) !== undefined) umountEntry(st, mp);
    }
  }
  for (const [file, af] of [
    ['ip4', 'inet'],
    ['ip6', 'inet6'],
  ] as const satisfies ReadonlyArray<readonly [string, AddressFamily]>) {
    const f = jailFile(st, name, file);
    if (!nonEmpty(f)) continue;
    for (const line of readLoopLines(readText(f) ?? '')) {
      const [ifn = '', addr = ''] = readWords(line, 3);
      if (isDir(netDir(st, ifn))) netAddrDel(st, ifn, af, addr);
    }
  }
  const vnet = jailFile(st, name, 'vnet');
  if (nonEmpty(vnet)) {
    for (const line of readLoopLines(readText(vnet) ?? '')) {
      const ifn = readWords(line, 1)[0] as string;
      if (ifn !== '') rmSync(`${netDir(st, ifn)}/vnet`, { force: true });
    }
  }
  rmSync(jailDir(st, name), { recursive: true, force: true });
}

/** jail_reap NAME: a non-persistent jail without processes dies. */
export function jailReap(st: State, name: string): void {
  if (!isDir(jailDir(st, name))) return;
  if (jailRead(st, name, 'persist') === '1') return;
  if (nonEmpty(jailFile(st, name, 'procs'))) return;
  jailRemove(st, name);
}

/** proc_next_pid: the pid of a new daemon(8) process. */
export function procNextPid(st: State): number {
  return 50000 + st.nextSeq('pid');
}

/** A number as bash arithmetic reads a word of digits (a leading 0: octal); undefined when bash would fail. */
function bashDigits(word: string): number | undefined {
  if (/^0[0-7]*$/.test(word)) return Number.parseInt(word, 8);
  if (/^0/.test(word)) return undefined;
  return Number(word);
}

/**
 * jail_proc_line NAME PID: the line in procs of the jail's process PID (pseudo pid
 * jid * 1000 + line), undefined when it has none.
 */
export function jailProcLine(st: State, name: string, pid: string): number | undefined {
  if (!/^[0-9]+$/.test(pid)) return undefined;
  const p = bashDigits(pid);
  const jid = bashDigits(jailRead(st, name, 'jid'));
  if (p === undefined || jid === undefined || Math.trunc(p / 1000) !== jid) return undefined;
  const n = p % 1000;
  const count = (readText(jailFile(st, name, 'procs')) ?? '').split('\n').length - 1;
  return n >= 1 && n <= count ? n : undefined;
}

/** The pseudo pid of the jail's process on line N (from 1). */
export function jailProcPid(st: State, name: string, n: number): number {
  return Number(jailRead(st, name, 'jid')) * 1000 + n;
}
