/**
 * Exported ports at start: host ports chosen under the global
 * lock (shell pot raced here), one `rdr` rule per port (or the rules hook's
 * output) loaded into `pot-rdr/<anchor>`, and localhost tunnels. At stop
 * the anchor is flushed and every tunnel stopped, `tcp:`/`udp:` specs included.
 */
import path from 'node:path';
import { withGlobalLock } from '../../locks/index.js';
import { legacyRdrAnchorOf, rdrAnchorOf } from '../../names/index.js';
import { assignHostPorts, hostPortRange, parseStoredPortSpecs, rdrRules, type ExportedPort } from '../../ports/index.js';
import type { PotConf } from '../../store/index.js';
import type { ActionContext } from '../context/context.js';
import { debug, realFiles, warn } from '../context/context.js';
import { bridgeWithAddress, isValidIPv4 } from './host-interfaces.js';
import { potPath, potPresence } from '../context/pot-lookup.js';

const NCAT = '/usr/local/bin/ncat';

/** Host ports already in use: IPv4 listeners and every pot's rdr rules. */
async function takenPorts(ctx: ActionContext, first: number, last: number): Promise<Set<number>> {
  const taken = new Set(await ctx.host.sockets.listeningPorts(first, last));
  for (const anchor of await ctx.host.pf.anchors('pot-rdr')) {
    for (const rule of await ctx.host.pf.natRules(anchor, { numeric: true })) {
      const m = /\bport = (\d+)/.exec(rule);
      if (m) taken.add(Number(m[1]));
    }
  }
  return taken;
}

async function sysctlNumber(ctx: ActionContext, name: string, fallback: number): Promise<number> {
  const n = Number.parseInt((await ctx.host.sysctl.get(name)) ?? '', 10);
  return Number.isNaN(n) ? fallback : n;
}

async function hookRules(ctx: ActionContext, hook: string, ip: string, ports: readonly ExportedPort[]): Promise<string[]> {
  const s = ctx.settings;
  const bridge = (await bridgeWithAddress(ctx, s.gateway)) ?? '';
  const out: string[] = [];
  for (const p of ports) {
    const r = await ctx.host.processes.run(hook, [s.extif, bridge, s.network, s.gateway, p.protocol, String(p.hostPort), ip, String(p.potPort)]);
    out.push(...r.stdout.split('\n').filter((l) => l !== ''));
  }
  return out;
}

async function startTunnels(ctx: ActionContext, pot: string, ip: string, ports: readonly ExportedPort[]): Promise<void> {
  if (!(await ctx.host.files.exists(NCAT))) {
    warn(ctx, 'nmap package is missing, localhost-tunnel attribute ignored');
    return;
  }
  const dir = potPath(ctx, pot);
  for (const p of ports) {
    const copy = path.join(dir, `ncat-${pot}-${p.potPort}`);
    await realFiles(ctx).write(copy, (await ctx.host.files.read(NCAT)) ?? '', { mode: 0o755 });
    const udp = p.protocol === 'udp' ? ['-u'] : [];
    await ctx.host.processes.daemon(path.join(dir, `ncat-${p.potPort}.pid`), [
      copy,
      '-lk',
      ...udp,
      String(p.hostPort),
      '-c',
      `${NCAT}${udp.length ? ' -u' : ''} ${ip} ${p.potPort}`,
    ]);
  }
}

