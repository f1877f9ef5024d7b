/**
 * The fake host's set-up in process (it was lib/fakehost.sh): `bootHost` is fakehost_boot and
 * `runSetupWords` runs a line of host_* words as `bash -c 'set -e; . lib/fakehost.sh; LINE'`
 * would, writing the same state and host files. Stand-ins the words call (fh_stub zfs …) go
 * through runStandIn without logging; what the bash words write with net.sh and zfs.sh
 * functions (net_new, zfs_new …) is written here directly, in the same layout.
 */
import {
  accessSync,
  appendFileSync,
  chmodSync,
  closeSync,
  constants,
  mkdirSync,
  openSync,
  readdirSync,
  readFileSync,
  renameSync,
  statSync,
  symlinkSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { runStandIn, STAND_IN_DIR } from './emulator/index.js';
import { type AddressFamily, netAddrAdd, netNew } from './emulator/net-store.js';
import { type Env, State } from './emulator/state.js';
import { ZfsStore } from './emulator/zfs-store.js';

/** A set-up step failed where bash's `set -e` would stop: its exit status and what bash would print. */
export class SetupError extends Error {
  readonly status: number;
  readonly stderr: string;

  constructor(status: number, stderr: string) {
    super(stderr.replace(/\n$/, '') || `exit status ${status}`);
    this.name = 'SetupError';
    this.status = status;
    this.stderr = stderr;
  }
}

// ---- the shell tools the words use, on node:fs, failing with their messages

const STRERROR: Readonly<Record<string, string>> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  EISDIR: 'Is a directory',
  ENOTDIR: 'Not a directory',
  EACCES: 'Permission denied',
  EPERM: 'Operation not permitted',
  ENOTEMPTY: 'Directory not empty',
  EROFS: 'Read-only file system',
  ENOSPC: 'No space left on device',
  ELOOP: 'Too many levels of symbolic links',
  ENAMETOOLONG: 'File name too long',
};

function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  return STRERROR[code] ?? (e instanceof Error ? e.message : String(e));
}

/** Runs OP; a failure becomes WHAT's message (`mkdir: cannot create directory 'X'`: reason). */
function attempt<T>(what: string, op: () => T): T {
  try {
    return op();
  } catch (e) {
    if (e instanceof SetupError) throw e;
    throw new SetupError(1, `${what}: ${reason(e)}\n`);
  }
}

/** `>FILE`: truncates an existing file (keeping its mode), creates a new one. */
function put(file: string, text: string): void {
  attempt(`bash: ${file}`, () => writeFileSync(file, text));
}

/** `>>FILE` */
function add(file: string, text: string): void {
  attempt(`bash: ${file}`, () => appendFileSync(file, text));
}

/** `mkdir -p DIR…`: every DIR is tried, the first failure reported after. */
function mkdirp(...dirs: string[]): void {
  let failed: string | undefined;
  for (const d of dirs) {
    try {
      if (d === '') throw Object.assign(new Error(''), { code: 'ENOENT' });
      mkdirSync(d, { recursive: true });
    } catch (e) {
      failed ??= '';
      failed += `mkdir: cannot create directory '${d}': ${reason(e)}\n`;
    }
  }
  if (failed !== undefined) throw new SetupError(1, failed);
}

function chmod(mode: number, file: string): void {
  attempt(`chmod: cannot access '${file}'`, () => chmodSync(file, mode));
}

function touch(file: string): void {
  attempt(`touch: cannot touch '${file}'`, () => closeSync(openSync(file, 'a')));
}

function isDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

function baseName(p: string): string {
  const trimmed = p.replace(/\/+$/, '');
  return trimmed.slice(trimmed.lastIndexOf('/') + 1);
}

function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.ino === y.ino && x.dev === y.dev;
  } catch {
    return false;
  }
}

