/**
 * The FreeBSD driver of the host seam: each operation becomes the command line
 * shell pot issues for the same step (see the golden commands.log files), run
 * through a CommandRunner. Tools are found through PATH, so a fake FreeBSD
 * host can stand in by putting its bin directory first.
 */
import { PotError } from '../../errors/pot-error.js';
import { commandError, type CommandResult, type CommandRunner, type HostCommand } from '../command.js';
import { systemClock } from '../clock.js';
import { performedPlan, printedPlan } from '../plan.js';
import { createFileOps } from '../files.js';
import { createDryRunRunner, createExecaRunner } from '../runners.js';
import type {
  ClockOps,
  AddressSpec,
  DatasetOps,
  ExecResult,
  Host,
  InterfaceAddress,
  JailOps,
  JailPlace,
  JailProcessSelector,
  KernelModuleOps,
  KernelParamOps,
  MountOps,
  NetworkOps,
  PacketFilterOps,
  ProcessOps,
  ResourceLimitOps,
  ServiceConfigOps,
  SocketOps,
  SyslogOps,
  SystemOps,
} from '../types.js';
import { createArchiveOps } from './archives.js';
import { createDownloadOps } from './downloads.js';
import { createImageOps } from './images.js';
import {
  lines,
  parseAnchors,
  parseIfconfig,
  parseJls,
  parseMount,
  parseNameList,
  parsePfEnabled,
  parseShmPaths,
  parseSockstatPorts,
  parseZfsRows,
} from './parse.js';

export interface FreeBsdHostOptions {
  /** Environment: PATH (tools), POT_HOST_ROOT, FAKEBSD_* ... (default: process.env). */
  env?: NodeJS.ProcessEnv;
  /** Where host files (/etc/pf.conf, /etc/resolv.conf ...) live (default: env POT_HOST_ROOT, else `/`). */
  hostRoot?: string;
  /** Runs the commands (default: an execa runner with `env`). */
  runner?: CommandRunner;
  /**
   * Print mutating commands and file writes instead of performing them; queries
   * still run (through `runner`) so the decisions are those of a real run.
   */
  dryRun?: boolean;
  /** Where dry-run lines go (default: stdout). */
  print?: (line: string) => void;
  /** Time and waits (default: the machine's clock). */
  clock?: ClockOps;
}

const q = (file: string, args: readonly string[], extra: Partial<HostCommand> = {}): HostCommand => ({ file, args, mutating: false, ...extra });
const e = (file: string, args: readonly string[], extra: Partial<HostCommand> = {}): HostCommand => ({ file, args, mutating: true, ...extra });

/** Paths given to a program inside a jail must be absolute (never read as an option). */
function insidePath(file: string): string {
  if (!file.startsWith('/')) throw new PotError('internal', `${JSON.stringify(file)} is not an absolute path inside the jail`);
  return file;
}

/** Refuses names a tool would take for an option (`-rf`) or that hold blanks. */
function checkName(kind: string, name: string): string {
  if (name === '' || name.startsWith('-') || /[\s\0]/.test(name)) {
    throw new PotError('invalid-name', `${JSON.stringify(name)} is not a valid ${kind} name`);
  }
  return name;
}

/** pgrep/pkill arguments picking processes of a jail; a pid reaches the tool on stdin, as the pid file it reads (`-F`). */
function jailSelection(name: string, selector: JailProcessSelector): [string[], Partial<HostCommand>] {
  const jail = ['-j', checkName('jail', name)];
  if ('pid' in selector) {
    if (!Number.isSafeInteger(selector.pid) || selector.pid <= 0) throw new PotError('usage', `${selector.pid} is not a process id`);
    return [[...jail, '-F', '/dev/stdin'], { input: `${selector.pid}\n` }];
  }
  const pattern = selector.pattern.startsWith('-') ? ['--', selector.pattern] : [selector.pattern];
  return [[...jail, ...(selector.commandLine === true ? ['-f'] : []), ...pattern], {}];
}

