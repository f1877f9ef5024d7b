/**
 * `pot prepare` (shell pot 0.16.0 prepare.sh), the way nomad-pot-driver makes
 * its pots: the image `POT_TAG` imported when it is not there yet, cloned as
 * `NAME_ALLOC` (`.` becomes `_`) with the network asked for, its command set,
 * the attributes of a nomad task (persistent=NO, no-rc-script, prunable,
 * localhost-tunnel, no-etc-hosts, no-tmpfs) and its exported ports; `-s`
 * starts it. Shell pot went on after a failed clone; here it stops there.
 */
import { PotError } from '../../errors/pot-error.js';
import { validatePotName } from '../../names/index.js';
import type { PortSpec } from '../../ports/index.js';
import type { Stack } from '../../network/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, doneOrPlanned, info, warn } from '../context/context.js';
import { formatArgv } from '../../host/index.js';
import { clonePot } from '../lifecycle/clone-pot.js';
import { exportPorts } from '../settings/export-ports.js';
import { ensureImported, importedPotName } from './import-pot.js';
import { setAttribute } from '../settings/pot-attributes.js';
import { setPotCmd } from '../settings/pot-cmd.js';
import { potPresence } from '../context/pot-lookup.js';
import { startPot } from '../running/start-pot.js';
import { stopPot } from '../running/stop-pot.js';
import { assertNetworkConfig } from '../network/network-check.js';

export interface PreparePotOptions {
  /** -p: the pot of the image. */
  remote: string;
  /** -t */
  tag: string;
  /** -U */
  url?: string;
  /** -a: the allocation id. */
  allocation: string;
  /** -n: the new pot's name before `_ALLOC` (default: the imported pot's name). */
  name?: string;
  /** -c */
  cmd?: string;
  /** -e values, parsed. */
  ports?: readonly PortSpec[];
  /** -N (`host` already read as inherit). */
  network?: string;
  /** -i values. */
  ips?: readonly string[];
  /** -B */
  bridge?: string;
  /** -S */
  stack?: Stack;
  /** -d */
  dns?: string;
  /** -C: the signify public key an import checks the image with (default POT_DEFAULT_SIGNATURE_PUBKEY). */
  pubkey?: string;
  /** -s */
  start?: boolean;
}

/** The attributes of a pot nomad runs, in shell pot's order. */
const PREPARED_ATTRIBUTES: ReadonlyArray<readonly [string, string]> = [
  ['persistent', 'OFF'],
  ['no-rc-script', 'ON'],
  ['prunable', 'ON'],
  ['localhost-tunnel', 'YES'],
  ['no-etc-hosts', 'YES'],
  ['no-tmpfs', 'YES'],
];

/** `NAME_ALLOC` with every `.` as `_`. */
export function preparedPotName(name: string, allocation: string): string {
  return `${name}_${allocation}`.replace(/\./g, '_');
}

export interface PreparedPot {
  name: string;
  imported: string;
  /** False when the image was already imported. */
  importedNow: boolean;
  started: boolean;
  /** With -s: start's exit status (a non-persistent pot's command). */
  exitCode: number;
}

async function orWarn(ctx: ActionContext, what: string, fn: () => Promise<unknown>): Promise<void> {
  try {
    await fn();
  } catch (err) {
    warn(ctx, `${what}: ${err instanceof Error ? err.message : String(err)} - ignoring`);
  }
}