function isExecutableFile(p: string): boolean {
  try {
    accessSync(p, constants.X_OK);
    return !statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/**
 * How cp names itself in a complaint: `cp` found in PATH is bin/cp, the stand-ins' shim, when
 * their directory comes first; it execs the next cp in PATH by its full path (fb_real_tool).
 */
function cpName(env: Env): string {
  let shimDir: string | undefined;
  for (const d of (env.PATH ?? '').split(':')) {
    if (d === '' || !isExecutableFile(`${d}/cp`)) continue;
    if (shimDir === undefined) {
      if (!sameFile(d, STAND_IN_DIR)) return 'cp';
      shimDir = d;
    } else if (!sameFile(d, shimDir)) return `${d}/cp`;
  }
  return 'cp';
}

/** `cp SRC DST` (no options): a new file gets SRC's mode less the umask, an existing one keeps its own. */
function cp(env: Env, src: string, dst: string): void {
  const named = (what: string, op: () => void): void => {
    try {
      op();
    } catch (e) {
      throw new SetupError(1, `${cpName(env)}: ${what}: ${reason(e)}\n`);
    }
  };
  let data = Buffer.alloc(0);
  let mode = 0o644;
  named(`cannot stat '${src}'`, () => {
    data = readFileSync(src);
    mode = statSync(src).mode & 0o777;
  });
  const target = isDir(dst) ? `${dst}/${baseName(src)}` : dst;
  named(`cannot create regular file '${target}'`, () => writeFileSync(target, data, { mode }));
}

/** `ln -s TARGET LINK` (GNU): a LINK that is a directory gets the link inside it. */
function lnS(target: string, link: string): void {
  const at = isDir(link) ? `${link}/${baseName(target)}` : link;
  attempt(`ln: failed to create symbolic link '${at}'`, () => symlinkSync(target, at));
}

/** `rm -f PATH…`: directories are refused (after the others are removed). */
function rmF(...paths: string[]): void {
  let failed = '';
  for (const p of paths) {
    try {
      unlinkSync(p);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') failed += `rm: cannot remove '${p}': ${reason(e)}\n`;
    }
  }
  if (failed !== '') throw new SetupError(1, failed);
}

/** `DIR/*` as bash globs it: the names not starting with a dot, C order; the pattern itself when none. */
function glob(dir: string): string[] {
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => !n.startsWith('.'));
  } catch {
    // no directory: no match
  }
  if (names.length === 0) return [`${dir}/*`];
  return names.sort(byBytes).map((n) => `${dir}/${n}`);
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** printf '%-Ns': padded to N bytes (bash counts bytes under LC_ALL=C). */
function padBytes(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - Buffer.byteLength(s)));
}

// ---- the host being set up

class Host {
  readonly env: Env;
  /** $H: the host's `/` */
  readonly H: string;
  /** $FAKEBSD_STATE */
  readonly S: string;
  readonly st: State;

  constructor(env: Env) {
    const H = env.FAKEBSD_HOSTROOT;
    const S = env.FAKEBSD_STATE;
    if (H === undefined || H === '') throw new SetupError(1, 'bash: FAKEBSD_HOSTROOT: FAKEBSD_HOSTROOT is not set\n');
    if (S === undefined || S === '') throw new SetupError(1, 'bash: FAKEBSD_STATE: FAKEBSD_STATE is not set (fake FreeBSD host state directory)\n');
    this.env = env;
    this.H = H;
    this.S = S;
    this.st = new State(env);
  }

  get net(): string {
    return `${this.S}/net/if`;
  }

  get zfsRoot(): string {
    return this.env.POT_ZFS_ROOT || 'zroot/pot';
  }

  /** fh_stub CMD ARG…: the stand-in without logging; a failure stops the set-up. */
  stub(...argv: string[]): void {
    const r = runStandIn({ argv, env: { ...this.env, FAKEBSD_NOLOG: '1' } });
    if (r.exitCode !== 0) throw new SetupError(r.exitCode, r.stderr);
    if (r.stderr !== '') process.stderr.write(r.stderr);
  }

  /** net_new NAME KIND [UNIT] of net.sh (the state of an interface). */
  netNew(name: string, kind: string, unit?: string): void {
    attempt(`mkdir: cannot create directory '${this.net}/${name}'`, () => netNew(this.st, name, kind, unit));
  }

  /** net_addr_add IF AF ADDR PREFIX of net.sh (ADDR checked by awkPlain); a missing interface stops the set-up at touch. */
  netAddrAdd(name: string, af: string, addr: string, prefix: string): void {
    touch(`${this.net}/${name}/${af}`);
    netAddrAdd(this.st, name, af as AddressFamily, addr, prefix);
  }
}

