/**
 * The state dump of the fake host (../lib/dump.sh `dump_host`) in process, byte for byte:
 * interfaces as `ifconfig` shows them, pf, jails, daemon processes, datasets, mounts, changed
 * sysctls, loaded modules and, optionally, the host files changed since the set-up.
 * The listings bash takes from stand-ins (pfctl -s Anchors, zfs list, mount) still come from
 * them, through runStandIn without logging.
 */
import { accessSync, constants, lstatSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { runStandIn } from './emulator/index.js';
import { jailNamesByJid } from './emulator/jail-store.js';
import { netAll, netDir, netShow } from './emulator/net-store.js';
import { type Env, readTrimmed, State } from './emulator/state.js';

export interface DumpOptions {
  /** The checkpoint's label (`=== checkpoint LABEL`). */
  label: string;
  /**
   * Whether to list the host files changed since the set-up (dump_host_files: the overlay
   * upper directories $OVERLAY_DIR/*.up against their copies in $BASELINE_DIR). Default true;
   * false is `dump_host_files() { :; }; dump_host LABEL`.
   */
  hostFiles?: boolean;
}

// ---- small readers with the shell's meaning

/** `$(<FILE)`: '' when unreadable. */
function slurp(file: string): string {
  return readTrimmed(file) ?? '';
}

/** `[[ -s FILE ]]` */
function nonEmpty(file: string): boolean {
  try {
    return statSync(file).size > 0;
  } catch {
    return false;
  }
}

function exists(p: string): boolean {
  try {
    statSync(p);
    return true;
  } catch {
    return false;
  }
}

function isLink(p: string): boolean {
  try {
    return lstatSync(p).isSymbolicLink();
  } catch {
    return false;
  }
}

function statOf(p: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(p);
  } catch {
    return undefined;
  }
}

function readOr(file: string, encoding: BufferEncoding): string | undefined {
  try {
    return readFileSync(file, encoding);
  } catch {
    return undefined;
  }
}

/** `sed 's/^/PREFIX/' FILE`: every line prefixed, a last line without newline kept so. */
function prefixed(text: string, prefix: string): string {
  if (text === '') return '';
  const body = text.endsWith('\n') ? text.slice(0, -1) : text;
  return (
    body
      .split('\n')
      .map((l) => `${prefix}${l}`)
      .join('\n') + (text.endsWith('\n') ? '\n' : '')
  );
}

/** `DIR/*` as bash globs it under LC_ALL=C (no dot files, byte order); [] without a match. */
function glob(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => !n.startsWith('.'))
      .sort(byBytes);
  } catch {
    return [];
  }
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** A stand-in's standard output (FAKEBSD_NOLOG=1 "$FAKEBSD_STUBS/bin/CMD" ARG…). */
function standIn(env: Env, ...argv: string[]): string {
  return runStandIn({ argv, env: { ...env, FAKEBSD_NOLOG: '1' } }).stdout.toString('utf8');
}

// ---- the sections

function pfSection(env: Env, S: string): string {
  let o = '## pf\n';
  o += `enabled: ${readTrimmed(`${S}/pf/enabled`) ?? '0'}\n`;
  const main = `${S}/pf/main.conf`;
  o += nonEmpty(main) ? `main ruleset:\n${prefixed(readOr(main, 'utf8') ?? '', '  | ')}` : 'main ruleset: (none)\n';
  o += 'anchors (pfctl -s Anchors):\n';
  o += prefixed(standIn(env, 'pfctl', '-s', 'Anchors'), ' ');
  for (const name of glob(`${S}/pf/anchors`)) {
    const a = `${S}/pf/anchors/${name}`;
    if (!statOf(a)?.isFile()) continue;
    o += `anchor ${name.replaceAll('%', '/').replace(/\n+$/, '')} rules:\n`;
    o += nonEmpty(a) ? prefixed(readOr(a, 'utf8') ?? '', '  | ') : '  (none)\n';
  }
  return o;
}

function jailSection(st: State): string {
  let o = '## jails\n';
  const S = st.dir;
  const J = `${S}/jail`;
  // `for n in $(jail_names_by_jid)`: the names split into words
  for (const n of jailNamesByJid(st).flatMap((l) => l.split(/[ \t\n]+/).filter((w) => w !== ''))) {
    o += `jail ${n} jid=${slurp(`${J}/${n}/jid`)} persist=${slurp(`${J}/${n}/persist`)}\n`;
    o += prefixed(readOr(`${J}/${n}/params`, 'utf8') ?? '', '  param: ');
    if (nonEmpty(`${J}/${n}/procs`)) o += prefixed(readOr(`${J}/${n}/procs`, 'utf8') ?? '', '  process: ');
  }
  if (nonEmpty(`${S}/procs`)) o += `## host processes (daemon)\n${readOr(`${S}/procs`, 'utf8') ?? ''}`;
  return o;
}

