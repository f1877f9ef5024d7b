/**
 * `pot ps`: the running pots, and whether the internal network is up
 * (the public bridge with its gateway address, pot's pf anchors, NAT rules).
 */
import type { ActionContext } from '../context/context.js';
import { potStore, runningPots } from '../context/pot-lookup.js';
import { ipv4NetworkUp } from '../network/epair-attach.js';

export interface PotPs {
  /** undefined when not root (the state of pf needs privileges). */
  networkUp?: boolean;
  running: string[];
}

export async function potPs(ctx: ActionContext): Promise<PotPs> {
  const running = await runningPots(ctx, await potStore(ctx).listPots());
  if ((await ctx.host.system.uid()) !== 0) return { running };
  return { running, networkUp: (await ipv4NetworkUp(ctx, ctx.settings.gateway)) !== undefined };
}
