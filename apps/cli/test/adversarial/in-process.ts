/**
 * The adversarial suite's bench: pot runs in-process (FakeHost.pot: runPot, the binary's own
 * dispatcher) against the fake FreeBSD host, and each run's host calls are
 * read back from calls.jsonl, so a table of hundreds of inputs costs no
 * process start per input.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FakeHost } from '../fake-host.js';

export interface HostCall {
  class: string;
  rc: number;
  argv: string[];
  input?: string;
}

export interface InProcessRun {
  code: number;
  stdout: string;
  stderr: string;
  /** The host calls made by this run. */
  calls: HostCall[];
}

function callLog(host: FakeHost): string {
  const file = path.join(host.state, 'calls.jsonl');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

/** Runs `pot ARGV…` in this process against the fake host. */
export async function potInProcess(host: FakeHost, argv: readonly string[]): Promise<InProcessRun> {
  const before = callLog(host).length;
  const { code, stdout, stderr } = await host.pot(...argv);
  const calls = callLog(host)
    .slice(before)
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => JSON.parse(l) as HostCall);
  return { code, stdout, stderr, calls };
}

/** What a refusal must look like: `###>  message` first, no stack trace, no internal error. */
export function refusalProblems(r: InProcessRun): string[] {
  const problems: string[] = [];
  if (r.code === 0) problems.push('exit 0');
  if (!r.stderr.startsWith('###>  ')) problems.push(`stderr does not start with the error line: ${JSON.stringify(r.stderr.slice(0, 120))}`);
  if (/^\s+at .+:\d+:\d+\)?$/m.test(r.stderr)) problems.push('stack trace');
  if (/internal error/.test(r.stderr + r.stdout)) problems.push('internal error');
  return problems;
}