/** A file's lines as `sort` reads them, as latin1 characters (so that JS order is byte order). */
function sortedLines(file: string): string[] {
  const text = readOr(file, 'latin1') ?? '';
  if (text === '') return [];
  return (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n').sort();
}

/** `diff <(sort DEFAULTS) <(sort FILE) | sed -n 's/^> //p'`: of sorted lists, what FILE has more. */
function sysctlChanged(defaults: string, file: string): string {
  const base = sortedLines(defaults);
  const now = sortedLines(file);
  const out: string[] = [];
  let i = 0;
  for (const line of now) {
    while (i < base.length && (base[i] as string) < line) i++;
    if (i < base.length && base[i] === line) i++;
    else out.push(`${line}\n`);
  }
  return Buffer.from(out.join(''), 'latin1').toString('utf8');
}

function kldSection(S: string): string {
  if (!nonEmpty(`${S}/kld`)) return '';
  const unique = [...new Set(sortedLines(`${S}/kld`))].map((l) => `${l}\n`).join('');
  return `## kernel modules loaded (kldload)\n${Buffer.from(unique, 'latin1').toString('utf8')}`;
}

// ---- dump_one, dump_host_files

/** dump_one PATH (relative to DIR, shown as SHOWN): `--- PATH` then the content. */
function dumpOne(dir: string, rel: string, shown: string): string {
  const p = `${dir}/${rel}`;
  if (isLink(p)) return `--- ${shown} -> ${readlinkSync(p, 'utf8').replace(/\n+$/, '')}\n`;
  if (!statOf(p)?.isFile()) return '';
  let executable = '';
  try {
    accessSync(p, constants.X_OK);
    executable = ' [executable]';
  } catch {
    // not executable
  }
  const data = readFileSync(p);
  if (data.length === 0) return `--- ${shown}${executable}\n(empty file)\n`;
  const last = data[data.length - 1];
  // $(tail -c 1) is empty for a newline (stripped) and for a NUL (dropped)
  const marker = last !== 0x0a && last !== 0x00 ? '\\ No newline at end of file\n' : '';
  return `--- ${shown}${executable}\n${data.toString('utf8')}${marker}`;
}

/** `cd DIR && find . -mindepth 1 | sed 's|^\./||' | sort` */
function findAll(dir: string): string[] {
  const out: string[] = [];
  const walk = (rel: string): void => {
    let names: string[];
    try {
      names = readdirSync(rel === '' ? dir : `${dir}/${rel}`);
    } catch {
      return;
    }
    for (const name of names) {
      const r = rel === '' ? name : `${rel}/${name}`;
      out.push(r);
      if (lstatSync(`${dir}/${r}`).isDirectory()) walk(r);
    }
  };
  walk('');
  return out.sort(byBytes);
}

function sameContent(a: string, b: string): boolean {
  try {
    return readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

const OVERLAYS: Readonly<Record<string, string>> = { etc: '/etc', 'usr-local': '/usr/local', 'var-log': '/var/log' };

/** dump_host_files: host files (/etc, /usr/local, /var/log) changed since the baseline. */
export function dumpHostFiles(env: Env): string {
  let o = '';
  const overlays = env.OVERLAY_DIR ?? '';
  for (const entry of glob(overlays).filter((n) => n.endsWith('.up'))) {
    const up = `${overlays}/${entry}`;
    if (!statOf(up)?.isDirectory()) continue;
    const name = entry.slice(0, -3);
    const real = Object.hasOwn(OVERLAYS, name) ? OVERLAYS[name] : undefined;
    if (real === undefined) continue;
    const base = `${env.BASELINE_DIR ?? ''}/${name}.up`;
    for (const rel of findAll(up)) {
      if (rel === '') continue;
      const u = statOf(`${up}/${rel}`);
      if (u?.isCharacterDevice()) {
        if (!statOf(`${base}/${rel}`)?.isCharacterDevice()) o += `--- ${real}/${rel} (deleted)\n`;
      } else if (u?.isDirectory() && !isLink(`${up}/${rel}`)) {
        if (!statOf(`${base}/${rel}`)?.isDirectory()) o += `--- ${real}/${rel}/ (new directory)\n`;
      } else if ((exists(`${base}/${rel}`) || isLink(`${base}/${rel}`)) && sameContent(`${up}/${rel}`, `${base}/${rel}`)) {
        // unchanged
      } else {
        o += dumpOne(up, rel, `${real}/${rel}`);
      }
    }
    if (statOf(base)?.isDirectory()) {
      for (const rel of findAll(base)) {
        if (!exists(`${up}/${rel}`) && !isLink(`${up}/${rel}`)) o += `--- ${real}/${rel} (reverted)\n`;
      }
    }
  }
  return o;
}

/** dump_host LABEL (lib/dump.sh), with dump_host_files when options.hostFiles is not false. */
export function dumpHost(env: Env, options: DumpOptions): string {
  const st = new State(env);
  const S = st.dir;
  let o = `=== checkpoint ${options.label}\n## interfaces (ifconfig -a)\n`;
  const all = netAll(st);
  const inVnet = (n: string): boolean => exists(`${netDir(st, n)}/vnet`);
  for (const n of all) if (!inVnet(n)) o += netShow(st, n);
  for (const n of all) {
    if (!inVnet(n)) continue;
    o += `## interface ${n} is in the vnet of jail ${slurp(`${netDir(st, n)}/vnet`)}\n`;
    o += prefixed(netShow(st, n), '  ');
  }
  o += pfSection(env, S);
  o += jailSection(st);
  o += '## zfs (name mountpoint mounted canmount origin)\n';
  o += standIn(env, 'zfs', 'list', '-H', '-t', 'all', '-o', 'name,mountpoint,mounted,canmount,origin');
  o += '## mount\n';
  o += standIn(env, 'mount');
  o += '## sysctl (changed)\n';
  o += sysctlChanged(`${env.FAKEBSD_STUBS ?? ''}/lib/sysctl.defaults`, `${S}/sysctl`);
  o += kldSection(S);
  o += '## host files changed since the set-up\n';
  if (options.hostFiles !== false) o += dumpHostFiles(env);
  return `${o}\n`;
}
