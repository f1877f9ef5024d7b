/**
 * `pot start`: status, dependencies, snapshots, mounts, files
 * inside the pot, the network of its type and stack, exported ports, the jail
 * and its command. A failure on the way undoes what was done (as `pot stop`
 * does); a non-persistent pot's failing command gives exit code 125.
 */
import path from 'node:path';
import { PotError } from '../../errors/pot-error.js';
import { aliasAddresses, type Stack } from '../../network/index.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, ensureTmp, info, realFiles, requireRoot, syslog, warn } from '../context/context.js';
import { JAIL_PLACEHOLDER, jailParameters, PLACEHOLDER_PATTERN } from './jail-params.js';
import { existingPot, potDataset, potPath, potPresence, potStore } from '../context/pot-lookup.js';
import { potEnvironment } from '../queries/pot-info.js';
import { mountPot } from '../files-and-mounts/pot-mounts.js';
import { exportPortsAtStart } from '../network/port-redirects.js';
import { potRoot, tinircHeader, writeEtcHosts, writeResolvConf } from '../network/pot-root-files.js';
import { runHook } from '../settings/pot-hooks.js';
import { setPotStatus, statusStore } from '../context/pot-status.js';
import { attachPrivate, attachPublicIpv4, attachPublicIpv6, createEpair, type Epair, type Tinirc } from '../network/epair-attach.js';
import { stopPot } from './stop-pot.js';
import { clearStopRequest, recordStartingInterfaces, runLocked, throwIfStopRequested } from './run-lock.js';
import { networkStackOf } from '../../config/settings.js';
import { assertNetworkConfig } from '../network/network-check.js';

export interface StartPotOptions {
  pot: string;
  /** -s: recursive snapshot of the pot first; -S: snapshot of each writable dataset. */
  snapshot?: 'normal' | 'full';
}

/** How long the jail's placeholder process stays after pot's command was started. */
const PLACEHOLDER_GRACE_MS = 500;

const stackOf = (ctx: ActionContext, conf: PotConf): Stack => networkStackOf(conf.getShell('pot.stack') || ctx.settings.stack);

async function checkStartable(ctx: ActionContext, pot: string, conf: PotConf): Promise<void> {
  if (conf.obsoleteKeys().length > 0) {
    throw new PotError('config', `Configuration file for ${pot} contains obsolete elements`, { suggestion: `run 'pot update-config -p ${pot}' to fix it` });
  }
  if (conf.has('pot.rss.cpuset')) info(ctx, 'Found old cpuset rss limitation - it will be ignored');
  const stack = stackOf(ctx, conf);
  if (conf.networkType === 'private-bridge' && stack === 'ipv6') {
    throw new PotError('unsupported', 'The framework is configured to run ipv6 only and private-bridge are supported only on ipv4 - abort');
  }
  if (conf.networkType === 'private-bridge' && stack === 'dual')
    info(ctx, 'The framework is configured to run dual stack, but private-bridge are supported only on ipv4 - ipv6 ignored');
  if (conf.vnet && (await ctx.host.sysctl.get('kern.features.vimage')) !== '1') {
    throw new PotError('unsupported', "This kernel doesn't support VIMAGE! No vnet possible - abort", {
      suggestion: 'use a kernel with VIMAGE, or a pot with network type inherit or alias',
    });
  }
  await requireRoot(ctx);
  await ensureTmp(ctx);
}

async function markStarting(ctx: ActionContext, pot: string): Promise<void> {
  // A pot left "doa" by a crashed start may start again (shell pot refused it forever).
  const current = await statusStore(ctx).readStatus(pot);
  if (current?.state === 'doa') await statusStore(ctx).writeStatus(pot, { state: 'stopped', interfaces: '' });
  const r = await setPotStatus(ctx, pot, 'starting');
  // under the run lock, a pot still starting was left so by a start that is gone
  if (r.outcome === 'same')
    throw new PotError('busy', `pot ${pot} was left starting by a start that is gone`, { suggestion: `'pot stop ${pot}' undoes what it did` });
  if (r.outcome === 'refused')
    throw new PotError('busy', `pot ${pot} is not in a state where it can start`, { suggestion: `it is ${r.from}: stop it first with 'pot stop ${pot}'` });
}

async function startDependencies(ctx: ActionContext, conf: PotConf): Promise<void> {
  for (const dep of conf.depends) {
    try {
      await startPot(ctx, { pot: dep });
    } catch (err) {
      warn(ctx, err instanceof Error ? err.message : String(err));
    }
  }
}

