/**
 * Shell pot's `_is_init`: the configuration names the root
 * dataset and directory, the group exists, POT_ZFS_ROOT is there with
 * POT_FS_ROOT as its mountpoint, and so are its bases/jails/fscomp datasets
 * (shell pot only complained about those and went on).
 */
import { PotError } from '../../errors/pot-error.js';
import type { ActionContext } from './context.js';

const runInit = { suggestion: "run 'pot init' (as root)" };

export async function checkPotInitialised(ctx: ActionContext): Promise<void> {
  const s = ctx.settings;
  if (s.zfsRoot === '') throw new PotError('config', 'POT_ZFS_ROOT is mandatory', { suggestion: 'set POT_ZFS_ROOT in pot.conf' });
  if (s.fsRoot === '') throw new PotError('config', 'POT_FS_ROOT is mandatory', { suggestion: 'set POT_FS_ROOT in pot.conf' });
  if (!(await ctx.host.system.groupExists(s.group))) {
    throw new PotError('config', `Group '${s.group}' is missing, create it or change POT_GROUP`, { suggestion: `pw groupadd ${s.group}` });
  }
  if (!(await ctx.host.zfs.exists(s.zfsRoot)) || (await ctx.host.zfs.mountpoint(s.zfsRoot)) !== s.fsRoot) {
    throw new PotError('host-state', 'Your system is not initialized, please run pot init', runInit);
  }
  for (const sub of ['bases', 'jails', 'fscomp']) {
    if (!(await ctx.host.zfs.exists(`${s.zfsRoot}/${sub}`))) {
      throw new PotError('host-state', 'Your system is not properly initialized, please run pot init to fix it', {
        suggestion: `${s.zfsRoot}/${sub} is missing: ${runInit.suggestion}`,
      });
    }
  }
}