// ---- fakehost.sh

const RC_CONF = `hostname="host.example.org"
ifconfig_em0="inet 192.168.1.10 netmask 255.255.255.0"
defaultrouter="192.168.1.1"
sshd_enable="YES"
zfs_enable="YES"
`;

/** fakehost_boot: the machine before anything pot-related exists. */
export function bootHost(env: Env): void {
  const h = new Host(env);
  const { H, S } = h;
  mkdirp(`${H}/etc`);
  mkdirp(...['conf', 'tmp', 'net/if', 'pf/anchors', 'jail', 'zfs/ds', 'zfs/snap', 'zfs/data'].map((d) => `${S}/${d}`));
  put(`${S}/calls.log`, '');
  cp(env, `${env.FAKEBSD_STUBS ?? ''}/lib/sysctl.defaults`, `${S}/sysctl`);
  put(`${S}/sockstat`, 'root     sshd       812   4   tcp4   *:22                  *:*\n');
  add(`${S}/sockstat`, 'root     syslogd    604   7   udp4   *:514                 *:*\n');
  put(`${S}/pf/enabled`, '0\n');
  // interfaces
  h.netNew('lo0', 'loopback', '0');
  touch(`${h.net}/lo0/up`);
  h.netAddrAdd('lo0', 'inet', '127.0.0.1', '8');
  h.netAddrAdd('lo0', 'inet6', '::1', '128');
  h.netAddrAdd('lo0', 'inet6', 'fe80::1', '64');
  h.netNew('em0', 'ether');
  touch(`${h.net}/em0/up`);
  put(`${h.net}/em0/ether`, '00:a0:98:00:00:01\n');
  h.netAddrAdd('em0', 'inet', '192.168.1.10', '24');
  // the pool
  const zfs = new ZfsStore(h.st, () => {});
  zfs.create('zroot');
  zfs.setProp('zroot', 'mountpoint', 'none');
  // host files
  put(`${H}/etc/resolv.conf`, 'search example.org\nnameserver 192.168.1.1\n');
  put(`${H}/etc/rc.conf`, RC_CONF);
  chmod(0o644, `${H}/etc/resolv.conf`);
  chmod(0o644, `${H}/etc/rc.conf`);
  rmF(`${H}/etc/pf.conf`);
  mkdirp(...['usr/local/etc', 'usr/local/bin', 'usr/local/sbin', 'dev', 'var/log'].map((d) => `${H}/${d}`));
  put(`${H}/dev/pf`, '');
}

function hostPotRoot(h: Host): void {
  const zr = h.zfsRoot;
  const fsRoot = h.env.POT_FS_ROOT ?? '';
  h.stub('zfs', 'create', '-o', `mountpoint=${fsRoot}`, '-o', 'canmount=off', '-o', 'compression=lz4', '-o', 'atime=off', zr);
  mkdirp(fsRoot);
  chmod(0o750, fsRoot);
  h.stub('zfs', 'create', `${zr}/bases`);
  h.stub('zfs', 'create', `${zr}/jails`);
  h.stub('zfs', 'create', `${zr}/fscomp`);
  h.stub('zfs', 'create', '-o', `mountpoint=${h.env.POT_CACHE ?? ''}`, '-o', 'compression=off', `${zr}/cache`);
  mkdirp(`${fsRoot}/bridges`, `${h.H}/usr/local/etc/syslog.d`, `${h.H}/usr/local/etc/newsyslog.conf.d`, `${h.H}/var/log/pot`);
  mkdirp(h.env.POT_TMP || '/tmp');
  add(`${h.H}/etc/rc.conf`, 'syslogd_flags="-b 127.0.0.1 -b 10.192.0.1 -a 10.192.0.0/10"\npf_enable="YES"\n');
  hostPfConf(h);
  hostPf(h, 'loaded');
}

function hostPfConf(h: Host): void {
  put(`${h.H}/etc/pf.conf`, 'nat-anchor pot-nat\nrdr-anchor "pot-rdr/*"\npass all\n');
}

