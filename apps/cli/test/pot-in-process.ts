/**
 * Runs pot in this process through runPot (no node start-up per call) against a
 * fake host's environment: the same dispatcher, actions and execa runner as the
 * binary, for the tests where what matters is the CLI's own behaviour.
 */
import { runPot } from '../src/main.js';
import type { FakeHost, PotRun } from './fake-host.js';

export async function potIn(host: Pick<FakeHost, 'env'>, ...argv: string[]): Promise<PotRun> {
  let stdout = '';
  let stderr = '';
  const code = await runPot(argv, { stdout: (t) => void (stdout += t), stderr: (t) => void (stderr += t), env: host.env });
  return { code, stdout, stderr };
}
