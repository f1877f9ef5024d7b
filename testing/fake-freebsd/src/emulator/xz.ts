/**
 * The fake host's xz and xzcat (see ../../README.md, "Images"): the Linux host's real xz and
 * xzcat when it has them, else the bytes passed through unchanged (both ways, so the pair still
 * works). `xz -d…` is Linux's tar decompressing an archive: the real xz, not logged, as if tar
 * had it built in as FreeBSD's bsdtar does (xzBeforeLock).
 */
import { type SpawnSyncReturns, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { constants as osConstants } from 'node:os';
import { errnoText } from './bash-behaviour.js';
import type { Call } from './call.js';
import { realTool } from './shims.js';

function statusOf(r: SpawnSyncReturns<Buffer>): number {
  if (r.status !== null) return r.status;
  return 128 + (r.signal === null ? 0 : (osConstants.signals[r.signal] ?? 0));
}

function collect(call: Call, r: SpawnSyncReturns<Buffer>): number {
  if (r.stdout !== null && r.stdout.length > 0) call.out(r.stdout);
  if (r.stderr !== null && r.stderr.length > 0) call.errRaw(r.stderr.toString('utf8'));
  if (r.error !== undefined && r.status === null) {
    call.err(`${call.cmd}: ${r.error.message}`);
    return 127;
  }
  return statusOf(r);
}

/**
 * Before the state lock: `xz -d…` runs the real xz unlogged (its status; the caller does
 * nothing more); any other xz reads all of its standard input first (the producer of the
 * pipe may hold the lock) and goes on (undefined).
 */
export function xzBeforeLock(call: Call): number | undefined {
  if (call.args.some((a) => a.startsWith('-d') || a === '--decompress')) {
    const real = realTool(call, 'xz');
    if (real !== undefined) {
      const r = spawnSync(real, call.args, { env: call.env as NodeJS.ProcessEnv, cwd: call.cwd, ...call.childStdio(true), maxBuffer: 1 << 30 });
      return collect(call, r);
    }
  }
  call.stdin();
  return undefined;
}

/** xz [-0..-9] [-T N] [-c]: standard input compressed to standard output (class E). */
export function xz(call: Call): number {
  call.cls = 'E';
  const input = call.stdin();
  const real = realTool(call, 'xz');
  if (real === undefined) {
    call.out(input);
    return 0;
  }
  return collect(call, spawnSync(real, [...call.args, '-c'], { env: call.env as NodeJS.ProcessEnv, cwd: call.cwd, input, maxBuffer: 1 << 30 }));
}

/** xzcat FILE…: the files decompressed (class Q), or as they are without a real xzcat. */
export function xzcat(call: Call): number {
  const real = realTool(call, 'xzcat');
  if (real !== undefined) {
    return collect(
      call,
      spawnSync(real, ['--', ...call.args], { env: call.env as NodeJS.ProcessEnv, cwd: call.cwd, ...call.childStdio(), maxBuffer: 1 << 30 }),
    );
  }
  let rc = 0;
  const files = call.args.length > 0 ? call.args : ['-'];
  for (const f of files) {
    try {
      call.out(f === '-' ? call.stdin() : readFileSync(call.resolve(f)));
    } catch (e) {
      call.err(`cat: ${f}: ${errnoText(e)}`);
      rc = 1;
    }
  }
  return rc;
}
