/**
 * ifconfig(8) of the fake host (bin/ifconfig): the listing forms (`-a [inet|inet6]`, `-l`,
 * `-g GROUP`, `IF [inet|inet6]`), cloning (`bridge|epair create …`) and the commands applied
 * left to right to one interface (addresses, up/down, name, descr, group, mtu, addm/deletem,
 * private, destroy, nd6 options). State: net-store.ts.
 */
import { appendFileSync, rmSync } from 'node:fs';
import type { Call } from './call.js';
import { ip2int, isIpv4, mask2prefix } from './ipv4.js';
import { isDir, nonEmpty, put, readText } from './net-files.js';
import {
  type AddressFamily,
  bashInt,
  hasFirstField,
  netAddGroup,
  netAddrAdd,
  netAddrDel,
  netClone,
  netDelGroup,
  netDestroy,
  netExists,
  netHost,
  netInGroup,
  netRename,
  netRoot,
  netShow,
  rewriteRecords,
  setField,
  firstField,
  touch,
} from './net-store.js';
import { readTrimmed, type State } from './state.js';

/** ifc_classful: the prefix of a classful address (the first octet in bash arithmetic). */
function classful(a: string): string {
  let o: number;
  try {
    o = Math.floor(ip2int(`${a.split('.')[0]}.0.0.0`) / 2 ** 24);
  } catch {
    // bash refuses the octet (`08`): both tests fail
    return '24';
  }
  return o < 128 ? '8' : o < 192 ? '16' : '24';
}

/**
 * fb_mask2prefix as a word. Bash arithmetic reads a name (`foo`) as an unset variable, 0; a
 * number it refuses (`08`) makes it complain and give no prefix (the complaint is not repeated).
 */
function maskPrefix(mask: string): string {
  const names = mask.startsWith('0x') ? mask : mask.replace(/(^|\.)[A-Za-z_][A-Za-z0-9_]*(?=\.|$)/g, (_, dot: string) => `${dot}0`);
  try {
    return String(mask2prefix(names));
  } catch {
    return '';
  }
}

interface AddrResult {
  ok: boolean;
  /** What the address did not use (IFC_REST). */
  rest: string[];
}

/** ifc_addr IF AF ADDR REST…: assigns or removes an address. */
function ifcAddr(call: Call, n: string, af: AddressFamily, addr: string, args: string[]): AddrResult {
  const st = call.st;
  let a = addr;
  let p = '';
  let alias = false;
  let del = false;
  const slash = a.indexOf('/');
  if (slash >= 0) {
    p = a.slice(slash + 1);
    a = a.slice(0, slash);
  }
  let i = 0;
  options: while (i < args.length) {
    switch (args[i]) {
      case 'netmask':
        // bash loops for ever on a last `netmask`/`prefixlen` (shift 2 fails): taken as the end here
        p = maskPrefix(args[i + 1] ?? '');
        i += 2;
        break;
      case 'prefixlen':
        p = args[i + 1] ?? '';
        i += 2;
        break;
      case 'broadcast':
        i += 2;
        break;
      case 'alias':
      case 'add':
        alias = true;
        i++;
        break;
      case '-alias':
      case 'delete':
      case 'remove':
        del = true;
        i++;
        break;
      default:
        break options;
    }
  }
  const rest = args.slice(i);
  if (af === 'inet' && !isIpv4(a)) {
    call.err(`ifconfig: ${a}: bad value`);
    return { ok: false, rest };
  }
  if (del) {
    if (netAddrDel(st, n, af, a)) return { ok: true, rest };
    call.err(
      af === 'inet' ? "ifconfig: ioctl (SIOCDIFADDR): Can't assign requested address" : "ifconfig: ioctl (SIOCDIFADDR_IN6): Can't assign requested address",
    );
    return { ok: false, rest };
  }
  const d = `${netRoot(st)}/${n}`;
  if (af === 'inet') {
    if (p === '') p = classful(a);
    if (!alias && nonEmpty(`${d}/inet`)) {
      // sed -i 1d: the first address is replaced
      const text = readText(`${d}/inet`) ?? '';
      const nl = text.indexOf('\n');
      put(`${d}/inet`, nl < 0 ? '' : text.slice(nl + 1));
    }
  } else if (p === '') p = '64';
  netAddrAdd(st, n, af, a, p);
  touch(`${d}/up`);
  return { ok: true, rest };
}

/** The bridge's members file holds M as a first field (awk's answer; undefined when it cannot be opened). */
function memberOf(call: Call, members: string, m: string, quiet: boolean): boolean {
  const has = hasFirstField(members, m);
  if (has === undefined && !quiet) call.errRaw(`awk: cannot open ${members} (No such file or directory)\n`);
  return has === true;
}

const ND6_BITS: Readonly<Record<string, number>> = { performnud: 1, accept_rtadv: 2, ifdisabled: 8, auto_linklocal: 32 };

