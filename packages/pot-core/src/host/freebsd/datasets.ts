/** zfs(8): a pot's datasets, their properties, snapshots and clones. */
import type { DatasetOps } from '../types.js';
import { checkName } from './arguments.js';
import { lines, parseZfsRows } from './parse.js';
import { type Tools, e, q } from './tools.js';

export function createDatasetOps(t: Tools): DatasetOps {
  const { run, must, probe } = t;
  const zfs: DatasetOps = {
    exists: async (name) => probe(q('zfs', ['list', '-o', 'name', '-H', checkName('dataset', name)])),
    async create(name, properties = {}) {
      const args = ['create'];
      for (const [k, v] of Object.entries(properties)) args.push('-o', `${k}=${v}`);
      await must(e('zfs', [...args, checkName('dataset', name)]));
    },
    async getProperty(name, property, options = {}) {
      const r = await run(q('zfs', ['get', options.exact === true ? '-Hpo' : '-Ho', 'value', property, checkName('dataset', name)]));
      if (r.exitCode !== 0) return undefined;
      return lines(r.stdout)[0];
    },
    async setProperty(name, property, value) {
      await must(e('zfs', ['set', `${property}=${value}`, checkName('dataset', name)]));
    },
    async inheritProperty(name, property) {
      await must(e('zfs', ['inherit', checkName('property', property), checkName('dataset', name)]));
    },
    async propertyNames(name) {
      const r = await run(q('zfs', ['get', '-o', 'property', 'all', checkName('dataset', name)]));
      if (r.exitCode !== 0) return [];
      return lines(r.stdout)
        .map((l) => l.trim())
        .filter((l) => l !== 'PROPERTY');
    },
    async mountpoint(name) {
      const r = await run(q('zfs', ['list', '-H', '-o', 'mountpoint', checkName('dataset', name)]));
      return r.exitCode === 0 ? lines(r.stdout)[0] : undefined;
    },
    async isMounted(name) {
      return (await zfs.getProperty(name, 'mounted')) === 'yes';
    },
    async children(name) {
      const r = await run(q('zfs', ['list', '-H', '-o', 'name', '-d', '1', checkName('dataset', name)]));
      if (r.exitCode !== 0) return [];
      return parseZfsRows(r.stdout)
        .map((row) => row[0]!)
        .filter((n) => n !== name);
    },
    async snapshots(name) {
      const r = await run(q('zfs', ['list', '-d', '1', '-H', '-t', 'snapshot', checkName('dataset', name)]));
      if (r.exitCode !== 0) return [];
      return parseZfsRows(r.stdout)
        .map((row) => row[0]!)
        .filter((n) => n.startsWith(`${name}@`));
    },
    async snapshot(name, snap, opts = {}) {
      await must(e('zfs', ['snapshot', ...(opts.recursive === true ? ['-r'] : []), `${checkName('dataset', name)}@${snap}`]));
    },
    async destroy(name, opts = {}) {
      await must(e('zfs', ['destroy', ...(opts.force === true ? ['-f'] : []), ...(opts.recursive === true ? ['-r'] : []), checkName('dataset', name)]));
    },
    async copySnapshot(snapshot, target, opts = {}) {
      const exclude = (opts.excludeProperties ?? []).flatMap((p) => ['-x', p]);
      const send = q('zfs', ['send', checkName('snapshot', snapshot)]);
      await must(e('zfs', ['receive', ...exclude, checkName('dataset', target)], { pipeFrom: send }));
    },
    async mount(name) {
      await must(e('zfs', ['mount', checkName('dataset', name)]));
    },
    async unmount(name, opts = {}) {
      await must(e('zfs', ['umount', ...(opts.force === true ? ['-f'] : []), checkName('dataset', name)]));
    },
    async rename(name, newName) {
      await must(e('zfs', ['rename', checkName('dataset', name), checkName('dataset', newName)]));
    },
    async clone(snapshot, target, opts = {}) {
      const props = opts.mountpoint === undefined ? [] : ['-o', `mountpoint=${opts.mountpoint}`];
      await must(e('zfs', ['clone', ...props, checkName('snapshot', snapshot), checkName('dataset', target)]));
    },
    async rollback(snapshot) {
      await must(e('zfs', ['rollback', checkName('snapshot', snapshot)]));
    },
    async tree(name) {
      const r = await run(q('zfs', ['list', '-o', 'name', '-H', '-r', checkName('dataset', name)]));
      if (r.exitCode !== 0) return [];
      return parseZfsRows(r.stdout).map((row) => row[0]!);
    },
  };
  return zfs;
}
