/**
 * The network stand-ins: ifconfig (../net-ifconfig.ts), pfctl (../pf-ctl.ts), route and sockstat.
 */
import type { Call, Command } from '../call.js';
import { Getopts } from '../getopts.js';
import { awkFields, awkRecords, readable, readText } from '../net-files.js';
import { ifconfig } from '../net-ifconfig.js';
import { pfctl } from '../pf-ctl.js';

/** bin/route: records the change, printed in route(8)'s words. */
function route(call: Call): number {
  call.cls = 'E';
  const [what = '', dest = '', gateway = ''] = call.args;
  if (what === 'add' || what === 'delete' || what === 'change') {
    call.out(dest === 'default' ? `${what} net default: gateway ${gateway}\n` : `${what} net ${dest}: gateway ${gateway}\n`);
  }
  return 0;
}

const STRTOD =
  /^[ \t\n\v\f\r]*([+-]?)(?:0[xX]([0-9a-fA-F]+(?:\.[0-9a-fA-F]*)?|\.[0-9a-fA-F]+)(?:[pP]([+-]?[0-9]+))?|((?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?)|([iI][nN][fF])|([nN][aA][nN]))/;

/** A string as a number in mawk (strtod on its longest numeric prefix: hex, inf and nan too; else 0). */
function awkNumber(s: string): number {
  const m = STRTOD.exec(s);
  if (m === null) return 0;
  const sign = m[1] === '-' ? -1 : 1;
  if (m[2] !== undefined) {
    const [int = '', frac = ''] = m[2].split('.');
    const mantissa = Number.parseInt(`0${int}`, 16) + (frac === '' ? 0 : Number.parseInt(frac, 16) / 16 ** frac.length);
    return sign * mantissa * 2 ** Number(m[3] ?? '0');
  }
  if (m[4] !== undefined) return sign * Number(m[4]);
  return m[5] !== undefined ? sign * Number.POSITIVE_INFINITY : Number.NaN;
}

/** port_ok of bin/sockstat: PORT in the -p list of ports and ranges. */
function portOk(port: string, ports: string): boolean {
  if (ports === '') return true;
  const p = awkNumber(port);
  return ports.split(',').some((r) => {
    if (!r.includes('-')) return p === awkNumber(r);
    const [lo = '', hi = ''] = r.split('-');
    return p >= awkNumber(lo) && p <= awkNumber(hi);
  });
}

/** awk's `%-Ns`: padded to N bytes. */
function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - Buffer.byteLength(s)));
}

/** bin/sockstat: the listening sockets of $FAKEBSD_STATE/sockstat ("USER COMMAND PID FD PROTO LOCAL FOREIGN"). */
function sockstat(call: Call): number {
  let four = false;
  let six = false;
  let listen = false;
  let ports = '';
  for (const { opt, arg } of new Getopts(call.cmd, call.args, '46clLuvswp:P:j:', (l) => call.err(l))) {
    if (opt === '4') four = true;
    else if (opt === '6') six = true;
    else if (opt === 'l') listen = true;
    else if (opt === 'p') ports = arg;
  }
  call.out('USER     COMMAND    PID   FD  PROTO  LOCAL ADDRESS         FOREIGN ADDRESS\n');
  const file = `${call.st.dir}/sockstat`;
  if (!readable(file)) return 0;
  let out = '';
  for (const record of awkRecords(readText(file) ?? '')) {
    const f = awkFields(record);
    if (f.length < 7) continue;
    const [user, command, pid, fd, proto, local, foreign] = f as [string, string, string, string, string, string, string];
    if (four && !six && !proto.endsWith('4')) continue;
    if (six && !four && !proto.endsWith('6')) continue;
    if (listen && foreign !== '*:*') continue;
    if (!portOk(local.replace(/[\s\S]*:/, ''), ports)) continue;
    out += `${pad(user, 8)} ${pad(command, 10)} ${pad(pid, 5)} ${pad(fd, 3)} ${pad(proto, 6)} ${pad(local, 21)} ${foreign}\n`;
  }
  call.out(out);
  return 0;
}

export const commands: Record<string, Command> = { ifconfig, route, pfctl, sockstat };