/** ifc_apply IF CMD…: applies the commands left to right, as ifconfig does. */
function ifcApply(call: Call, name: string, cmds: readonly string[]): number {
  const st = call.st;
  let n = name;
  let af = '';
  let args = [...cmds];
  const shift = (): string => args.shift() ?? '';
  while (args.length > 0) {
    const t = shift();
    const d = `${netRoot(st)}/${n}`;
    switch (t) {
      case 'inet':
      case 'inet6': {
        af = t;
        const first = args[0];
        if (first !== undefined && (first.includes('.') || first.includes(':'))) {
          args.shift();
          const r = ifcAddr(call, n, t, first, args);
          if (!r.ok) return 1;
          args = r.rest;
        }
        break;
      }
      case 'up':
        touch(`${d}/up`);
        break;
      case 'down':
        rmSync(`${d}/up`, { force: true });
        break;
      case 'name': {
        if (args.length < 1) {
          call.err('ifconfig: name: missing argument');
          return 1;
        }
        const to = args[0] as string;
        if (isDir(`${netRoot(st)}/${to}`)) {
          call.err('ifconfig: ioctl SIOCSIFNAME (set name): File exists');
          return 1;
        }
        const failure = netRename(st, n, to);
        if (failure !== undefined) call.err(failure);
        n = to;
        call.out(`${n}\n`);
        shift();
        break;
      }
      case 'descr':
      case 'description':
        put(`${d}/descr`, `${shift()}\n`);
        break;
      case '-descr':
      case '-description':
        rmSync(`${d}/descr`, { force: true });
        break;
      case 'group':
        netAddGroup(st, n, shift());
        break;
      case '-group':
        netDelGroup(st, n, shift());
        break;
      case 'mtu':
        put(`${d}/mtu`, `${shift()}\n`);
        break;
      case 'addm': {
        const m = shift();
        if (!netExists(st, m)) {
          call.err(`ifconfig: BRDGADD ${m}: No such file or directory`);
          return 1;
        }
        if (memberOf(call, `${d}/members`, m, false)) {
          call.err(`ifconfig: BRDGADD ${m}: File exists`);
          return 1;
        }
        appendLine(`${d}/members`, `${m} 0x143`);
        break;
      }
      case 'deletem': {
        const m = shift();
        if (!memberOf(call, `${d}/members`, m, false)) {
          call.err(`ifconfig: BRDGDEL ${m}: Invalid argument`);
          return 1;
        }
        rewriteRecords(`${d}/members`, (r) => (firstField(r) !== m ? r : undefined));
        break;
      }
      case 'private':
      case '-private': {
        const m = shift();
        if (!memberOf(call, `${d}/members`, m, true)) {
          call.err(`ifconfig: BRDGGIFFLGS ${m}: No such file or directory`);
          return 1;
        }
        const mode = t === '-private' ? '0x143' : '0x943';
        rewriteRecords(`${d}/members`, (r) => (firstField(r) === m ? setField(r, 2, mode) : r));
        break;
      }
      case 'destroy':
        switch (readTrimmed(`${d}/kind`)) {
          case 'bridge':
          case 'epair':
          case 'vlan':
          case 'tun':
            netDestroy(st, n);
            return 0;
          default:
            call.err('ifconfig: SIOCIFDESTROY: Invalid argument');
            return 1;
        }
      case 'accept_rtadv':
      case '-accept_rtadv':
      case 'auto_linklocal':
      case '-auto_linklocal':
      case 'ifdisabled':
      case '-ifdisabled':
      case 'performnud':
      case '-performnud': {
        const bit = ND6_BITS[t.replace(/^-/, '')] as number;
        const v = bashInt(readTrimmed(`${d}/nd6`) ?? '');
        put(`${d}/nd6`, `${t.startsWith('-') ? v & ~bit : v | bit}\n`);
        break;
      }
      default: {
        if (t.includes('.') && af === '') {
          const r = ifcAddr(call, n, 'inet', t, args);
          if (!r.ok) return 1;
          args = r.rest;
          break;
        }
        call.err(`ifconfig: ${t}: bad value`);
        return 1;
      }
    }
  }
  return 0;
}

/** `printf '%s\n' LINE >>FILE` */
function appendLine(file: string, line: string): void {
  try {
    appendFileSync(file, `${line}\n`);
  } catch {
    // as put()
  }
}

/** The interfaces of the host, each shown (ifconfig, ifconfig -a [inet|inet6]). */
function showAll(call: Call, st: State, af: string): number {
  for (const n of netHost(st)) call.out(netShow(st, n, af));
  return 0;
}

/** bin/ifconfig's main. */
export function ifconfig(call: Call): number {
  const st = call.st;
  const args = call.args;
  const first = args[0];
  if (first === undefined || first === '-a') {
    const a2 = args[1] ?? '';
    return showAll(call, st, a2 === 'inet' || a2 === 'inet6' ? a2 : '');
  }
  if (first === '-l') {
    call.out(`${netHost(st).join(' ')}\n`);
    return 0;
  }
  if (first === '-g') {
    const group = args[1] ?? '';
    if (group === '') {
      call.err('ifconfig: -g: missing group name');
      return 1;
    }
    for (const n of netHost(st)) if (netInGroup(st, n, group)) call.out(`${n}\n`);
    return 0;
  }
  if (first.startsWith('-')) {
    call.err(`ifconfig: ${first}: unsupported by fakebsd`);
    return 1;
  }
  const rest = args.slice(1);
  const family = rest[0] === 'inet' || rest[0] === 'inet6';
  // the class follows the form of the call, whether or not it succeeds
  if (rest.length >= 2 || (rest.length === 1 && !family)) call.cls = 'E';
  if (rest[0] === 'create' && (first === 'bridge' || first === 'epair')) {
    call.cls = 'E';
    const created = netClone(st, first) as string;
    call.out(`${created}\n`);
    return ifcApply(call, created, rest.slice(1));
  }
  if (!netExists(st, first)) {
    call.err(`ifconfig: interface ${first} does not exist`);
    return 1;
  }
  if (rest.length === 0) {
    call.out(netShow(st, first));
    return 0;
  }
  if (rest.length === 1 && family) {
    call.out(netShow(st, first, rest[0]));
    return 0;
  }
  call.cls = 'E';
  return ifcApply(call, first, rest);
}
