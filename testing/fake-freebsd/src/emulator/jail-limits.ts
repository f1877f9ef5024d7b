/**
 * A jail's resources (bin/rctl, bin/cpuset, bin/potcpu): rctl records rules and prints fixed
 * usage (`-u` raw numbers, the knob rctl_usage's "key=value ..." words replacing them; `-hu`
 * human-readable ones), cpuset records `-l` and prints a fixed mask for `-g`, potcpu runs the
 * real (Rust) potcpu, $POTCPU_BIN (default: next to $POTNET_BIN).
 */
import { spawnSync } from 'node:child_process';
import { accessSync, appendFileSync, constants, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Call } from './call.js';
import { PACKAGE_DIR, STAND_IN_DIR, standInPath } from './getopts.js';

const RCTL_USAGE =
  'cputime=0 datasize=4096 stacksize=0 coredumpsize=0 memoryuse=12M memorylocked=0 maxproc=3 openfiles=16 vmemoryuse=64M pseudoterminals=0 swapuse=0 nthr=3 msgqqueued=0 msgqsize=0 nmsgq=0 nsem=0 nsemop=0 nshm=0 shmsize=0 wallclock=10 pcpu=0 readbps=0 writebps=0 readiops=0 writeiops=0'.split(
    ' ',
  );

/** rctl_raw: the usage with byte counts instead of 12M/64M, the knob's values applied. */
function rctlRaw(call: Call): string {
  const over = ` ${call.st.conf('rctl_usage', '').replace(/\n+$/, '')} `;
  return RCTL_USAGE.map((word) => {
    const k = word.slice(0, word.indexOf('='));
    let w = word === 'memoryuse=12M' ? 'memoryuse=12582912' : word === 'vmemoryuse=64M' ? 'vmemoryuse=67108864' : word;
    const m = new RegExp(` ${k}=([^ ]*) `).exec(over);
    if (m !== null) w = `${k}=${m[1]}`;
    return `${w}\n`;
  }).join('');
}

/** rctl(8): bin/rctl's main. */
export function rctl(call: Call): number {
  for (const a of call.args) {
    if (a === '-hu' || a === '-uh') {
      call.out(RCTL_USAGE.map((w) => `${w}\n`).join(''));
      return 0;
    }
    if (a === '-u') {
      call.out(rctlRaw(call));
      return 0;
    }
  }
  call.cls = 'E';
  return 0;
}

/** cpuset(1): bin/cpuset's main. */
export function cpuset(call: Call): number {
  if (call.args.includes('-g')) {
    // j: the word after the last -j
    let j = '';
    call.args.forEach((a, i) => {
      if (a === '-j') j = call.args[i + 1] ?? '';
    });
    call.out(`jail ${j} mask: 0, 1, 2, 3\njail ${j} domain policy: first-touch mask: 0\n`);
    return 0;
  }
  call.cls = 'E';
  return 0;
}

/** The line of bin/potcpu whose `${POTNET_BIN:?…}` bash names when POTNET_BIN is not set. */
const POTNET_BIN_LINE = 6;

/** BIN of bin/potcpu: $POTCPU_BIN, else potcpu next to $POTNET_BIN (bash complains when that is unset). */
function potcpuBin(call: Call): string {
  const own = call.env.POTCPU_BIN;
  if (own !== undefined && own !== '') return own;
  const potnet = call.env.POTNET_BIN;
  if (potnet === undefined || potnet === '') {
    // the complaint of the $(…) that then answers nothing: BIN=/potcpu
    call.err(`${standInPath('potcpu')}: line ${POTNET_BIN_LINE}: POTNET_BIN: set POTNET_BIN to a potnet executable`);
    return '/potcpu';
  }
  return `${path.dirname(potnet)}/potcpu`;
}

function executable(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** The environment a stand-in's child gets: PATH without the stand-ins, LC_ALL=C, TERM unset (`env -u TERM`). */
function childEnv(call: Call): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...call.env, LC_ALL: 'C' };
  delete env.TERM;
  if (env.PATH !== undefined) {
    const p = `:${env.PATH}:`.split(`:${STAND_IN_DIR}:`).join(':');
    env.PATH = p.replace(/^:/, '').replace(/:$/, '');
  }
  return env;
}

/** Runs the real program BIN with the call's arguments, input and output; `missing` says what to do when it is absent. */
function runProgram(call: Call, bin: string, missing: string): number {
  if (!executable(call.resolve(bin))) {
    call.err(`fakebsd: ${call.cmd} binary '${bin}' is missing: ${missing}`);
    appendFileSync(call.st.path('FATAL'), `${call.cmd} binary missing: ${bin}\n`);
    return 127;
  }
  const r = spawnSync(bin, call.args, { env: childEnv(call), ...call.childStdio(), cwd: call.cwd, maxBuffer: 1 << 30 });
  if (r.stdout !== null && r.stdout.length > 0) call.out(r.stdout);
  if (r.stderr !== null && r.stderr.length > 0) call.errRaw(r.stderr.toString('utf8'));
  if (r.error !== undefined) {
    call.err(`env: '${bin}': ${r.error.message}`);
    return 126;
  }
  if (r.signal !== null) return 128 + os.constants.signals[r.signal];
  return r.status ?? 1;
}

/** potcpu: bin/potcpu's main. Runs the real program (work node:fs cannot do). */
export function potcpu(call: Call): number {
  return runProgram(call, potcpuBin(call), 'set POTCPU_BIN');
}

/** BIN of bin/potnet: $POTNET_BIN, else this repository's TypeScript potnet (packages/potnet/bin/potnet). */
function potnetBin(call: Call): string {
  const own = call.env.POTNET_BIN;
  if (own !== undefined && own !== '') return own;
  const dir = path.resolve(PACKAGE_DIR, '../../packages/potnet/bin');
  // `$(cd DIR && pwd)` answers nothing for a missing DIR
  return existsSync(dir) ? `${dir}/potnet` : '/potnet';
}

/** potnet: runs $POTNET_BIN (the Rust potnet 0.5.0 the golden files were recorded with, or any drop-in) with TERM unset. */
export function potnet(call: Call): number {
  return runProgram(call, potnetBin(call), 'build the Rust potnet 0.5.0 and set POTNET_BIN');
}
