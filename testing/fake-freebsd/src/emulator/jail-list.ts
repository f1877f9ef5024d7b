/** jls(8) of the fake host (bin/jls): the jails by jid, in jls's default table or chosen parameters. */
import type { Call } from './call.js';
import { Getopts } from './getopts.js';
import { jailExists, jailNamesByJid, jailParam, jailRead } from './jail-store.js';

/** printf's `%[-]W[.P]s` under LC_ALL=C: widths and precisions count bytes. */
function field(text: string, width: number, left: boolean, precision?: number): Buffer {
  let b = Buffer.from(text, 'utf8');
  if (precision !== undefined && b.length > precision) b = b.subarray(0, precision);
  if (b.length >= width) return b;
  const pad = Buffer.alloc(width - b.length, ' ');
  return left ? Buffer.concat([b, pad]) : Buffer.concat([pad, b]);
}

/** The jails `-j J` names: J a jid (digits) or a name; [] when there is none. */
function selected(call: Call, j: string): string[] {
  const st = call.st;
  if (/^[0-9]+$/.test(j)) {
    let names: string[] = [];
    for (const n of jailNamesByJid(st)) if (jailRead(st, n, 'jid') === j) names = [n];
    return names;
  }
  return jailExists(st, j) ? [j] : [];
}

/** The default table: JID, first IPv4 address, hostname, path. */
function table(call: Call, names: readonly string[]): void {
  call.out('   JID  IP Address      Hostname                      Path\n');
  const st = call.st;
  for (const n of names) {
    const ip = jailParam(st, n, 'ip4.addr').split(',')[0] as string;
    call.out(
      Buffer.concat([
        field(jailParam(st, n, 'jid'), 6, false),
        Buffer.from('  '),
        field(ip, 15, true, 15),
        Buffer.from(' '),
        field(jailParam(st, n, 'host.hostname'), 29, true, 29),
        Buffer.from(' '),
        field(jailParam(st, n, 'path'), 0, true, 74),
        Buffer.from('\n'),
      ]),
    );
  }
}

/** jls(8): bin/jls's main. */
export function jls(call: Call): number {
  let j = '';
  let nameval = false;
  const g = new Getopts('jls', call.args, 'dhNnqsvj:', (l) => call.err(l));
  for (const o of g) {
    if (o.opt === 'j') j = o.arg;
    else if (o.opt === 'n') nameval = true;
  }
  let keys = g.rest();
  let names: string[];
  if (j !== '') {
    names = selected(call, j);
    if (names.length === 0) {
      call.err(`jls: jail "${j}" not found`);
      return 1;
    }
  } else names = jailNamesByJid(call.st);
  if (keys.length === 0 && !nameval) {
    table(call, names);
    return 0;
  }
  if (keys.length === 0) keys = ['jid', 'name', 'path', 'host.hostname'];
  for (const n of names) {
    const vals = keys.map((k) => (nameval ? `${k}=${jailParam(call.st, n, k)}` : jailParam(call.st, n, k)));
    call.out(`${vals.join(' ')}\n`);
  }
  return 0;
}
