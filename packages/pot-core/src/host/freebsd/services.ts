/** sysrc(8): rc.conf knobs. */
import type { ServiceConfigOps } from '../types.js';
import { checkName } from './arguments.js';
import { type Tools, e, q } from './tools.js';

const fileArgs = (file: string | undefined): string[] => (file === undefined ? [] : ['-f', file]);

export function createServiceConfigOps(t: Tools): ServiceConfigOps {
  const { run, must } = t;
  const rc: ServiceConfigOps = {
    async get(knob, opts = {}) {
      const r = await run(q('sysrc', [...fileArgs(opts.file), '-n', checkName('knob', knob)]));
      return r.exitCode === 0 ? r.stdout.replace(/\n$/, '') : undefined;
    },
    async set(knob, value, opts = {}) {
      return (await must(e('sysrc', [...fileArgs(opts.file), ...(opts.quiet === true ? ['-q'] : []), `${checkName('knob', knob)}=${value}`]))).stdout;
    },
    async remove(knob, opts = {}) {
      await must(e('sysrc', [...fileArgs(opts.file), '-x', checkName('knob', knob)]));
    },
  };
  return rc;
}
