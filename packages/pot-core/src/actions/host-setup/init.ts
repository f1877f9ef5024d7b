/**
 * init: the configuration check, then the ZFS datasets, POT_FS_ROOT with its
 * mode and owner, the syslogd flags and pot's two pf anchors in the pf rules
 * file. Everything is looked at before it is changed, so a second run changes
 * nothing. Unlike shell pot, nothing is created when the check fails.
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import type { ActionContext } from '../context/context.js';
import { debug, ensureTmp, info, realFiles, requireRoot, syslog } from '../context/context.js';
import { syslogdFlags } from '../queries/config-values.js';
import { checkInterfaces, networkConfigErrors } from '../network/network-check.js';

export const NAT_ANCHOR_LINE = 'nat-anchor pot-nat';
export const RDR_ANCHOR_LINE = 'rdr-anchor "pot-rdr/*"';
export const SYSLOG_DIRS = ['/usr/local/etc/syslog.d', '/usr/local/etc/newsyslog.conf.d', '/var/log/pot'];

export interface InitOptions {
  /** pf rules file; undefined: `sysrc -n pf_rules`; '': leave pf alone. */
  pfFile?: string | undefined;
  /** Do not touch syslogd's configuration (`-s`, implied by `-m`). */
  skipSyslog?: boolean;
  argv?: readonly string[];
}

export interface InitResult {
  created: string[];
  pfFileEdited: boolean;
  syslogdChanged: boolean;
}

export async function pfRulesFile(ctx: ActionContext): Promise<string> {
  return (await ctx.host.rc.get('pf_rules')) || '/etc/pf.conf';
}

/** Shell pot's checks of the configuration, done before anything changes. */
async function checkConfiguration(ctx: ActionContext): Promise<void> {
  const s = ctx.settings;
  if (s.zfsRoot === '') throw new PotError('config', 'POT_ZFS_ROOT is mandatory', { suggestion: 'set POT_ZFS_ROOT in pot.conf' });
  if (s.fsRoot === '') throw new PotError('config', 'POT_FS_ROOT is mandatory', { suggestion: 'set POT_FS_ROOT in pot.conf' });
  if (!(await ctx.host.system.groupExists(s.group))) {
    throw new PotError('config', `Group '${s.group}' is missing, create it or change POT_GROUP`, {
      suggestion: `pw groupadd ${s.group}`,
    });
  }
  const network = networkConfigErrors(ctx);
  if (network.length > 0) {
    throw new PotError('config', 'The network configuration in the pot configuration file is not valid', {
      details: network.map((f) => ({ path: f.field, message: f.message })),
      suggestion: network.map((f) => f.suggestion).join('; '),
    });
  }
  const ifaces = await checkInterfaces(ctx);
  if (ifaces.length > 0) {
    throw new PotError('config', ifaces[0]!.message, {
      details: ifaces,
      suggestion: "fix the interface names in pot.conf ('ifconfig -l' lists the host's interfaces)",
    });
  }
}

/** Adds pot's anchors to the pf rules file exactly once; true when the file changed. */
async function addPfAnchors(ctx: ActionContext, pfFile: string): Promise<boolean> {
  const files = ctx.host.files;
  const text = await files.read(pfFile);
  const lines = text === undefined ? [] : text.split('\n');
  if (text !== undefined && text.endsWith('\n')) lines.pop();
  const count = (l: string) => lines.filter((x) => x === l).length;
  if (text !== undefined && count(NAT_ANCHOR_LINE) === 1 && count(RDR_ANCHOR_LINE) === 1) {
    debug(ctx, 'pf already properly configured');
    return false;
  }
  if (text !== undefined) {
    ctx.report.print(`Creating a backup of your ${pfFile}`);
    await files.copy(pfFile, `${pfFile}.bkp-pot`);
    ctx.report.print(`${pfFile} -> ${pfFile}.bkp-pot`);
  }
  const kept = lines.filter((l) => l !== NAT_ANCHOR_LINE && l !== RDR_ANCHOR_LINE);
  ctx.report.print(`auto-magically editing your ${pfFile}`);
  await files.write(pfFile, `${[NAT_ANCHOR_LINE, RDR_ANCHOR_LINE, ...kept].join('\n')}\n`);
  ctx.report.print(`Please, check that your PF configuration file ${pfFile} is still valid and reload it!`);
  return true;
}