export function createFreeBsdHost(options: FreeBsdHostOptions = {}): Host {
  const env = options.env ?? process.env;
  const hostRoot = options.hostRoot ?? (env.POT_HOST_ROOT !== undefined && env.POT_HOST_ROOT !== '' ? env.POT_HOST_ROOT : '/');
  const base = options.runner ?? createExecaRunner({ env });
  const clock = options.clock ?? systemClock;
  const runner: CommandRunner =
    options.dryRun === true && !base.dryRun ? createDryRunRunner(base, options.print === undefined ? {} : { print: options.print }) : base;

  const run = (command: HostCommand): Promise<CommandResult> => runner.run(command);
  /** Runs a command that must succeed. */
  const must = async (command: HostCommand, what?: string): Promise<CommandResult> => {
    const result = await run(command);
    if (result.exitCode !== 0) throw commandError(command, result, what);
    return result;
  };
  /** Runs a probe: the exit status is the answer. */
  const probe = async (command: HostCommand): Promise<boolean> => (await run(command)).exitCode === 0;
  const out = (r: CommandResult): ExecResult => ({ exitCode: r.exitCode, stdout: r.stdout, stderr: r.stderr });

  // ---------------------------------------------------------------- zfs
  const zfs: DatasetOps = {
    exists: async (name) => probe(q('zfs', ['list', '-o', 'name', '-H', checkName('dataset', name)])),
    async create(name, properties = {}) {
      const args = ['create'];
      for (const [k, v] of Object.entries(properties)) args.push('-o', `${k}=${v}`);
      await must(e('zfs', [...args, checkName('dataset', name)]));
    },
    async getProperty(name, property, options = {}) {
      const r = await run(q('zfs', ['get', options.exact === true ? '-Hpo' : '-Ho', 'value', property, checkName('dataset', name)]));
      if (r.exitCode !== 0) return undefined;
      return lines(r.stdout)[0];
    },
    async setProperty(name, property, value) {
      await must(e('zfs', ['set', `${property}=${value}`, checkName('dataset', name)]));
    },
    async inheritProperty(name, property) {
      await must(e('zfs', ['inherit', checkName('property', property), checkName('dataset', name)]));
    },
    async propertyNames(name) {
      const r = await run(q('zfs', ['get', '-o', 'property', 'all', checkName('dataset', name)]));
      if (r.exitCode !== 0) return [];
      return lines(r.stdout)
        .map((l) => l.trim())
        .filter((l) => l !== 'PROPERTY');
    },
    async mountpoint(name) {
      const r = await run(q('zfs', ['list', '-H', '-o', 'mountpoint', checkName('dataset', name)]));
      return r.exitCode === 0 ? lines(r.stdout)[0] : undefined;
    },
    async isMounted(name) {
      return (await zfs.getProperty(name, 'mounted')) === 'yes';
    },
    async children(name) {
      const r = await run(q('zfs', ['list', '-H', '-o', 'name', '-d', '1', checkName('dataset', name)]));
      if (r.exitCode !== 0) return [];
      return parseZfsRows(r.stdout)
        .map((row) => row[0]!)
        .filter((n) => n !== name);
    },
    async snapshots(name) {
      const r = await run(q('zfs', ['list', '-d', '1', '-H', '-t', 'snapshot', checkName('dataset', name)]));
      if (r.exitCode !== 0) return [];
      return parseZfsRows(r.stdout)
        .map((row) => row[0]!)
        .filter((n) => n.startsWith(`${name}@`));
    },
    async snapshot(name, snap, opts = {}) {
      await must(e('zfs', ['snapshot', ...(opts.recursive === true ? ['-r'] : []), `${checkName('dataset', name)}@${snap}`]));
    },
    async destroy(name, opts = {}) {
      await must(e('zfs', ['destroy', ...(opts.force === true ? ['-f'] : []), ...(opts.recursive === true ? ['-r'] : []), checkName('dataset', name)]));
    },
    async copySnapshot(snapshot, target, opts = {}) {
      const exclude = (opts.excludeProperties ?? []).flatMap((p) => ['-x', p]);
      const send = q('zfs', ['send', checkName('snapshot', snapshot)]);
      await must(e('zfs', ['receive', ...exclude, checkName('dataset', target)], { pipeFrom: send }));
    },
    async mount(name) {
      await must(e('zfs', ['mount', checkName('dataset', name)]));
    },
    async unmount(name, opts = {}) {
      await must(e('zfs', ['umount', ...(opts.force === true ? ['-f'] : []), checkName('dataset', name)]));
    },
    async rename(name, newName) {
      await must(e('zfs', ['rename', checkName('dataset', name), checkName('dataset', newName)]));
    },
    async clone(snapshot, target, opts = {}) {
      const props = opts.mountpoint === undefined ? [] : ['-o', `mountpoint=${opts.mountpoint}`];
      await must(e('zfs', ['clone', ...props, checkName('snapshot', snapshot), checkName('dataset', target)]));
    },
    async rollback(snapshot) {
      await must(e('zfs', ['rollback', checkName('snapshot', snapshot)]));
    },
    async tree(name) {
      const r = await run(q('zfs', ['list', '-o', 'name', '-H', '-r', checkName('dataset', name)]));
      if (r.exitCode !== 0) return [];
      return parseZfsRows(r.stdout).map((row) => row[0]!);
    },
  };

  // ---------------------------------------------------------------- jails
  /** A program inside a running jail (`jexec`) or in a throw-away jail on a root (`jail -c path=ROOT command=…`), as shell pot's copy-in. */
  const inJail = (place: JailPlace, argv: readonly string[]): HostCommand =>
    'jail' in place
      ? e('jexec', [checkName('jail', place.jail), ...argv])
      : e('jail', ['-c', `path=${place.root}`, `command=${argv[0] ?? ''}`, ...argv.slice(1)]);
  const jails: JailOps = {
    isRunning: async (name) => probe(q('jls', ['-j', checkName('jail', name)])),
    async jid(name) {
      const r = await run(q('jls', ['-j', checkName('jail', name), 'jid']));
      if (r.exitCode !== 0) return undefined;
      const n = Number.parseInt(r.stdout.trim(), 10);
      return Number.isNaN(n) ? undefined : n;
    },
    async list() {
      const r = await run(q('jls', ['jid', 'name', 'host.hostname', 'path']));
      return r.exitCode === 0 ? parseJls(r.stdout) : [];
    },
    async start(parameters) {
      return out(await must(e('jail', ['-c', ...parameters])));
    },
    async remove(name, opts) {
      checkName('jail', name);
      if (opts === undefined) {
        await must(e('jail', ['-r', name]));
        return;
      }
      const conf = [`${name} {`];
      if (opts.execStop !== undefined && opts.execStop !== '') conf.push(`  exec.stop="${opts.execStop.replace(/[\\"]/g, (c) => `\\${c}`)}";`);
      if (opts.stopTimeout !== undefined) conf.push(`  stop.timeout=${opts.stopTimeout};`);
      conf.push('}');
      await must(e('jail', ['-f-', '-q', '-r', name], { input: `${conf.join('\n')}\n` }));
    },
    async killMatching(name, pattern) {
      const command = e('pkill', ['-f', '-j', checkName('jail', name), pattern]);
      const r = await run(command);
      if (r.exitCode > 1) throw commandError(command, r);
      return r.exitCode === 0;
    },
    async findProcesses(name, selector) {
      const command = q('pgrep', ...jailSelection(name, selector));
      const r = await run(command);
      if (r.exitCode > 1) throw commandError(command, r);
      return r.exitCode === 0
        ? lines(r.stdout)
            .map((l) => Number.parseInt(l.trim(), 10))
            .filter((n) => !Number.isNaN(n))
        : [];
    },
    async signal(name, signal, selector) {
      if (!/^[A-Z][A-Z0-9]*$/.test(signal)) throw new PotError('usage', `${JSON.stringify(signal)} is not a signal name`);
      const [args, extra] = jailSelection(name, selector);
      const command = e('pkill', [`-${signal}`, ...args], extra);
      const r = await run(command);
      if (r.exitCode > 1) throw commandError(command, r);
      return r.exitCode === 0;
    },
    async run(name, argv) {
      return (await run(e('jexec', [checkName('jail', name), ...argv], { passOutput: true }))).exitCode;
    },
    async attach(name, argv, opts = {}) {
      const users = opts.hostUser !== undefined ? ['-u', opts.hostUser] : opts.jailUser !== undefined ? ['-U', opts.jailUser] : [];
      const jexec = ['-l', ...users, checkName('jail', name), ...argv];
      // script(1) gives the command a pseudo-terminal, as shell pot's exec -t did
      const [file, args] = opts.tty === true ? ['script', ['-q', '/dev/null', 'jexec', ...jexec]] : ['jexec', jexec];
      const command = e(file, args, opts.detach === true ? { detached: true } : { interactive: true });
      return (await run(command)).exitCode;
    },
    async console(name, user) {
      return (await run(e('jexec', ['-l', '-U', user, checkName('jail', name)], { interactive: true }))).exitCode;
    },
    async monitor(name) {
      return (await run(e('top', ['-J', checkName('jail', name)], { interactive: true }))).exitCode;
    },
    async exec(name, argv, opts = {}) {
      return out(await run(e('jexec', [checkName('jail', name), ...argv], opts.input === undefined ? {} : { input: opts.input })));
    },
    async copyInside(place, from, to, opts = {}) {
      return out(await run(inJail(place, ['/bin/cp', opts.verbose === true ? '-va' : '-a', insidePath(from), insidePath(to)])));
    },
    async makeDirectoryInside(place, dir) {
      return out(await run(inJail(place, ['/bin/mkdir', '-p', insidePath(dir)])));
    },
  };

  // ---------------------------------------------------------------- interfaces
  const ifName = (name: string): string => checkName('interface', name);
  const addressArgs = (spec: AddressSpec): string[] => {
    const args: string[] = [spec.family];
    if (spec.prefixLength !== undefined && spec.netmask === undefined) args.push(`${spec.address}/${spec.prefixLength}`);
    else args.push(spec.address);
    if (spec.netmask !== undefined) args.push('netmask', spec.netmask);
    if (spec.alias === true) args.push('alias');
    return args;
  };
  const net: NetworkOps = {
    async list() {
      return parseNameList((await must(q('ifconfig', ['-l']))).stdout);
    },
    async inGroup(group) {
      const r = await run(q('ifconfig', ['-g', checkName('group', group)]));
      return r.exitCode === 0 ? parseNameList(r.stdout) : [];
    },
    bridges: () => net.inGroup('bridge'),
    exists: async (name) => probe(q('ifconfig', [ifName(name)])),
    async show(name) {
      const r = await run(q('ifconfig', [ifName(name)]));
      if (r.exitCode !== 0) return undefined;
      return parseIfconfig(r.stdout).find((i) => i.name === name) ?? parseIfconfig(r.stdout)[0];
    },
    async addresses(name, family) {
      const r = await run(q('ifconfig', family === undefined ? [ifName(name)] : [ifName(name), family]));
      if (r.exitCode !== 0) return undefined;
      const info = parseIfconfig(r.stdout)[0];
      const all: InterfaceAddress[] = info === undefined ? [] : [...info.addresses];
      return family === undefined ? all : all.filter((a) => a.family === family);
    },
    async createBridge(opts = {}) {
      const args = ['bridge', 'create'];
      if (opts.description !== undefined) args.push('descr', opts.description);
      if (opts.group !== undefined) args.push('group', checkName('group', opts.group));
      const r = await must(e('ifconfig', args, { dryRunStdout: 'bridgeN\n' }), 'Bridge creation failed');
      const name = lines(r.stdout)[0]?.trim();
      if (name === undefined || name === '') throw new PotError('host-command', 'Bridge creation failed: no interface name returned');
      return name;
    },
    async createEpair(opts = {}) {
      const args = ['epair', 'create'];
      if (opts.description !== undefined) args.push('descr', opts.description);
      if (opts.group !== undefined) args.push('group', checkName('group', opts.group));
      const r = await must(e('ifconfig', args, { dryRunStdout: 'epairNa\n' }), 'epair creation failed');
      const a = lines(r.stdout)[0]?.trim();
      if (a === undefined || !a.endsWith('a')) throw new PotError('host-command', `epair creation failed: unexpected answer ${JSON.stringify(r.stdout)}`);
      return { a, b: `${a.slice(0, -1)}b` };
    },
    async rename(name, newName) {
      await must(e('ifconfig', [ifName(name), 'name', ifName(newName)]));
    },
    async setAddress(name, spec) {
      await must(e('ifconfig', [ifName(name), ...addressArgs(spec)]));
    },
    async removeAddress(name, family, address) {
      await must(e('ifconfig', [ifName(name), family, address, '-alias']));
    },
    async up(name, opts = {}) {
      await must(e('ifconfig', opts.inet6 === true ? [ifName(name), 'inet6', 'up'] : [ifName(name), 'up']));
    },
    async down(name) {
      await must(e('ifconfig', [ifName(name), 'down']));
    },
    async addMember(bridge, member, opts = {}) {
      const args = [ifName(bridge), 'addm', ifName(member)];
      if (opts.private === true) args.push('private', member);
      await must(e('ifconfig', args));
    },
    async removeMember(bridge, member) {
      await must(e('ifconfig', [ifName(bridge), 'deletem', ifName(member)]));
    },
    async moveToJail(name, jail) {
      await must(e('ifconfig', [ifName(name), 'vnet', checkName('jail', jail)]));
    },
    async destroy(name) {
      await must(e('ifconfig', [ifName(name), 'destroy']));
    },
  };

  // ---------------------------------------------------------------- files (needed by pf)
  const files = createFileOps(hostRoot, { runner, clock });

  // ---------------------------------------------------------------- kernel modules
  const kmod: KernelModuleOps = {
    isLoaded: async (name) => probe(q('kldstat', ['-q', '-m', checkName('module', name)])),
    async load(name) {
      await must(e('kldload', ['-n', checkName('module', name)]));
    },
  };

  // ---------------------------------------------------------------- pf
  const anchorName = (a: string): string => checkName('anchor', a);
  const pf: PacketFilterOps = {
    isLoaded: () => kmod.isLoaded('pf'),
    async isEnabled() {
      const r = await run(q('pfctl', ['-s', 'info']));
      return r.exitCode === 0 && parsePfEnabled(r.stdout);
    },
    async loadMain(file) {
      const content = await files.under('/').read(file);
      await must(e('pfctl', ['-f', file], content === undefined ? {} : { reads: content }));
    },
    async loadAnchor(anchor, source) {
      if ('file' in source) {
        const content = await files.under('/').read(source.file);
        await must(e('pfctl', ['-a', anchorName(anchor), '-f', source.file], content === undefined ? {} : { reads: content }));
      } else {
        await must(e('pfctl', ['-a', anchorName(anchor), '-f', '-'], { input: source.rules }));
      }
    },
    async flushAnchor(anchor) {
      await must(e('pfctl', ['-a', anchorName(anchor), '-F', 'nat', '-q']));
    },
    async anchors(parent) {
      const r = await run(q('pfctl', parent === undefined ? ['-s', 'Anchors'] : ['-a', anchorName(parent), '-s', 'Anchors']));
      return r.exitCode === 0 ? parseAnchors(r.stdout) : [];
    },
    async natRules(anchor, opts = {}) {
      const args = opts.numeric === true ? ['-a', anchorName(anchor), '-s', 'nat', '-P'] : ['-s', 'nat', '-a', anchorName(anchor)];
      const r = await run(q('pfctl', args));
      return r.exitCode === 0 ? lines(r.stdout) : [];
    },
    async enable() {
      const command = e('pfctl', ['-e']);
      const r = await run(command);
      const message = r.stderr.trim();
      if (r.exitCode === 0) return { alreadyEnabled: false, message };
      if (/already enabled/i.test(r.stderr)) return { alreadyEnabled: true, message };
      throw commandError(command, r, 'Cannot enable pf');
    },
  };

  // ---------------------------------------------------------------- sysctl
  const sysctl: KernelParamOps = {
    async get(name, opts = {}) {
      const r = await run(q('sysctl', [opts.quiet === true ? '-qn' : '-n', checkName('sysctl', name)]));
      return r.exitCode === 0 ? r.stdout.replace(/\n$/, '') : undefined;
    },
    async set(name, value, opts = {}) {
      const setting = `${checkName('sysctl', name)}=${value}`;
      return out(await must(e('sysctl', opts.verbose === true ? [setting] : ['-qn', setting])));
    },
  };

  // ---------------------------------------------------------------- rc.conf
  const fileArgs = (file: string | undefined): string[] => (file === undefined ? [] : ['-f', file]);
  const rc: ServiceConfigOps = {
    async get(knob, opts = {}) {
      const r = await run(q('sysrc', [...fileArgs(opts.file), '-n', checkName('knob', knob)]));
      return r.exitCode === 0 ? r.stdout.replace(/\n$/, '') : undefined;
    },
    async set(knob, value, opts = {}) {
      return (await must(e('sysrc', [...fileArgs(opts.file), ...(opts.quiet === true ? ['-q'] : []), `${checkName('knob', knob)}=${value}`]))).stdout;
    },
    async remove(knob, opts = {}) {
      await must(e('sysrc', [...fileArgs(opts.file), '-x', checkName('knob', knob)]));
    },
  };

  // ---------------------------------------------------------------- mounts
  const mounts: MountOps = {
    async bind(source, target, opts = {}) {
      const o = opts.options ?? (opts.readOnly === false ? 'rw' : 'ro');
      await must(e('mount_nullfs', ['-o', o, source, target]));
    },
    async tmpfs(target) {
      await must(e('mount', ['-t', 'tmpfs', 'tmpfs', target]));
    },
    async special(type, target) {
      await must(e('mount', ['-t', type, type, target]));
    },
    async unmount(target, opts = {}) {
      await must(e('umount', [...(opts.force === true ? ['-f'] : []), target]));
    },
    async list() {
      return parseMount((await must(q('mount', []))).stdout);
    },
    async isMounted(target) {
      const t = target.replace(/\/+$/, '');
      return (await mounts.list()).some((m) => m.target === t);
    },
  };

  // ---------------------------------------------------------------- syslog
  const log: SyslogOps = {
    async syslog(message, opts) {
      await must(e('logger', ['-p', `${opts.facility}.${opts.priority ?? 'info'}`, '-t', opts.tag ?? 'pot', message]));
    },
    async reload() {
      await must(e('service', ['syslogd', 'reload']));
    },
  };

  // ---------------------------------------------------------------- sockets, processes
  const sockets: SocketOps = {
    async listeningPorts(first, last) {
      const r = await run(q('sockstat', ['-p', `${first}-${last}`, '-4l']));
      return r.exitCode === 0 ? parseSockstatPorts(r.stdout) : [];
    },
  };
  const processes: ProcessOps = {
    async daemon(pidFile, argv) {
      await must(e('daemon', ['-f', '-p', pidFile, ...argv]));
    },
    async killByPidFile(pidFile, pattern) {
      const command = e('pkill', ['-F', pidFile, '-f', pattern]);
      const r = await run(command);
      if (r.exitCode > 1) throw commandError(command, r);
      return r.exitCode === 0;
    },
    anyMatching: async (pattern) => probe(q('pgrep', ['-q', '-f', pattern])),
    async killMatching(pattern) {
      const command = e('pkill', ['-f', pattern]);
      const r = await run(command);
      if (r.exitCode > 1) throw commandError(command, r);
    },
    async run(file, args, options = {}) {
      return out(await run(e(file, args, options.env === undefined ? {} : { env: options.env })));
    },
    async sharedMemory() {
      const r = await run(q('posixshmcontrol', ['ls']));
      return r.exitCode === 0 ? parseShmPaths(r.stdout) : [];
    },
    async removeSharedMemory(path) {
      await must(e('posixshmcontrol', ['rm', path]));
    },
  };

  const limits: ResourceLimitOps = {
    available: async () => (await sysctl.get('kern.racct.enable')) === '1',
    async usage(jail, opts = {}) {
      const r = await run(q('rctl', [opts.raw === true ? '-u' : '-hu', `jail:${checkName('jail', jail)}`]));
      if (r.exitCode !== 0) return {};
      return Object.fromEntries(
        r.stdout
          .split(/\s+/)
          .filter((w) => w.includes('='))
          .map((w) => [w.slice(0, w.indexOf('=')), w.slice(w.indexOf('=') + 1)]),
      );
    },
    async limit(jail, resource, value) {
      await must(e('rctl', ['-a', `jail:${checkName('jail', jail)}:${resource}:deny=${value}`]));
    },
    async removeAll(jail) {
      await run(e('rctl', ['-r', `jail:${checkName('jail', jail)}`]));
    },
    async pinCpus(jid, count) {
      const list = (await must(q('potcpu', ['get-cpu', '-n', String(count)]))).stdout.trim();
      await must(e('cpuset', ['-l', list, '-j', String(jid)]));
      return list;
    },
  };

  // ---------------------------------------------------------------- downloads, archives
  const downloads = createDownloadOps(runner);
  const archives = createArchiveOps(runner);
  const images = createImageOps(runner);

  // ---------------------------------------------------------------- users, groups, identity
  const system: SystemOps = {
    async uid() {
      const r = await must(q('id', ['-u']));
      const n = Number.parseInt(r.stdout.trim(), 10);
      if (Number.isNaN(n)) throw new PotError('host-command', `id -u answered ${JSON.stringify(r.stdout.trim())}`);
      return n;
    },
    groupExists: async (name) => probe(q('getent', ['group', checkName('group', name)])),
    async hostname() {
      return (await must(q('hostname', []))).stdout.trim();
    },
  };

  return {
    platform: 'freebsd',
    clock,
    plan: runner.dryRun ? printedPlan : performedPlan,
    zfs,
    jails,
    net,
    pf,
    sysctl,
    kmod,
    rc,
    mounts,
    log,
    sockets,
    processes,
    limits,
    downloads,
    archives,
    images,
    files,
    system,
  };
}
