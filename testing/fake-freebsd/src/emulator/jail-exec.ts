/**
 * jexec(8) of the fake host (bin/jexec): nothing runs; the exit status comes from the knob
 * jexec_rc.NAME, else jexec_rc (default 0). The knob jexec_out is printed on stdout, standing
 * for what the command inside would print. `/bin/cp -a SRC DST` and `/bin/mkdir -p DIR` are
 * emulated on the jail's root (inside.ts) when the status is 0; theirs is then jexec's. A
 * non-persistent jail dies when its last fake process is gone.
 */
import type { Call } from './call.js';
import { Getopts, standInPath } from './getopts.js';
import { insideKnown, insideRun } from './inside.js';
import { jailExists, jailRead, jailReap } from './jail-store.js';

/** The line of bin/jexec holding `return "$rc"` (bash names it in its complaint). */
const RETURN_LINE = 35;

/** bash's `return WORD` from a function: the status, or 2 and a complaint when WORD is no integer. */
export function bashReturn(call: Call, word: string, line: number): number {
  const m = /^[ \t\n\v\f\r]*([+-]?[0-9]+)[ \t\n\v\f\r]*$/.exec(word);
  const n = m === null ? undefined : BigInt(m[1] as string);
  if (n === undefined || n !== BigInt.asIntN(64, n)) {
    call.err(`${standInPath(call.cmd)}: line ${line}: return: ${word}: numeric argument required`);
    return 2;
  }
  return Number(BigInt.asUintN(8, n));
}

/** jexec(8): bin/jexec's main. */
export function jexec(call: Call): number {
  call.cls = 'E';
  const rest = new Getopts('jexec', call.args, 'lu:U:', (l) => call.err(l)).rest();
  const name = rest[0] ?? '';
  const argv = rest.slice(1);
  const st = call.st;
  if (!jailExists(st, name)) {
    call.err(`jexec: jail "${name}" not found`);
    return 1;
  }
  // $(fb_conf …): trailing newlines dropped
  const knob = (key: string, fallback: string): string => st.conf(key, fallback).replace(/\n+$/, '');
  let rc = knob(`jexec_rc.${name}`, knob('jexec_rc', '0'));
  const out = knob('jexec_out', '');
  if (out !== '') call.out(`${out}\n`);
  if (rc === '0' && insideKnown(argv)) rc = String(insideRun(call, jailRead(st, name, 'path'), argv));
  jailReap(st, name);
  return bashReturn(call, rc, RETURN_LINE);
}
