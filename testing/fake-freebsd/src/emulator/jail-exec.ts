/**
 * jexec(8) of the fake host (bin/jexec): nothing runs; the exit status comes from the knob
 * jexec_rc.NAME, else jexec_rc (default 0). The knob jexec_out is printed on stdout, standing
 * for what the command inside would print. `/bin/cp -a SRC DST` and `/bin/mkdir -p DIR` are
 * emulated on the jail's root (inside.ts) when the status is 0; theirs is then jexec's. A
 * non-persistent jail dies when its last fake process is gone.
 *
 * The knob jexec_wait names a program (`/tmp/tinirc`, a nomad task's command) whose jexec
 * lasts, before the state lock, as a process of the jail (a line of its procs) until
 * `$FAKEBSD_STATE/jexec-done.NAME` exists (it then ends as above) or it is killed: the jail
 * is gone or its line is (pkill), which answers 143 as sh reports a TERMed child, unlogged.
 * Only a stand-in running as a process waits: in process the wait would stop the caller's
 * event loop, so there it ends at once.
 */
import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { Call, type EmuRequest } from './call.js';
import { Getopts, standInPath } from './getopts.js';
import { insideKnown, insideRun } from './inside.js';
import { jailExists, jailFile, jailRead, jailReap } from './jail-store.js';
import { lockState } from './lock.js';

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

let waitsAllowed = false;

/** The stand-in process (stand-in.ts) may block in jexec_wait; the in-process emulation never does. */
export function allowBlockingWaits(): void {
  waitsAllowed = true;
}

const pauseCell = new Int32Array(new SharedArrayBuffer(4));

/** The jexec_wait program's line among the jail's processes, and what jexecWait needs of the call. */
function waitingProcess(call: Call): { name: string; program: string; procs: string; line: string; registered: string } {
  const rest = new Getopts('jexec', call.args, 'lu:U:', () => undefined).rest();
  const name = rest[0] ?? '';
  return {
    name,
    program: rest[1] ?? '',
    procs: jailFile(call.st, name, 'procs'),
    line: rest.slice(1).join(' '),
    registered: call.st.path(`jexec-registered.${call.pid}`),
  };
}

/** Is the jexec call one of the jexec_wait program (which waits in a stand-in process)? */
function waitsFor(call: Call, p: ReturnType<typeof waitingProcess>): boolean {
  const wanted = call.st.conf('jexec_wait', '').replace(/\n+$/, '');
  return wanted !== '' && p.program === wanted && jailExists(call.st, p.name);
}

/** Would this call wait (jexec of the jexec_wait program)? Such a call must be a process of its own. */
export function waitsAsProcess(request: EmuRequest): boolean {
  const call = new Call(request);
  return call.cmd === 'jexec' && waitsFor(call, waitingProcess(call));
}

function underLock(call: Call, fn: () => void): void {
  const release = lockState(call.st.dir);
  try {
    fn();
  } finally {
    release();
  }
}

/**
 * The resident stand-in enters the jexec_wait program into its jail as soon as the call comes
 * (a real jexec is in the jail at once; the Node process that then waits starts a good while
 * later, and a pot's start ends the jail's placeholder after half a second): the process of
 * the same pid then finds it entered.
 */
export function enterWaitingJexec(request: EmuRequest): void {
  const call = new Call(request);
  const p = waitingProcess(call);
  underLock(call, () => {
    appendFileSync(p.procs, Buffer.from(`${p.line}\n`, 'latin1'));
    writeFileSync(p.registered, '');
  });
}

/** jexec's part before the state lock: the wait of a jexec_wait program (see above); undefined goes on as usual. */
export function jexecWait(call: Call): number | undefined {
  if (!waitsAllowed) return undefined;
  const p = waitingProcess(call);
  const { name, procs, line, registered } = p;
  // entered by the resident stand-in, the jail may have gone since (and with it the program)
  if (!existsSync(registered) && !waitsFor(call, p)) return undefined;
  const done = call.st.path(`jexec-done.${name}`);
  const lines = (): string[] => (existsSync(procs) ? readFileSync(procs, 'latin1').split('\n') : []);
  underLock(call, () => {
    if (existsSync(registered)) rmSync(registered);
    else appendFileSync(procs, Buffer.from(`${line}\n`, 'latin1'));
  });
  for (;;) {
    if (!jailExists(call.st, name) || !lines().includes(line)) return 143;
    if (existsSync(done)) break;
    Atomics.wait(pauseCell, 0, 0, 20);
  }
  // the command ends: its line goes, then jexec ends as usual under the lock
  underLock(call, () => {
    const all = lines();
    const at = all.indexOf(line);
    if (at >= 0) all.splice(at, 1);
    writeFileSync(procs, Buffer.from(all.join('\n'), 'latin1'));
  });
  return undefined;
}