async function snapshot(ctx: ActionContext, pot: string, mode: StartPotOptions['snapshot']): Promise<void> {
  const name = String(Math.floor(ctx.host.clock.now() / 1000));
  if (mode === 'normal') await ctx.host.zfs.snapshot(potDataset(ctx, pot), name, { recursive: true });
  if (mode !== 'full') return;
  for (const e of (await potStore(ctx).readFscompConf(pot))?.entries ?? []) {
    if (e.option !== 'ro' && !e.source.startsWith('/')) await ctx.host.zfs.snapshot(e.source, name);
  }
}

/** The network part: jail parameters and epairs made for it (undone by stop on failure). */
async function network(ctx: ActionContext, pot: string, conf: PotConf, tinirc: Tinirc, epairs: Epair[]): Promise<string[]> {
  const stack = stackOf(ctx, conf);
  const v4 = stack !== 'ipv6';
  const v6 = stack !== 'ipv4';
  switch (conf.networkType) {
    case 'inherit':
      return [...(v4 ? ['ip4=inherit'] : []), ...(v6 ? ['ip6=inherit'] : [])];
    case 'alias': {
      const { ipv4, ipv6 } = aliasAddresses(conf.ip ?? '', stack, ctx.settings.extif);
      const list = (as: typeof ipv4): string => as.map((a) => `${a.nic}|${a.ip}`).join(',');
      if (stack === 'ipv4' && ipv4.length === 0) throw new PotError('config', `No ipv4 address found for ${pot}`);
      if (stack === 'ipv6' && ipv6.length === 0) throw new PotError('config', `No ipv6 address found for ${pot}`);
      return [...(ipv4.length ? [`ip4.addr=${list(ipv4)}`] : []), ...(ipv6.length ? [`ip6.addr=${list(ipv6)}`] : [])];
    }
    case 'public-bridge': {
      const params = ['vnet'];
      if (v4) {
        const e = await createEpair(ctx, pot, '4');
        epairs[0] = e;
        await recordStartingInterfaces(ctx, pot, interfacesOf(epairs));
        await attachPublicIpv4(ctx, pot, conf, e, tinirc);
        params.push(`vnet.interface=${e.b}`);
        await exportPortsAtStart(ctx, pot, conf);
      }
      if (v6) {
        const e = await createEpair(ctx, pot, '6');
        epairs[1] = e;
        await recordStartingInterfaces(ctx, pot, interfacesOf(epairs));
        await attachPublicIpv6(ctx, pot, e, tinirc);
        params.push(`vnet.interface=${e.b}`);
      }
      return params;
    }
    case 'private-bridge': {
      const e = await createEpair(ctx, pot, '4');
      epairs[0] = e;
      await recordStartingInterfaces(ctx, pot, interfacesOf(epairs));
      await attachPrivate(ctx, pot, conf, e, tinirc);
      await exportPortsAtStart(ctx, pot, conf);
      return ['vnet', `vnet.interface=${e.b}`];
    }
    default:
      throw new PotError('config', `network type ${conf.networkType ?? '(none)'} of ${pot} is not known`, { suggestion: `run 'pot update-config -p ${pot}'` });
  }
}

/** `pot.env` lines and `info -E`: in tinirc, or /tmp/environment.sh for rc scripts (inside the jail only). */
async function environment(ctx: ActionContext, pot: string, conf: PotConf, tinirc: Tinirc): Promise<void> {
  const lines = [...conf.getAll('pot.env').map((v) => `export ${v}`), ...(await potEnvironment(ctx, pot, conf))];
  if (tinirc) tinirc.push(...lines);
  else await potRoot(ctx, pot).write('/tmp/environment.sh', `${lines.join('\n')}\n`);
}

/** The command the jail runs: /tmp/tinirc for no-rc-script pots, else pot.cmd. */
async function command(ctx: ActionContext, pot: string, conf: PotConf, tinirc: Tinirc): Promise<string[]> {
  if (!tinirc) return conf.cmd.split(/\s+/).filter((w) => w !== '');
  if (conf.networkType === 'public-bridge' || conf.networkType === 'private-bridge') tinirc.push('ifconfig lo0 inet 127.0.0.1 alias');
  tinirc.push(`exec ${conf.cmd}`);
  await potRoot(ctx, pot).write('/tmp/tinirc', `${tinirc.join('\n')}\n`, { mode: 0o755 });
  return ['/tmp/tinirc'];
}