export async function preparePot(ctx: ActionContext, o: PreparePotOptions): Promise<PreparedPot> {
  assertNetworkConfig(ctx);
  if (o.remote === '') throw new PotError('usage', 'A pot name is mandatory', { suggestion: 'give the image pot with -p NAME' });
  if (o.tag === '') throw new PotError('usage', 'A tag is mandatory', { suggestion: 'give it with -t TAG' });
  if (o.allocation === '') throw new PotError('usage', 'An allocation id is mandatory', { suggestion: 'give it with -a ID' });
  if (o.network === 'private-bridge' && (o.bridge ?? '') === '') {
    throw new PotError('usage', 'A bridge name has to be provided if private-bridge is selected as network-type', { suggestion: 'give it with -B BRIDGE' });
  }
  const imported = importedPotName(o.remote, o.tag);
  const pot = preparedPotName(o.name || imported, o.allocation);
  validatePotName(pot, { zfsRoot: ctx.settings.zfsRoot });
  if ((await potPresence(ctx, pot)) !== 'absent')
    throw new PotError('already-exists', `A pot with name ${pot} already exists`, { suggestion: 'pick another allocation id or name' });
  // the image's lock: a run that waited finds the image another allocation imported meanwhile
  const { importedNow } = await ensureImported(ctx, {
    remote: o.remote,
    tag: o.tag,
    ...(o.url === undefined ? {} : { url: o.url }),
    ...(o.pubkey === undefined ? {} : { pubkey: o.pubkey }),
  });
  if (!importedNow) {
    debug(ctx, `pot ${imported} already imported - reusing it`);
    return prepareFrom(ctx, o, pot, imported, false);
  }
  // the clone is made of the imported pot: a dry run imported nothing, it only says so
  return ctx.host.plan.afterChanges(
    () => prepareFrom(ctx, o, pot, imported, true),
    () => {
      info(ctx, `${pot} is cloned from ${imported} once it is imported`);
      return { name: pot, imported, importedNow: true, started: false, exitCode: 0 };
    },
  );
}

/** The pot `pot` cloned from the imported pot `imported` and set up for nomad (started with -s). */
async function prepareFrom(ctx: ActionContext, o: PreparePotOptions, pot: string, imported: string, importedNow: boolean): Promise<PreparedPot> {
  await clonePot(ctx, {
    pot,
    template: imported,
    ...(o.network === undefined ? {} : { network: o.network }),
    ...(o.ips === undefined ? {} : { ips: o.ips }),
    ...(o.bridge === undefined ? {} : { bridge: o.bridge }),
    ...(o.stack === undefined ? {} : { stack: o.stack }),
    ...(o.dns === undefined ? {} : { dns: o.dns }),
  });
  // the set-up edits the clone: a dry run cloned nothing, it says what the set-up would be
  const setUp = await ctx.host.plan.afterChanges(
    async () => ({ started: o.start === true, exitCode: await setUpClone(ctx, o, pot) }),
    () => {
      for (const argv of setUpCommands(o, pot)) info(ctx, `once ${pot} is cloned: ${formatArgv('pot', argv)}`);
      return { started: false, exitCode: 0 };
    },
  );
  if (!setUp.started) info(ctx, doneOrPlanned(ctx, `Prepared the pot ${pot}`, `The pot ${pot} would be prepared`));
  return { name: pot, imported, importedNow, ...setUp };
}

/** The set-up of a prepared pot as the pot commands shell pot's prepare ran. */
function setUpCommands(o: PreparePotOptions, pot: string): string[][] {
  return [
    ...(o.cmd === undefined || o.cmd === '' ? [] : [['set-cmd', '-p', pot, '-c', o.cmd]]),
    ...PREPARED_ATTRIBUTES.map(([attr, value]) => ['set-attribute', '-p', pot, '-A', attr, '-V', value]),
    ...(o.ports === undefined || o.ports.length === 0 ? [] : [['export-ports', '-p', pot, ...o.ports.flatMap((spec) => ['-e', spec.text])]]),
    ...(o.start ? [['start', pot]] : []),
  ];
}

/** The clone's command, nomad's attributes, its ports, and with -s its start (start's exit status). */
async function setUpClone(ctx: ActionContext, o: PreparePotOptions, pot: string): Promise<number> {
  if (o.cmd !== undefined && o.cmd !== '') {
    const cmd = o.cmd;
    await orWarn(ctx, `Couldn't set the command ${cmd} of the pot`, () => setPotCmd(ctx, { pot, cmd }));
  }
  for (const [attr, value] of PREPARED_ATTRIBUTES) {
    await orWarn(ctx, `Couldn't set the ${attr} attribute`, () => setAttribute(ctx, { pot, attr, value }));
  }
  if (o.ports !== undefined && o.ports.length > 0) {
    const specs = o.ports;
    await orWarn(ctx, "Couldn't export the ports", () => exportPorts(ctx, { pot, specs }));
  }
  if (!o.start) return 0;
  debug(ctx, `Auto starting the pot ${pot}`);
  try {
    return await startPot(ctx, { pot });
  } catch (err) {
    if (await ctx.host.jails.isRunning(pot)) await stopPot(ctx, { pot });
    throw new PotError('host-state', `pot ${pot} failed to start: ${err instanceof Error ? err.message : String(err)}`, {
      suggestion: `see 'pot start ${pot}'`,
      cause: err,
    });
  }
}