export async function initPot(ctx: ActionContext, options: InitOptions = {}): Promise<InitResult> {
  const s = ctx.settings;
  const { zfs } = ctx.host;
  await syslog(ctx, 'init', options.argv ?? []);
  const pfFile = options.pfFile ?? (await pfRulesFile(ctx));
  await requireRoot(ctx);
  await checkConfiguration(ctx);
  const created: string[] = [];

  if (await zfs.exists(s.zfsRoot)) {
    const mp = await zfs.mountpoint(s.zfsRoot);
    if (mp !== s.fsRoot) {
      throw new PotError('host-state', `${s.zfsRoot} is an invalid POT root`, {
        suggestion: `${s.zfsRoot} exists with mountpoint ${mp}: set POT_FS_ROOT=${mp} or POT_ZFS_ROOT to another dataset`,
      });
    }
    info(ctx, `${s.zfsRoot} already present`);
  } else {
    debug(ctx, `creating ${s.zfsRoot} file system (mountpoint ${s.fsRoot})`);
    await zfs.create(s.zfsRoot, { mountpoint: s.fsRoot, canmount: 'off', compression: 'lz4', atime: 'off' });
    created.push(s.zfsRoot);
  }

  await realFiles(ctx).mkdirp(s.fsRoot);
  await realFiles(ctx).chmod(s.fsRoot, 0o750);
  await realFiles(ctx).chown(s.fsRoot, `root:${s.group}`);

  for (const sub of ['bases', 'jails', 'fscomp']) {
    const ds = `${s.zfsRoot}/${sub}`;
    const made = !(await zfs.exists(ds));
    if (made) {
      debug(ctx, `creating ${ds}`);
      await zfs.create(ds);
      created.push(ds);
    }
    // a dataset just made is mounted by its creation (a dry run's, as planned)
    const mounted = made
      ? await ctx.host.plan.afterChanges(
          () => zfs.isMounted(ds),
          () => true,
        )
      : await zfs.isMounted(ds);
    if (!mounted) {
      debug(ctx, `mounting ${ds}`);
      await zfs.mount(ds);
    }
  }
  const cache = `${s.zfsRoot}/cache`;
  if (!(await zfs.exists(cache))) {
    debug(ctx, `creating ${cache} mounted as ${s.cache}`);
    await zfs.create(cache, { mountpoint: s.cache, compression: 'off' });
    created.push(cache);
  } else if ((await zfs.mountpoint(cache)) !== s.cache) {
    info(ctx, `${cache} exists but is not mounted at ${s.cache} [POT_CACHE]`);
  }

  await realFiles(ctx).mkdirp(path.join(s.fsRoot, 'bridges'));
  if (!options.skipSyslog) for (const dir of SYSLOG_DIRS) await ctx.host.files.mkdirp(dir);
  await ensureTmp(ctx);

  let syslogdChanged = false;
  if (!options.skipSyslog) {
    const wanted = syslogdFlags(s);
    const current = await ctx.host.rc.get('syslogd_flags');
    if (current !== wanted) {
      if (await ctx.host.files.exists('/etc/rc.conf')) {
        ctx.report.print('Creating a backup of your /etc/rc.conf');
        await ctx.host.files.copy('/etc/rc.conf', '/etc/rc.conf.bkp-pot');
        ctx.report.print('/etc/rc.conf -> /etc/rc.conf.bkp-pot');
      }
      await ctx.host.rc.set('syslogd_flags', wanted, { quiet: true });
      syslogdChanged = true;
    } else {
      debug(ctx, 'syslogd flags already set');
    }
  }

  let pfFileEdited = false;
  if (pfFile !== '') pfFileEdited = await addPfAnchors(ctx, pfFile);
  else debug(ctx, 'pf configuration skipped');

  return { created, pfFileEdited, syslogdChanged };
}
