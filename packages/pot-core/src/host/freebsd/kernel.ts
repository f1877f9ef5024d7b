/** kldload(8) and sysctl(8): kernel modules and parameters. */
import type { KernelModuleOps, KernelParamOps } from '../types.js';
import { checkName } from './arguments.js';
import { type Tools, e, q } from './tools.js';

export function createKernelModuleOps(t: Tools): KernelModuleOps {
  const { must, probe } = t;
  const kmod: KernelModuleOps = {
    isLoaded: async (name) => probe(q('kldstat', ['-q', '-m', checkName('module', name)])),
    async load(name) {
      await must(e('kldload', ['-n', checkName('module', name)]));
    },
  };
  return kmod;
}

export function createKernelParamOps(t: Tools): KernelParamOps {
  const { run, must, out } = t;
  const sysctl: KernelParamOps = {
    async get(name, opts = {}) {
      const r = await run(q('sysctl', [opts.quiet === true ? '-qn' : '-n', checkName('sysctl', name)]));
      return r.exitCode === 0 ? r.stdout.replace(/\n$/, '') : undefined;
    },
    async set(name, value, opts = {}) {
      const setting = `${checkName('sysctl', name)}=${value}`;
      return out(await must(e('sysctl', opts.verbose === true ? [setting] : ['-qn', setting])));
    },
  };
  return sysctl;
}
