/**
 * What a command asks the host only once: facts that cannot change while it runs (its user, the
 * boot time). Every host command is a process on FreeBSD; start and stop used to ask thrice.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost, potWithCalls } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());

const count = (calls: string[][], ...argv: string[]) => calls.filter((c) => c.join(' ') === argv.join(' ')).length;

describe('facts a command reads once', () => {
  it('create, start, stop and destroy of a bridged pot each run `id -u` and `sysctl -n kern.boottime` at most once', async () => {
    host = createFakeHost();
    host.setup('host_pot_root; host_base 13.1');
    for (const args of [
      ['create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge'],
      ['start', 'web'],
      ['stop', 'web'],
      ['destroy', '-p', 'web'],
    ]) {
      const { run, calls } = await potWithCalls(host, ...args);
      expect({ args, code: run.code }).toEqual({ args, code: 0 });
      expect({ args, uid: count(calls, 'id', '-u') <= 1, boot: count(calls, 'sysctl', '-n', 'kern.boottime') <= 1 }).toEqual({ args, uid: true, boot: true });
    }
  });
});