function hostPf(h: Host, mode: string | undefined): void {
  const S = h.S;
  if (mode === 'loaded') {
    add(`${S}/kld`, 'pf\n');
    cp(h.env, `${h.H}/etc/pf.conf`, `${S}/pf/main.conf`);
    put(`${S}/pf/enabled`, '1\n');
  } else if (mode === 'unloaded') {
    rmF(`${S}/pf/main.conf`, ...glob(`${S}/pf/anchors`));
    put(`${S}/pf/enabled`, '0\n');
  } else if (mode === 'disabled') {
    put(`${S}/pf/enabled`, '0\n');
  }
}

const CRONTAB = `# /etc/crontab - root's crontab for FreeBSD
SHELL=/bin/sh
PATH=/etc:/bin:/sbin:/usr/bin:/usr/sbin
#minute\thour\tmday\tmonth\twday\twho\tcommand
*/11\t*\t*\t*\t*\toperator /usr/libexec/save-entropy
0\t*\t*\t*\t*\troot\tnewsyslog
1\t3\t*\t*\t*\troot\tperiodic daily
1,31\t0-5\t*\t*\t*\troot\tadjkerntz -a
`;

const BASE_DIRS = [
  'bin',
  'sbin',
  'lib',
  'libexec',
  'boot',
  'dev',
  'proc',
  'mnt',
  'media',
  'rescue',
  'usr/bin',
  'usr/sbin',
  'usr/lib',
  'usr/share',
  'usr/ports',
];
const CUSTOM_DIRS = ['etc/rc.d', 'etc/defaults', 'root', 'usr.local.etc', 'usr.home', 'var/db', 'var/log', 'var/run', 'var/tmp'];

function hostBase(h: Host, version: string | undefined): void {
  const v = version || '13.1';
  const zr = h.zfsRoot;
  const b = `${h.env.POT_FS_ROOT ?? ''}/bases/${v}`;
  h.stub('zfs', 'create', `${zr}/bases/${v}`);
  h.stub('zfs', 'create', '-o', `mountpoint=${b}/usr/local`, `${zr}/bases/${v}/usr.local`);
  h.stub('zfs', 'create', '-o', `mountpoint=${b}/opt/custom`, `${zr}/bases/${v}/custom`);
  put(`${b}/.osrelease`, `${v}-RELEASE\n`);
  mkdirp(...BASE_DIRS.map((d) => `${b}/${d}`));
  // install -d -m 1777: the mode is set whether the directory is new or not
  mkdirp(`${b}/tmp`);
  chmod(0o1777, `${b}/tmp`);
  put(`${b}/bin/freebsd-version`, `#!/bin/sh\nUSERLAND_VERSION="${v}-RELEASE-p9"\necho $USERLAND_VERSION\n`);
  chmod(0o555, `${b}/bin/freebsd-version`);
  lnS('opt/custom/etc', `${b}/etc`);
  lnS('opt/custom/root', `${b}/root`);
  lnS('opt/custom/var', `${b}/var`);
  lnS('opt/custom/usr.home', `${b}/home`);
  lnS('../opt/custom/usr.home', `${b}/usr/home`);
  // usr.local dataset
  lnS('../../opt/custom/usr.local.etc', `${b}/usr/local/etc`);
  mkdirp(`${b}/usr/local/var.db.pkg`, `${b}/usr/local/bin`);
  // custom dataset
  const c = `${b}/opt/custom`;
  mkdirp(...CUSTOM_DIRS.map((d) => `${c}/${d}`));
  lnS('../../../../usr/local/var.db.pkg', `${c}/var/db/pkg`);
  put(`${c}/etc/crontab`, CRONTAB);
  put(`${c}/etc/hosts`, '::1\t\t\tlocalhost localhost.my.domain\n127.0.0.1\t\tlocalhost localhost.my.domain\n');
  put(`${c}/etc/rc.d/rtsold`, '#!/bin/sh\n# PROVIDE: rtsold\n# KEYWORD: nojail shutdown\n');
  cp(h.env, `${h.env.FAKEBSD_STUBS ?? ''}/lib/rc.conf.defaults`, `${c}/etc/defaults/rc.conf`);
  for (const ds of [`${zr}/bases/${v}`, `${zr}/bases/${v}/usr.local`, `${zr}/bases/${v}/custom`]) h.stub('zfs', 'snapshot', `${ds}@1700000000`);
  h.stub('zfs', 'set', 'used=1.21G', `${zr}/bases/${v}`);
}

