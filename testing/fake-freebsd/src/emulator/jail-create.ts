/**
 * jail(8) of the fake host (bin/jail): `jail -c PARAM...` creates a jail entry (nothing is
 * executed), `jail -r NAME` / `jail -f- -q -r NAME` removes it (the config read on stdin is
 * logged). `jail -c PARAM... command=PROG ARG...` runs PROG in the jail and ends it with PROG
 * (not persistent); without name= it is a throw-away jail that leaves no entry. Only the forms
 * of inside.ts (`/bin/cp -a`, `/bin/mkdir -p`) do something, on path=; their status is jail's.
 */
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Call } from './call.js';
import { Getopts } from './getopts.js';
import { insideKnown, insideRun } from './inside.js';
import { mask2prefix } from './ipv4.js';
import { jailDir, jailExists, jailRead, jailReap, jailRemove } from './jail-store.js';
import { mtAdd } from './mounts.js';
import { isDir } from './net-files.js';
import { netAddrAdd, netDir, netExists } from './net-store.js';

/** `for item in ${list//,/ }`: the words of a comma- or blank-separated list. */
function listItems(list: string): string[] {
  return list.split(/[, \t\n]+/).filter((w) => w !== '');
}

/** The checks of jail_create before anything is written; false (message given) when one fails. */
function createChecks(call: Call, name: string, path: string, params: readonly string[]): boolean {
  const st = call.st;
  if (name === '') {
    call.err('jail: no jail name specified');
    return false;
  }
  if (jailExists(st, name)) {
    call.err(`jail: ${name}: jail ${jailRead(st, name, 'jid')} already exists`);
    return false;
  }
  if (path !== '' && !isDir(call.resolve(path))) {
    call.err(`jail: ${name}: path ${path}: No such file or directory`);
    return false;
  }
  for (const p of params) {
    if (p.startsWith('vnet.interface=') && !netExists(st, p.slice('vnet.interface='.length))) {
      call.err(`jail: ${name}: vnet.interface: ${p.slice('vnet.interface='.length)}: no such interface`);
      return false;
    }
    if (p.startsWith('ip4.addr=') || p.startsWith('ip6.addr=')) {
      for (const item of listItems(p.slice(p.indexOf('=') + 1))) {
        if (!item.includes('|')) continue;
        const ifn = item.slice(0, item.indexOf('|'));
        if (!netExists(st, ifn)) {
          call.err(`jail: ${name}: ${p.slice(0, p.indexOf('='))}: ${ifn}: no such interface`);
          return false;
        }
      }
    }
  }
  return true;
}

/** ip4.addr= / ip6.addr=: the IF|ADDR[/PREFIX] items become aliases of host interfaces. */
function addAddresses(call: Call, d: string, p: string): void {
  const inet = p.startsWith('ip4.addr=');
  for (const item of listItems(p.slice(p.indexOf('=') + 1))) {
    if (!item.includes('|')) continue;
    const ifn = item.slice(0, item.indexOf('|'));
    let addr = item.slice(item.indexOf('|') + 1);
    let pfx = '';
    if (addr.includes('/')) {
      pfx = addr.slice(addr.indexOf('/') + 1);
      addr = addr.slice(0, addr.indexOf('/'));
    }
    if (inet) {
      if (pfx === '') pfx = '32';
      if (pfx.includes('.')) pfx = String(mask2prefix(pfx));
    } else if (pfx === '') pfx = '128';
    netAddrAdd(call.st, ifn, inet ? 'inet' : 'inet6', addr, pfx);
    appendFileSync(`${d}/${inet ? 'ip4' : 'ip6'}`, `${ifn} ${addr} ${pfx}\n`);
  }
}

/** The mounts jail(8) makes for mount.devfs, mount.fdescfs and mount.procfs (recorded only). */
const JAIL_MOUNTS: Readonly<Record<string, { below: string; type: string; opts: string }>> = {
  'mount.devfs': { below: '/dev', type: 'devfs', opts: '' },
  'mount.fdescfs': { below: '/dev/fd', type: 'fdescfs', opts: '' },
  'mount.procfs': { below: '/proc', type: 'procfs', opts: 'local' },
};

