/**
 * The jail(8) parameters of a pot, in shell pot's order:
 * fixed ones, the jail attributes of pot.conf, identity and path,
 * persistence, then the network ones the caller adds.
 */
import type { PotConf } from '../../store/index.js';

type AttrType = 'bool' | 'uint' | 'sysvopt' | 'string';

/** pot attribute -> jail(8) parameter, its type and default. */
const JAIL_ATTRIBUTES: ReadonlyArray<readonly [attr: string, param: string, type: AttrType, fallback: string]> = [
  ['enforce_statfs', 'enforce_statfs', 'uint', '2'],
  ['mount', 'allow.mount', 'bool', 'NO'],
  ['fdescfs', 'mount.fdescfs', 'bool', 'NO'],
  ['linprocfs', 'allow.mount.linprocfs', 'bool', 'NO'],
  ['nullfs', 'allow.mount.nullfs', 'bool', 'NO'],
  ['procfs', 'mount.procfs', 'bool', 'NO'],
  ['tmpfs', 'allow.mount.tmpfs', 'bool', 'NO'],
  ['zfs', 'allow.mount.zfs', 'bool', 'NO'],
  ['raw_sockets', 'allow.raw_sockets', 'bool', 'NO'],
  ['sysvshm', 'sysvshm', 'sysvopt', 'new'],
  ['sysvsem', 'sysvsem', 'sysvopt', 'new'],
  ['sysvmsg', 'sysvmsg', 'sysvopt', 'new'],
  ['children', 'children.max', 'uint', '0'],
  ['mlock', 'allow.mlock', 'bool', 'NO'],
  ['devfs_ruleset', 'devfs_ruleset', 'uint', '4'],
  ['exec_stop', 'exec.stop', 'string', ''],
  ['stop_timeout', 'stop.timeout', 'uint', '10'],
];

export interface JailIdentity {
  name: string;
  hostname: string;
  osrelease: string;
  path: string;
}

/** Everything before the network parameters. */
export function jailParameters(conf: PotConf, id: JailIdentity): string[] {
  const params = ['allow.set_hostname=false', 'allow.raw_sockets', 'allow.socket_af', 'allow.chflags', 'exec.clean', 'mount.devfs'];
  for (const [attr, param, type, fallback] of JAIL_ATTRIBUTES) {
    const value = (type === 'string' ? conf.get(`pot.attr.${attr}`) : conf.getShell(`pot.attr.${attr}`)) ?? '';
    if (type === 'bool') {
      if (value === 'YES') params.push(param);
    } else if (value !== '') {
      params.push(`${param}=${value}`);
    } else if (type === 'sysvopt') {
      params.push(`${param}=${fallback}`);
    }
  }
  params.push(`name=${id.name}`, `host.hostname=${id.hostname}`, `osrelease=${id.osrelease}`, `path=${id.path}`);
  params.push(conf.attr('persistent') === 'NO' ? 'nopersist' : 'persist');
  return params;
}

/** The placeholder process that keeps a jail alive until pot's command runs in it. */
export const JAIL_PLACEHOLDER = "exec.start=sh -c 'sleep 1234&'";
export const PLACEHOLDER_PATTERN = '^sleep 1234$';