// ${1%/*} and ${1#*/}: before the last slash, after the first (the whole word without one)
function splitAddr(word: string): [string, string] {
  if (!word.includes('/')) return [word, word];
  return [word.slice(0, word.lastIndexOf('/')), word.slice(word.indexOf('/') + 1)];
}

function hostIface(h: Host, name = '', addr = ''): void {
  const kind = name.startsWith('vlan') ? 'vlan' : name.startsWith('tun') ? 'tun' : 'ether';
  h.netNew(name, kind);
  touch(`${h.net}/${name}/up`);
  if (addr !== '') h.netAddrAdd(name, 'inet', ...splitAddr(addr));
}

function hostListen(h: Host, proto = '', port = '', command = ''): void {
  add(`${h.S}/sockstat`, `root     ${padBytes(command || 'daemon', 10)} ${padBytes('900', 5)} 5   ${padBytes(proto, 6)} *:${padBytes(port, 19)} *:*\n`);
}

/** `${1%%=*}` and `${1#*=}` of KEY=VALUE. */
function splitSysctl(arg: string): [string, string] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, arg] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function hostSysctl(h: Host, arg = ''): void {
  // the file's bytes as latin1 characters: grep and awk run under LC_ALL=C
  const [k, v] = splitSysctl(arg).map((s) => Buffer.from(s, 'utf8').toString('latin1')) as [string, string];
  const f = `${h.S}/sysctl`;
  let text: string | undefined;
  try {
    text = readFileSync(f, 'latin1');
  } catch (e) {
    process.stderr.write(`grep: ${f}: ${reason(e)}\n`);
  }
  const lines = text === undefined || text === '' ? [] : (text.endsWith('\n') ? text.slice(0, -1) : text).split('\n');
  // grep -q "^$k=": a regular expression, where '.' is any character (sysctlWordOk allows no other operator)
  const re = new RegExp(`^${k.replace(/./gs, (ch) => (ch === '.' ? '[^\\n]' : `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`))}=`);
  if (lines.some((l) => re.test(l))) {
    const out = lines.map((l) => (l.startsWith(`${k}=`) ? `${k}=${v}` : l)).join('\n');
    attempt(`bash: ${f}.new`, () => writeFileSync(`${f}.new`, `${out}\n`, 'latin1'));
    attempt(`mv: cannot move '${f}.new'`, () => renameSync(`${f}.new`, f));
  } else {
    attempt(`bash: ${f}`, () => appendFileSync(f, `${k}=${v}\n`, 'latin1'));
  }
}

function hostKnob(h: Host, name = '', value = ''): void {
  put(`${h.S}/conf/${name}`, `${value}\n`);
}

function hostFile(h: Host, name: string, content: string): void {
  const dir = h.env.SCENARIO_FILES ?? '';
  mkdirp(dir);
  put(`${dir}/${name}`, `${content}\n`);
}

function hostNcat(h: Host): void {
  mkdirp(`${h.H}/usr/local/bin`);
  put(`${h.H}/usr/local/bin/ncat`, '#!/bin/sh\n# fake ncat\n');
  chmod(0o755, `${h.H}/usr/local/bin/ncat`);
}

// ---- the words, and which of their arguments run exactly here

/** awk -v a=ADDR ... '$1 == a' compares as strings only when ADDR does not look numeric, and -v reads escapes. */
function awkPlain(addr: string): boolean {
  const numeric =
    /^[ \t\n]*[-+]?((\d+\.?\d*|\.\d+)([eE][-+]?\d+)?|0[xX]([\da-fA-F]+\.?[\da-fA-F]*|\.[\da-fA-F]+)([pP][-+]?\d+)?|inf(inity)?|nan(\(\w*\))?)[ \t\n]*$/i;
  return !addr.includes('\\') && !addr.includes('\n') && !numeric.test(addr);
}

