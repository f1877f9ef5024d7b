/** mount(8), umount(8), mount_nullfs(8): a pot's file systems. */
import type { MountOps } from '../types.js';
import { parseMount } from './parse.js';
import { type Tools, e, q } from './tools.js';

export function createMountOps(t: Tools): MountOps {
  const { must } = t;
  const mounts: MountOps = {
    async bind(source, target, opts = {}) {
      const o = opts.options ?? (opts.readOnly === false ? 'rw' : 'ro');
      await must(e('mount_nullfs', ['-o', o, source, target]));
    },
    async tmpfs(target) {
      await must(e('mount', ['-t', 'tmpfs', 'tmpfs', target]));
    },
    async special(type, target) {
      await must(e('mount', ['-t', type, type, target]));
    },
    async unmount(target, opts = {}) {
      await must(e('umount', [...(opts.force === true ? ['-f'] : []), target]));
    },
    async list() {
      return parseMount((await must(q('mount', []))).stdout);
    },
    async isMounted(target) {
      const t = target.replace(/\/+$/, '');
      return (await mounts.list()).some((m) => m.target === t);
    },
  };
  return mounts;
}
