/**
 * de-init: removes what init created — the ZFS datasets under POT_ZFS_ROOT, the
 * bridge files and POT_FS_ROOT, pot's pf anchors in the pf rules file, the
 * syslogd flags and the (empty) syslog directories. Refuses while pots run,
 * unless forced, which stops them first (shell pot never saw running pots).
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import { forPot, potPresence } from '../context/pot-lookup.js';
import { stopPot } from '../running/stop-pot.js';
import type { ActionContext } from '../context/context.js';
import { debug, doneOrPlanned, info, realFiles, requireRoot, syslog } from '../context/context.js';
import { syslogdFlags } from '../queries/config-values.js';
import { NAT_ANCHOR_LINE, pfRulesFile, RDR_ANCHOR_LINE, SYSLOG_DIRS } from './init.js';

export interface DeInitOptions {
  force?: boolean;
  /** pf rules file; undefined: `sysrc -n pf_rules`; '': leave pf alone (`-m`). */
  pfFile?: string | undefined;
  /** Leave syslogd's configuration alone (`-m`). */
  skipSyslog?: boolean;
  /** Stops one running pot. Default: `pot stop` (a jail without a valid pot: removes the jail). */
  stopPot?: (ctx: ActionContext, name: string) => Promise<void>;
  argv?: readonly string[];
}

export interface DeInitResult {
  stopped: string[];
  destroyed: boolean;
}

async function runningPots(ctx: ActionContext): Promise<string[]> {
  const out: string[] = [];
  for (const name of await realFiles(ctx).list(path.join(ctx.settings.fsRoot, 'jails'))) {
    if (name.startsWith('-') || /\s/.test(name)) continue;
    if ((await forPot(ctx, () => ctx.host.jails.isRunning(name))) === true) out.push(name);
  }
  return out;
}

async function defaultStop(ctx: ActionContext, name: string): Promise<void> {
  if ((await potPresence(ctx, name)) === 'present') await stopPot(ctx, { pot: name });
  else await ctx.host.jails.remove(name);
}

async function removePfAnchors(ctx: ActionContext, pfFile: string): Promise<boolean> {
  const text = await ctx.host.files.read(pfFile);
  if (text === undefined) return false;
  const lines = text.split('\n');
  const kept = lines.filter((l) => l !== NAT_ANCHOR_LINE && l !== RDR_ANCHOR_LINE);
  if (kept.length === lines.length) return false;
  await ctx.host.files.write(pfFile, kept.join('\n'));
  return true;
}

export async function deInitPot(ctx: ActionContext, options: DeInitOptions = {}): Promise<DeInitResult> {
  const s = ctx.settings;
  await syslog(ctx, 'de-init', options.argv ?? []);
  const pfFile = options.pfFile ?? (await pfRulesFile(ctx));
  await requireRoot(ctx);

  const running = await runningPots(ctx);
  if (running.length > 0 && !options.force) {
    throw new PotError('busy', `At least one pot is still running (${running.join(' ')})`, {
      suggestion: "stop them first, or use 'pot de-init -f' to stop all pots",
    });
  }
  const stop = options.stopPot ?? defaultStop;
  for (const name of running) {
    debug(ctx, `Stop the pot ${name}`);
    await stop(ctx, name);
  }

  let destroyed = false;
  if (!(await ctx.host.zfs.exists(s.zfsRoot))) {
    info(ctx, `no root dataset found (${s.zfsRoot})`);
  } else {
    info(ctx, `Deinstall pot (${s.zfsRoot})`);
    await ctx.host.zfs.destroy(s.zfsRoot, { recursive: true });
    destroyed = true;
  }
  ctx.report.print(doneOrPlanned(ctx, 'zfs datasets have been removed', 'zfs datasets would be removed'));

  const files = realFiles(ctx);
  await files.remove(path.join(s.fsRoot, 'bridges'));
  await files.rmdirIfEmpty(s.fsRoot);

  if (pfFile !== '' && (await removePfAnchors(ctx, pfFile))) {
    ctx.report.print(doneOrPlanned(ctx, 'pf configuration file should be clean', `pot's anchors would be removed from ${pfFile}`));
    ctx.report.print(`  - please check ${pfFile} and reload it`);
  }
  if (!options.skipSyslog) {
    if ((await ctx.host.rc.get('syslogd_flags')) === syslogdFlags(s)) await ctx.host.rc.remove('syslogd_flags');
    for (const dir of SYSLOG_DIRS) await ctx.host.files.rmdirIfEmpty(dir);
  }
  ctx.report.print('check your rc.conf for potential leftovers variable like:');
  ctx.report.print('  pot_enable');
  return { stopped: running, destroyed };
}
