/**
 * Private bridges: create (a segment of POT_NETWORK from the address book,
 * written to FS/bridges/NAME), list, info and destroy. Host interfaces are made
 * lazily by vnet-start; destroy also removes the host bridge when one exists.
 */
import path from 'node:path';
import { notFound } from '../../errors/not-found.js';
import { PotError } from '../../errors/pot-error.js';
import type { ActionContext } from '../context/context.js';
import { info, realFiles, requireRoot, syslog } from '../context/context.js';
import { newNet, parseBridgeFile, readPotNets, showBridge, type BridgeAddress, type BridgeDef } from './address-book.js';
import { withGlobalLock } from '../../locks/index.js';
import { validateBridgeName } from '../../names/index.js';
import { bridgeWithAddress } from './host-interfaces.js';
import { assertNetworkConfig } from './network-check.js';

function bridgeFile(ctx: ActionContext, name: string): string {
  return path.join(ctx.settings.fsRoot, 'bridges', name);
}

/** The bridge file NAME, parsed; PotError when missing or broken. */
export async function readBridge(ctx: ActionContext, name: string): Promise<BridgeDef> {
  validateBridgeName(name, { purpose: 'existing' });
  const text = await realFiles(ctx).read(bridgeFile(ctx, name));
  if (text === undefined) {
    throw notFound('bridge', name);
  }
  const def = parseBridgeFile(name, text);
  if (def === undefined) {
    throw new PotError('host-state', `the bridge file ${bridgeFile(ctx, name)} is not valid`, {
      suggestion: `destroy it with 'pot destroy -B ${name}' and create it again`,
    });
  }
  return { ...def, name };
}

export interface CreatePrivateBridgeOptions {
  name: string;
  size: number;
  argv?: readonly string[];
}

export async function createPrivateBridge(ctx: ActionContext, options: CreatePrivateBridgeOptions): Promise<BridgeDef> {
  const { name, size } = options;
  validateBridgeName(name);
  assertNetworkConfig(ctx);
  await syslog(ctx, 'create-private-bridge', options.argv ?? []);
  if (!Number.isInteger(size) || size < 2) {
    throw new PotError('usage', `Not able to get a valid network with size ${size}`, {
      suggestion: 'the size is the number of hosts, the gateway included: at least 2',
    });
  }
  await requireRoot(ctx);
  // The lock sits in POT_TMP (/tmp by default, as shell pot's), so separate
  // installations (and parallel tests) do not wait for each other.
  return withGlobalLock(
    async () => {
      if (await realFiles(ctx).exists(bridgeFile(ctx, name))) {
        throw new PotError('already-exists', `A bridge with name ${name} already exists`, {
          suggestion: `pick another name, or 'pot destroy -B ${name}' first`,
        });
      }
      const segment = await newNet(ctx, size);
      if (segment === undefined) {
        throw new PotError('conflict', `Not able to get a valid network with size ${size}`, {
          suggestion: `no free segment for ${size} hosts is left in POT_NETWORK (${ctx.settings.network}); use a smaller size or destroy unused bridges`,
        });
      }
      await realFiles(ctx).mkdirp(path.join(ctx.settings.fsRoot, 'bridges'));
      await realFiles(ctx).write(bridgeFile(ctx, name), `net=${segment.net}\ngateway=${segment.gateway}\nname=${name}\n`);
      return { name, ...segment };
    },
    { globalDir: ctx.settings.tmp },
  );
}

export async function listBridges(ctx: ActionContext): Promise<BridgeDef[]> {
  const out: BridgeDef[] = [];
  for (const file of await realFiles(ctx).list(path.join(ctx.settings.fsRoot, 'bridges'))) {
    const text = await realFiles(ctx).read(bridgeFile(ctx, file));
    const def = text === undefined ? undefined : parseBridgeFile(file, text);
    out.push(def ? { ...def, name: file } : { name: file, net: '', gateway: '' });
  }
  return out;
}

export async function bridgeInfo(ctx: ActionContext, name: string): Promise<{ bridge: BridgeDef; addresses: BridgeAddress[] }> {
  const bridge = await readBridge(ctx, name);
  return { bridge, addresses: await showBridge(ctx, bridge) };
}

export interface DestroyBridgeOptions {
  name: string;
  argv?: readonly string[];
}

export async function destroyBridge(ctx: ActionContext, options: DestroyBridgeOptions): Promise<{ hostBridge?: string }> {
  await syslog(ctx, 'destroy', options.argv ?? []);
  await requireRoot(ctx);
  const bridge = await readBridge(ctx, options.name);
  const users = (await readPotNets(ctx)).filter((p) => p.bridge === bridge.name).map((p) => p.name);
  if (users.length > 0) {
    throw new PotError('busy', `the bridge ${bridge.name} is still used by the pot ${users.join(' ')} - unable to delete`, {
      suggestion: `destroy ${users.length === 1 ? 'that pot' : 'those pots'} first ('pot destroy -p NAME')`,
    });
  }
  info(ctx, `Destroying bridge ${bridge.name}`);
  const hostBridge = await bridgeWithAddress(ctx, bridge.gateway);
  if (hostBridge !== undefined) await ctx.host.net.destroy(hostBridge);
  await realFiles(ctx).remove(bridgeFile(ctx, bridge.name));
  return hostBridge === undefined ? {} : { hostBridge };
}