/** Redirects the pot's exported ports; answers the ports with the host ports chosen. */
export async function exportPortsAtStart(ctx: ActionContext, pot: string, conf: PotConf): Promise<ExportedPort[]> {
  const specs = parseStoredPortSpecs(conf.get('pot.export.ports') ?? '');
  if (specs.length === 0) return [];
  const s = ctx.settings;
  const ip = conf.ip ?? '';
  // the address becomes text of pf rules and of ncat's `-c` (a host shell line): only an address may
  if (!isValidIPv4(ip)) {
    warn(ctx, `pot ${pot}: ip ${JSON.stringify(ip)} of pot.conf is not an IPv4 address - no redirection is performed`);
    return [];
  }
  return withGlobalLock(
    async () => {
      const range = hostPortRange(
        await sysctlNumber(ctx, 'net.inet.ip.portrange.reservedhigh', 1023),
        await sysctlNumber(ctx, 'net.inet.ip.portrange.first', 10000),
      );
      const ports = assignHostPorts(specs, range, await takenPorts(ctx, range.first, range.last));
      if (ports === undefined) {
        warn(ctx, `no free host port left in ${range.first}-${range.last} - no redirection is performed`);
        return [];
      }
      for (const p of ports) debug(ctx, `Redirect: from ${s.extifAddr || `(${s.extif})`} : ${p.protocol}:${p.hostPort} to ${ip} : ${p.protocol}:${p.potPort}`);
      const hook = s.vars.POT_EXPORT_PORTS_PF_RULES_HOOK ?? '';
      const rules =
        hook !== ''
          ? await hookRules(ctx, hook, ip, ports)
          : rdrRules({ extIf: s.extif, ...(isValidIPv4(s.extifAddr) ? { extIfAddr: s.extifAddr } : {}), extraIfs: s.extraExtif, ip }, ports);
      try {
        await ctx.host.pf.loadAnchor(rdrAnchorOf(pot), { rules: `${rules.join('\n')}\n` });
      } catch {
        warn(ctx, 'pfctl failed to apply redirection rules - ignoring but no redirection is performed');
        if (ctx.verbosity >= 2) for (const r of rules) ctx.report.print(r);
      }
      if (hook === '' && conf.attr('localhost-tunnel') === 'YES') await startTunnels(ctx, pot, ip, ports);
      return ports;
    },
    { globalDir: s.tmp },
  );
}

/**
 * The pot's rdr anchors that exist: its own, and the one shell pot made for a
 * name longer than 55 characters (unless that name is another pot's own).
 */
export async function potRdrAnchors(ctx: ActionContext, pot: string): Promise<string[]> {
  const present = await ctx.host.pf.anchors('pot-rdr');
  const found = present.includes(rdrAnchorOf(pot)) ? [rdrAnchorOf(pot)] : [];
  const legacy = legacyRdrAnchorOf(pot);
  if (legacy !== undefined && present.includes(legacy) && (await potPresence(ctx, legacy.slice(legacy.indexOf('/') + 1))) === 'absent') found.push(legacy);
  return found;
}

/** Stops the pot's redirections: flushes its anchor, and the one shell pot made for a long name. */
export async function flushRdrAnchors(ctx: ActionContext, pot: string): Promise<void> {
  await ctx.host.pf.flushAnchor(rdrAnchorOf(pot));
  if (legacyRdrAnchorOf(pot) === undefined) return;
  for (const anchor of await potRdrAnchors(ctx, pot)) if (anchor !== rdrAnchorOf(pot)) await ctx.host.pf.flushAnchor(anchor);
}

/** Stops the pot's localhost tunnels (their pid files, or by command line). */
export async function stopTunnels(ctx: ActionContext, pot: string, conf: PotConf): Promise<void> {
  const dir = potPath(ctx, pot);
  const files = realFiles(ctx);
  for (const spec of parseStoredPortSpecs(conf.get('pot.export.ports') ?? '')) {
    const pidFile = path.join(dir, `ncat-${spec.potPort}.pid`);
    const program = path.join(dir, `ncat-${pot}-${spec.potPort}`);
    if (await files.exists(pidFile)) {
      await ctx.host.processes.killByPidFile(pidFile, `ncat-${pot}-${spec.potPort}`);
      await files.remove(pidFile);
    } else if (await ctx.host.processes.anyMatching(program)) {
      await ctx.host.processes.killMatching(program);
    }
  }
  const legacy = path.join(dir, 'ncat.pid');
  if (await files.exists(legacy)) {
    await ctx.host.processes.killByPidFile(legacy, `ncat-${pot}`);
    await files.remove(legacy);
  } else if (await ctx.host.processes.anyMatching(path.join(dir, `ncat-${pot}`))) {
    await ctx.host.processes.killMatching(path.join(dir, `ncat-${pot}`));
  }
}
