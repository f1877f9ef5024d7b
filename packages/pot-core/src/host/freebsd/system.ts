/** id(1), getent(1), hostname(1): who and where pot runs. */
import { PotError } from '../../errors/pot-error.js';
import type { SystemOps } from '../types.js';
import { checkName } from './arguments.js';
import { type Tools, q } from './tools.js';

export function createSystemOps(t: Tools): SystemOps {
  const { must, probe } = t;
  // asked once per host, that is per pot command: its user does not change while it runs
  let uid: Promise<number> | undefined;
  const system: SystemOps = {
    uid() {
      uid ??= must(q('id', ['-u'])).then((r) => {
        const n = Number.parseInt(r.stdout.trim(), 10);
        if (Number.isNaN(n)) throw new PotError('host-command', `id -u answered ${JSON.stringify(r.stdout.trim())}`);
        return n;
      });
      return uid;
    },
    groupExists: async (name) => probe(q('getent', ['group', checkName('group', name)])),
    async hostname() {
      return (await must(q('hostname', []))).stdout.trim();
    },
  };
  return system;
}