/** jail_create PARAM...: the jail's entry, its addresses, vnet interfaces, mounts and processes. */
function jailCreate(call: Call, params: readonly string[], quiet: boolean): number {
  const st = call.st;
  let name = '';
  let path = '';
  let host = '';
  let persist = '0';
  for (const p of params) {
    if (p.startsWith('name=')) name = p.slice(5);
    else if (p.startsWith('path=')) path = p.slice(5);
    else if (p.startsWith('host.hostname=')) host = p.slice('host.hostname='.length);
    else if (p === 'persist') persist = '1';
    else if (p === 'nopersist') persist = '0';
  }
  if (!createChecks(call, name, path, params)) return 1;
  const d = jailDir(st, name);
  mkdirSync(d, { recursive: true });
  writeFileSync(`${d}/jid`, `${st.nextSeq('jid')}\n`);
  writeFileSync(`${d}/path`, `${path}\n`);
  writeFileSync(`${d}/hostname`, `${host}\n`);
  writeFileSync(`${d}/persist`, `${persist}\n`);
  writeFileSync(`${d}/params`, params.map((p) => `${p}\n`).join(''));
  for (const f of ['ip4', 'ip6', 'vnet', 'mounts', 'procs']) writeFileSync(`${d}/${f}`, '');
  for (const p of params) {
    const mount = Object.hasOwn(JAIL_MOUNTS, p) ? JAIL_MOUNTS[p] : undefined;
    if (p.startsWith('ip4.addr=') || p.startsWith('ip6.addr=')) addAddresses(call, d, p);
    else if (p.startsWith('vnet.interface=')) {
      const ifn = p.slice('vnet.interface='.length);
      writeFileSync(`${netDir(st, ifn)}/vnet`, `${name}\n`);
      appendFileSync(`${d}/vnet`, `${ifn}\n`);
    } else if (mount !== undefined) {
      mtAdd(st, { src: mount.type, mp: `${path}${mount.below}`, type: mount.type, opts: mount.opts, real: '0' });
      appendFileSync(`${d}/mounts`, `${path}${mount.below}\n`);
    } else if (p.startsWith('exec.start=')) {
      // the fake process model only knows the "sleep N&" idiom pot uses
      const m = /sleep ([0-9]+)/.exec(p);
      if (m !== null) appendFileSync(`${d}/procs`, `sleep ${m[1]}\n`);
    }
  }
  if (!quiet) call.out(`${name}: created\n`);
  jailReap(st, name);
  return 0;
}

/** jail_command PARAM... -- PROG ARG...: jail -c with command=. */
function jailCommand(call: Call, params: readonly string[], argv: readonly string[], quiet: boolean): number {
  let name = '';
  let path = '';
  for (const p of params) {
    if (p.startsWith('name=')) name = p.slice(5);
    else if (p.startsWith('path=')) path = p.slice(5);
  }
  if (name !== '') {
    const rc = jailCreate(call, params, quiet);
    if (rc !== 0) return rc;
  } else if (path === '' || !isDir(call.resolve(path))) {
    call.err(`jail: path ${path === '' ? '(none)' : path}: No such file or directory`);
    return 1;
  }
  if (!insideKnown(argv)) return 0;
  return insideRun(call, path, argv);
}

/** `$(cat)`: standard input without its trailing newlines (and without NUL bytes). */
function catText(text: string): string {
  return text.replace(/\0/g, '').replace(/\n+$/, '');
}

/** `$(cat -- FILE 2>/dev/null)` */
function catFile(file: string): string {
  try {
    return catText(readFileSync(file, 'utf8'));
  } catch {
    return '';
  }
}

/** jail(8): bin/jail's main. */
export function jail(call: Call): number {
  call.cls = 'E';
  // the configuration on stdin (read before the state lock in bash)
  const stdin = call.args.some((a) => a === '-f-' || a === '-') ? catText(call.stdinText()) : '';
  let mode = '';
  let cfile = '';
  let quiet = false;
  const g = new Getopts('jail', call.args, 'cmrRf:qvdhilsuU:J:e:', (l) => call.err(l));
  for (const o of g) {
    if (o.opt === 'c') mode = 'create';
    else if (o.opt === 'r' || o.opt === 'R') mode = 'remove';
    else if (o.opt === 'm') mode = 'modify';
    else if (o.opt === 'f') cfile = o.arg;
    else if (o.opt === 'q') quiet = true;
  }
  if (cfile === '-') call.setContent(stdin);
  else if (cfile !== '') call.setContent(catFile(call.resolve(cfile)));
  const args = g.rest();
  const at = args.findIndex((a) => a.startsWith('command='));
  if (mode === 'create' && at >= 0) {
    const prog = (args[at] as string).slice('command='.length);
    return jailCommand(call, args.slice(0, at), [prog, ...args.slice(at + 1)], quiet);
  }
  if (mode === 'create') return jailCreate(call, args, quiet);
  if (mode === 'remove') {
    let rc = 0;
    for (const n of args) {
      if (!jailExists(call.st, n)) {
        call.err(`jail: "${n}" not found`);
        rc = 1;
        continue;
      }
      jailRemove(call.st, n);
      if (!quiet) call.out(`${n}: removed\n`);
    }
    return rc;
  }
  call.err('fakebsd jail: unsupported invocation');
  return 1;
}
