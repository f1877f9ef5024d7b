/**
 * `pot stop`: the jail goes, then everything start made — epairs
 * (or alias addresses), the rdr anchor, localhost tunnels (`tcp:`/`udp:` specs
 * too, which shell pot leaked), shared memory, resolv.conf, mounts — and the
 * status becomes stopped.
 */
import { PotError } from '../../errors/pot-error.js';
import { aliasAddresses } from '../../network/index.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, requireRoot, warn } from '../context/context.js';
import { potPath, potPresence, potStore } from '../context/pot-lookup.js';
import { runHook } from '../settings/pot-hooks.js';
import { unmountPot } from '../files-and-mounts/pot-mounts.js';
import { flushRdrAnchors, stopTunnels } from '../network/port-redirects.js';
import { removeResolvConf } from '../network/pot-root-files.js';
import { setPotStatus, statusStore } from '../context/pot-status.js';
import { clearStopRequest, deadStartIsDoa, requestStopOfStart, runLocked } from './run-lock.js';

export interface StopPotOptions {
  pot: string;
  /** Host-side interfaces to destroy instead of those in the status (`-i A:B`). */
  interfaces?: string;
  /** Called by start's cleanup (`-s`): "already stopping" is expected. */
  fromStart?: boolean;
}

/** The epair driver may still hold an interface just after its jail went (shell pot waits too). */
const EPAIR_SETTLE_MS = 1000;

async function markStopping(ctx: ActionContext, o: StopPotOptions): Promise<string> {
  const r = await setPotStatus(ctx, o.pot, 'stopping');
  if (r.outcome === 'ok') return r.printed ?? '';
  // stops hold the run lock: a pot still stopping is start's undoing (-s) or a stop that died
  if (r.outcome === 'same') return (await statusStore(ctx).readStatus(o.pot))?.interfaces ?? '';
  // A running pot without a status (lost /tmp, older pot) can be stopped; shell pot refused it forever.
  if (r.from === '' && (await ctx.host.jails.isRunning(o.pot))) {
    await statusStore(ctx).writeStatus(o.pot, { state: 'stopping', interfaces: '' });
    return '';
  }
  throw new PotError('busy', `pot ${o.pot} is not in a state where it can be stopped`, { suggestion: `it is ${r.from || 'not started'}` });
}

async function removeJail(ctx: ActionContext, pot: string, conf: PotConf): Promise<void> {
  if (!(await ctx.host.jails.isRunning(pot))) return;
  await runHook(ctx, pot, 'prestop', conf);
  debug(ctx, `Stop the pot ${pot}`);
  const execStop = conf.get('pot.attr.exec_stop') ?? '';
  const timeout = conf.getShell('pot.attr.stop_timeout') ?? '';
  await ctx.host.jails.remove(pot, { ...(execStop === '' ? {} : { execStop }), ...(timeout === '' ? {} : { stopTimeout: Number(timeout) }) });
}

async function removeNetwork(ctx: ActionContext, conf: PotConf, interfaces: string): Promise<void> {
  const epairs = interfaces.split(':').filter((i) => i !== '');
  for (const epair of epairs) {
    // a wait for what the jail's removal did (a dry run removed nothing: no wait)
    await ctx.host.plan.afterChanges(() => ctx.host.clock.sleep(EPAIR_SETTLE_MS));
    if (await ctx.host.net.exists(epair)) await ctx.host.net.destroy(epair);
  }
  if (epairs.length > 0 || conf.networkType !== 'alias') return;
  // Every alias goes, whatever the stack (jail(8) normally removed them already).
  const { ipv4, ipv6 } = aliasAddresses(conf.ip ?? '', 'dual', ctx.settings.extif);
  for (const [family, list] of [
    ['inet', ipv4],
    ['inet6', ipv6],
  ] as const) {
    for (const a of list) {
      const present = (await ctx.host.net.addresses(a.nic, family))?.some((x) => x.address === a.ip);
      if (present) await ctx.host.net.removeAddress(a.nic, family, a.ip);
    }
  }
}

async function removeSharedMemory(ctx: ActionContext, pot: string): Promise<void> {
  const prefix = `${potPath(ctx, pot)}/`;
  for (const p of await ctx.host.processes.sharedMemory()) if (p.startsWith(prefix)) await ctx.host.processes.removeSharedMemory(p);
}

/**
 * Stops a pot; an unknown pot is only reported (exit 0), as shell pot does. A start in
 * progress is asked to end and waited for (run-lock.ts); a dead one's pot counts as doa.
 */
export async function stopPot(ctx: ActionContext, o: StopPotOptions): Promise<void> {
  const { pot } = o;
  if ((await potPresence(ctx, pot)) !== 'present') {
    warn(ctx, `The pot ${pot} is not a valid pot`);
    return;
  }
  await requireRoot(ctx);
  const asked = o.fromStart ? false : await requestStopOfStart(ctx, pot);
  await runLocked(ctx, pot, async () => {
    if (asked) await clearStopRequest(ctx, pot);
    if (!o.fromStart) await deadStartIsDoa(ctx, pot);
    // the start may have gone on until it could be undone: read what it left now
    if ((await potPresence(ctx, pot)) !== 'present') {
      warn(ctx, `The pot ${pot} is not a valid pot`);
      return;
    }
    await stopLocked(ctx, o, (await potStore(ctx).readPotConf(pot)) as PotConf);
  });
}

async function stopLocked(ctx: ActionContext, o: StopPotOptions, conf: PotConf): Promise<void> {
  const { pot } = o;
  const stored = await markStopping(ctx, o);
  await removeJail(ctx, pot, conf);
  await removeNetwork(ctx, conf, o.interfaces ?? stored);
  if (await ctx.host.files.exists('/dev/pf')) await flushRdrAnchors(ctx, pot);
  await stopTunnels(ctx, pot, conf);
  await removeSharedMemory(ctx, pot);
  // shell pot left the memory rule of set-rss behind at every stop
  if (conf.getShell('pot.rss.memory') && (await ctx.host.limits.available())) await ctx.host.limits.removeAll(pot);
  await runHook(ctx, pot, 'poststop', conf);
  await removeResolvConf(ctx, pot, conf);
  await unmountPot(ctx, pot, conf);
  const r = await setPotStatus(ctx, pot, 'stopped');
  if (r.outcome === 'same') throw new PotError('busy', `pot ${pot} is already stopped!`);
  if (r.outcome === 'refused') throw new PotError('busy', `pot ${pot} is not in a state where it can marked as stopped`);
}
