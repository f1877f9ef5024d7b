/** `pot config -g NAME`: one value of the framework configuration. */
import { PotError } from '../../errors/pot-error.js';
import type { PotSettings } from '../../config/settings.js';

export const CONFIG_NAMES = ['fs_root', 'zfs_root', 'gateway', 'syslogd', 'pot_prefix', 'fscomp_prefix', 'network_stack'] as const;
export type ConfigName = (typeof CONFIG_NAMES)[number];

export function isConfigName(name: string): name is ConfigName {
  return (CONFIG_NAMES as readonly string[]).includes(name);
}

export interface ConfigValue {
  name: ConfigName;
  /** The label shell pot prints before ` = `. */
  label: string;
  value: string;
}

export function syslogdFlags(s: PotSettings): string {
  return `-b 127.0.0.1 -b ${s.gateway} -a ${s.network}`;
}

export function configValue(settings: PotSettings, name: string): ConfigValue {
  if (!isConfigName(name)) {
    throw new PotError('usage', `${name} is not a valid name`, {
      suggestion: `one of: ${[...CONFIG_NAMES].sort().join(', ')}`,
    });
  }
  const s = settings;
  switch (name) {
    case 'fs_root':
      return { name, label: 'fs_root', value: s.fsRoot };
    case 'zfs_root':
      return { name, label: 'zfs_root', value: s.zfsRoot };
    case 'gateway':
      return { name, label: 'gateway', value: s.gateway };
    case 'syslogd':
      return { name, label: 'syslogd flags', value: syslogdFlags(s) };
    case 'pot_prefix':
      return { name, label: 'pot prefix', value: `${s.fsRoot}/jails` };
    case 'fscomp_prefix':
      return { name, label: 'fscomp prefix', value: `${s.fsRoot}/fscomp` };
    case 'network_stack':
      return { name, label: 'network stack', value: s.stack };
  }
}
