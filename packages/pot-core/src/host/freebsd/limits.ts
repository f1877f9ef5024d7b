/** rctl(8): resource limits of jails. */
import type { KernelParamOps, ResourceLimitOps } from '../types.js';
import { checkName } from './arguments.js';
import { type Tools, e, q } from './tools.js';

export function createResourceLimitOps(t: Tools, sysctl: KernelParamOps): ResourceLimitOps {
  const { run, must } = t;
  const limits: ResourceLimitOps = {
    available: async () => (await sysctl.get('kern.racct.enable')) === '1',
    async usage(jail, opts = {}) {
      const r = await run(q('rctl', [opts.raw === true ? '-u' : '-hu', `jail:${checkName('jail', jail)}`]));
      if (r.exitCode !== 0) return {};
      return Object.fromEntries(
        r.stdout
          .split(/\s+/)
          .filter((w) => w.includes('='))
          .map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]),
      );
    },
    async limit(jail, resource, value) {
      await must(e('rctl', ['-a', `jail:${checkName('jail', jail)}:${resource}:deny=${value}`]));
    },
    async removeAll(jail) {
      await run(e('rctl', ['-r', `jail:${checkName('jail', jail)}`]));
    },
    async pinCpus(jid, count) {
      const list = (await must(q('potcpu', ['get-cpu', '-n', String(count)]))).stdout.trim();
      await must(e('cpuset', ['-l', list, '-j', String(jid)]));
      return list;
    },
  };
  return limits;
}