async function osRelease(ctx: ActionContext, pot: string, conf: PotConf): Promise<string> {
  const text = await potRoot(ctx, pot).read('/bin/freebsd-version');
  const line = text?.split('\n').find((l) => l.startsWith('USERLAND'));
  return line === undefined ? (conf.getShell('osrelease') ?? '') : (line.split('=')[1] ?? '').replace(/"/g, '');
}

async function markPruned(ctx: ActionContext, pot: string, conf: PotConf): Promise<void> {
  if (conf.attr('prunable') !== 'YES') return;
  await potStore(ctx).updatePotConf(pot, (c) => void c.set('pot.attr.to-be-pruned', 'YES', { position: 'end' }));
}

/** `pot.rss.cpus` and `pot.rss.memory` (set-rss) on the running jail. */
async function applyLimits(ctx: ActionContext, pot: string, conf: PotConf): Promise<void> {
  const cpus = conf.getShell('pot.rss.cpus');
  const memory = conf.getShell('pot.rss.memory');
  const jid = await ctx.host.jails.jid(pot);
  if (cpus && jid !== undefined) await ctx.host.limits.pinCpus(jid, Number(cpus));
  if (!memory) return;
  if (await ctx.host.limits.available()) await ctx.host.limits.limit(pot, 'memoryuse', memory);
  else info(ctx, 'memory constraint cannot be applies because rctl is not enabled - ignoring');
}

/** pot's command in its jail: `exit` settles with its exit code (a promise in a box, so that nobody awaits it by mistake). */
interface Running {
  exit: Promise<number>;
}

/** Runs the jail up to the status `started`; answers pot's command, still running. */
async function runJail(ctx: ActionContext, pot: string, conf: PotConf, jail: { params: string[]; cmd: string[]; interfaces: string }): Promise<Running> {
  const { params, cmd } = jail;
  await runHook(ctx, pot, 'prestart', conf);
  await realFiles(ctx).remove(path.join(ctx.settings.tmp, `pot_main_pid_${pot}`));
  await throwIfStopRequested(ctx, pot);
  info(ctx, `Starting the pot ${pot}`);
  const created = await ctx.host.jails.start([...params, JAIL_PLACEHOLDER]);
  for (const line of created.stdout.split('\n')) if (line !== '') ctx.report.print(line);
  await markPruned(ctx, pot, conf);
  if (await ctx.host.jails.isRunning(pot)) await applyLimits(ctx, pot, conf);
  await throwIfStopRequested(ctx, pot);
  const exit = ctx.host.jails.run(pot, cmd);
  // an interrupted start removes the jail, which ends the command: its end is nobody's error then
  exit.catch(() => undefined);
  await runHook(ctx, pot, 'poststart', conf);
  await ctx.host.clock.sleep(PLACEHOLDER_GRACE_MS);
  await ctx.host.jails.killMatching(pot, PLACEHOLDER_PATTERN);
  await throwIfStopRequested(ctx, pot);
  const r = await setPotStatus(ctx, pot, 'started', jail.interfaces);
  if (r.outcome === 'same') info(ctx, `pot ${pot} is already started (???)`);
  if (r.outcome === 'refused') warn(ctx, `pot ${pot} is not in a state where it can be started`);
  return { exit };
}

/** shell pot's start-cleanup: the status becomes doa, then stop undoes what exists. */
async function cleanup(ctx: ActionContext, pot: string, epairs: Epair[]): Promise<void> {
  await setPotStatus(ctx, pot, 'doa');
  const present: string[] = [];
  for (const e of epairs) if (e && (await ctx.host.net.exists(e.a))) present.push(e.a);
  const interfaces = present.join(':');
  // logged as the `pot stop -p NAME -i IFACES -s` shell pot ran for it
  await syslog(ctx, 'stop', ['-p', pot, ...(interfaces ? ['-i', interfaces] : []), '-s']);
  await stopPot(ctx, { pot, fromStart: true, ...(interfaces ? { interfaces } : {}) });
}

function interfacesOf(epairs: Epair[]): string {
  return `${epairs[0]?.a ?? ''}:${epairs[1]?.a ?? ''}`.replace(/^:/, '');
}

async function startJail(ctx: ActionContext, pot: string, conf: PotConf, epairs: Epair[]): Promise<Running> {
  await mountPot(ctx, pot, conf);
  await throwIfStopRequested(ctx, pot);
  await writeResolvConf(ctx, pot, conf);
  await writeEtcHosts(ctx, pot, conf);
  const tinirc: Tinirc = conf.attr('no-rc-script') === 'YES' ? tinircHeader(stackOf(ctx, conf)) : undefined;
  const params = jailParameters(conf, {
    name: pot,
    hostname: conf.hostname ?? '',
    osrelease: await osRelease(ctx, pot, conf),
    path: path.join(potPath(ctx, pot), 'm'),
  });
  params.push(...(await network(ctx, pot, conf, tinirc, epairs)));
  await throwIfStopRequested(ctx, pot);
  await environment(ctx, pot, conf, tinirc);
  const cmd = await command(ctx, pot, conf, tinirc);
  return runJail(ctx, pot, conf, { params, cmd, interfaces: interfacesOf(epairs) });
}

/** Starts a pot; answers the exit code shell pot would give (0, 1, or 125 when a non-persistent pot's command failed). */
export async function startPot(ctx: ActionContext, o: StartPotOptions): Promise<number> {
  const { pot } = o;
  const conf = await existingPot(ctx, pot);
  if (await ctx.host.jails.isRunning(pot)) {
    debug(ctx, `pot ${pot} is already running`);
    return 0;
  }
  assertNetworkConfig(ctx);
  await checkStartable(ctx, pot, conf);
  // the run lock until the pot runs (run-lock.ts): a stop waits for this start, or interrupts it
  const started = await runLocked(ctx, pot, () => startLocked(ctx, o, conf));
  if (started === undefined) return 0;
  return finish(ctx, pot, conf, started.epairs, await started.running.exit);
}

/** start up to `started`; a failure, or a stop asking it to end, undoes what was done. Undefined: another start got there first. */
async function startLocked(ctx: ActionContext, o: StartPotOptions, conf: PotConf): Promise<{ running: Running; epairs: Epair[] } | undefined> {
  const { pot } = o;
  if (await ctx.host.jails.isRunning(pot)) {
    debug(ctx, `pot ${pot} is already running`);
    return undefined;
  }
  await clearStopRequest(ctx, pot);
  await markStarting(ctx, pot);
  const epairs: Epair[] = [];
  try {
    await startDependencies(ctx, conf);
    await throwIfStopRequested(ctx, pot);
    await snapshot(ctx, pot, o.snapshot);
    return { running: await startJail(ctx, pot, conf, epairs), epairs };
  } catch (err) {
    await cleanup(ctx, pot, epairs).catch((e: unknown) => warn(ctx, e instanceof Error ? e.message : String(e)));
    throw err;
  }
}

async function finish(ctx: ActionContext, pot: string, conf: PotConf, epairs: Epair[], exitCode: number): Promise<number> {
  // what follows looks at the jail and its command (a dry run's were only planned: exit 0)
  return ctx.host.plan.afterChanges(
    () =>
      runLocked(ctx, pot, async () => {
        // stopped or destroyed by another command while its command ran: that was asked for, not a failure
        if ((await potPresence(ctx, pot)) !== 'present') return 0;
        await realFiles(ctx).write(path.join(potPath(ctx, pot), 'conf', '.last_run_stats'), `{ "ExitCode": ${exitCode} }\n`);
        if ((await statusStore(ctx).readStatus(pot))?.state === 'stopped') return 0;
        return finishLocked(ctx, pot, conf, epairs, exitCode);
      }),
    () => 0,
  );
}

async function finishLocked(ctx: ActionContext, pot: string, conf: PotConf, epairs: Epair[], exitCode: number): Promise<number> {
  const persistent = conf.attr('persistent') !== 'NO';
  if (persistent && (await ctx.host.jails.isRunning(pot))) return 0;
  const r = await setPotStatus(ctx, pot, 'stopping');
  if (r.outcome === 'same') return 0;
  if (r.outcome === 'refused') throw new PotError('busy', `pot ${pot} is not in a state where it can be stopped`);
  await cleanup(ctx, pot, epairs);
  if (persistent)
    throw new PotError('host-command', `${pot} failed to start`, {
      suggestion: `look at the jail's console output; 'pot info -vp ${pot}' shows its configuration`,
    });
  if (exitCode !== 0) throw new PotError('host-command', `${pot} reported application error`, { exitCode: 125 });
  return 0;
}
