/** ifconfig(8) and route(8): bridges, epairs, addresses and routes. */
import { PotError } from '../../errors/pot-error.js';
import type { AddressSpec, InterfaceAddress, NetworkOps } from '../types.js';
import { checkName } from './arguments.js';
import { lines, parseIfconfig, parseNameList } from './parse.js';
import { type Tools, e, q } from './tools.js';

const ifName = (name: string): string => checkName('interface', name);
const addressArgs = (spec: AddressSpec): string[] => {
  const args: string[] = [spec.family];
  if (spec.prefixLength !== undefined && spec.netmask === undefined) args.push(`${spec.address}/${spec.prefixLength}`);
  else args.push(spec.address);
  if (spec.netmask !== undefined) args.push('netmask', spec.netmask);
  if (spec.alias === true) args.push('alias');
  return args;
};

export function createNetworkOps(t: Tools): NetworkOps {
  const { run, must, probe } = t;
  const net: NetworkOps = {
    async list() {
      return parseNameList((await must(q('ifconfig', ['-l']))).stdout);
    },
    async inGroup(group) {
      const r = await run(q('ifconfig', ['-g', checkName('group', group)]));
      return r.exitCode === 0 ? parseNameList(r.stdout) : [];
    },
    bridges: () => net.inGroup('bridge'),
    exists: async (name) => probe(q('ifconfig', [ifName(name)])),
    async show(name) {
      const r = await run(q('ifconfig', [ifName(name)]));
      if (r.exitCode !== 0) return undefined;
      return parseIfconfig(r.stdout).find((i) => i.name === name) ?? parseIfconfig(r.stdout)[0];
    },
    async addresses(name, family) {
      const r = await run(q('ifconfig', family === undefined ? [ifName(name)] : [ifName(name), family]));
      if (r.exitCode !== 0) return undefined;
      const info = parseIfconfig(r.stdout)[0];
      const all: InterfaceAddress[] = info === undefined ? [] : [...info.addresses];
      return family === undefined ? all : all.filter((a) => a.family === family);
    },
    async createBridge(opts = {}) {
      const args = ['bridge', 'create'];
      if (opts.description !== undefined) args.push('descr', opts.description);
      if (opts.group !== undefined) args.push('group', checkName('group', opts.group));
      const r = await must(e('ifconfig', args, { dryRunStdout: 'bridgeN\n' }), 'Bridge creation failed');
      const name = lines(r.stdout)[0]?.trim();
      if (name === undefined || name === '') throw new PotError('host-command', 'Bridge creation failed: no interface name returned');
      return name;
    },
    async createEpair(opts = {}) {
      const args = ['epair', 'create'];
      if (opts.description !== undefined) args.push('descr', opts.description);
      if (opts.group !== undefined) args.push('group', checkName('group', opts.group));
      const r = await must(e('ifconfig', args, { dryRunStdout: 'epairNa\n' }), 'epair creation failed');
      const a = lines(r.stdout)[0]?.trim();
      if (a === undefined || !a.endsWith('a')) throw new PotError('host-command', `epair creation failed: unexpected answer ${JSON.stringify(r.stdout)}`);
      return { a, b: `${a.slice(0, -1)}b` };
    },
    async rename(name, newName) {
      await must(e('ifconfig', [ifName(name), 'name', ifName(newName)]));
    },
    async setAddress(name, spec) {
      await must(e('ifconfig', [ifName(name), ...addressArgs(spec)]));
    },
    async removeAddress(name, family, address) {
      await must(e('ifconfig', [ifName(name), family, address, '-alias']));
    },
    async up(name, opts = {}) {
      await must(e('ifconfig', opts.inet6 === true ? [ifName(name), 'inet6', 'up'] : [ifName(name), 'up']));
    },
    async down(name) {
      await must(e('ifconfig', [ifName(name), 'down']));
    },
    async addMember(bridge, member, opts = {}) {
      const args = [ifName(bridge), 'addm', ifName(member)];
      if (opts.private === true) args.push('private', member);
      await must(e('ifconfig', args));
    },
    async removeMember(bridge, member) {
      await must(e('ifconfig', [ifName(bridge), 'deletem', ifName(member)]));
    },
    async moveToJail(name, jail) {
      await must(e('ifconfig', [ifName(name), 'vnet', checkName('jail', jail)]));
    },
    async destroy(name) {
      await must(e('ifconfig', [ifName(name), 'destroy']));
    },
  };
  return net;
}