/** host_sysctl's KEY is a grep pattern and VALUE an awk -v value: only plain ones run here. */
function sysctlWordOk(arg: string): boolean {
  const [k, v] = splitSysctl(arg);
  return !/[[\\*^$\n]/.test(k) && !/[\\\n]/.test(v);
}

interface Word {
  run(h: Host, args: readonly string[]): void;
  /** Whether these arguments are handled exactly (default: always). */
  ok?(args: readonly string[]): boolean;
}

const WORDS: Readonly<Record<string, Word>> = {
  fakehost_boot: { run: (h) => bootHost(h.env) },
  host_pot_root: { run: (h) => hostPotRoot(h) },
  host_pf_conf: { run: (h) => hostPfConf(h) },
  host_pf: { run: (h, a) => hostPf(h, a[0]) },
  host_base: { run: (h, a) => hostBase(h, a[0]) },
  host_iface: { run: (h, a) => hostIface(h, a[0], a[1]), ok: (a) => !a[1] || awkPlain(splitAddr(a[1])[0]) },
  host_iface_addr: {
    run: (h, a) => {
      const f = (i: number): string => a[i] ?? '';
      h.netAddrAdd(f(0), f(1), f(2), f(3));
    },
    ok: (a) => awkPlain(a[2] ?? ''),
  },
  host_listen: { run: (h, a) => hostListen(h, a[0], a[1], a[2]) },
  host_sysctl: { run: (h, a) => hostSysctl(h, a[0]), ok: (a) => sysctlWordOk(a[0] ?? '') },
  host_knob: { run: (h, a) => hostKnob(h, a[0], a[1]) },
  // with one argument host_file reads its standard input: only bash has that
  host_file: { run: (h, a) => hostFile(h, a[0] ?? '', a[1] ?? ''), ok: (a) => a.length >= 2 },
  host_ncat: { run: (h) => hostNcat(h) },
};

/**
 * The commands of LINE split into words as bash would, or undefined when bash would do more
 * than split: expansions, redirections, pipes, lists other than `;` and newlines, globs,
 * comments, unbalanced quotes, an empty command before `;`.
 */
export function splitSetupLine(line: string): string[][] | undefined {
  const commands: string[][] = [];
  let words: string[] = [];
  let word: string | undefined;
  const endWord = (): void => {
    if (word !== undefined) words.push(word);
    word = undefined;
  };
  const endCommand = (separator: string): boolean => {
    endWord();
    if (words.length === 0) return separator !== ';';
    commands.push(words);
    words = [];
    return true;
  };
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === ' ' || ch === '\t') endWord();
    else if (ch === '\n' || ch === ';') {
      if (!endCommand(ch)) return undefined;
    } else if (ch === '\\') {
      const next = line[++i];
      if (next === undefined) return undefined;
      if (next !== '\n') word = (word ?? '') + next;
    } else if (ch === "'") {
      const close = line.indexOf("'", i + 1);
      if (close < 0) return undefined;
      word = (word ?? '') + line.slice(i + 1, close);
      i = close;
    } else if (ch === '"') {
      let text = '';
      for (i++; i < line.length && line[i] !== '"'; i++) {
        const c = line[i] as string;
        if (c === '$' || c === '`') return undefined;
        if (c === '\\' && i + 1 < line.length && '$`"\\\n'.includes(line[i + 1] as string)) {
          i++;
          if (line[i] !== '\n') text += line[i];
        } else text += c;
      }
      if (i >= line.length) return undefined;
      word = (word ?? '') + text;
    } else if ('$`|&<>(){}*?[]~#'.includes(ch)) return undefined;
    else word = (word ?? '') + ch;
  }
  endCommand('\n');
  return commands;
}

/**
 * Runs one set-up line as `bash -c 'set -e; . lib/fakehost.sh; LINE'` would; false (nothing
 * done) when the line is not a plain sequence of fakehost.sh words that run exactly here (the
 * caller then runs bash). Throws a SetupError where `set -e` would stop bash.
 */
export function runSetupWords(env: Env, line: string): boolean {
  if (!env.FAKEBSD_HOSTROOT || !env.FAKEBSD_STATE) return false;
  const commands = splitSetupLine(line);
  if (commands === undefined) return false;
  for (const [name, ...args] of commands) {
    const word = Object.hasOwn(WORDS, name as string) ? WORDS[name as string] : undefined;
    if (word === undefined || (word.ok !== undefined && !word.ok(args))) return false;
  }
  if (commands.length === 0) return true;
  const h = new Host(env);
  for (const [name, ...args] of commands) (WORDS[name as string] as Word).run(h, args);
  return true;
}
