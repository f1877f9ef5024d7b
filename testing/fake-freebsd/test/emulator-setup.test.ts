/**
 * Differential test of the in-process set-up (src/setup.ts) and state dump (src/dump.ts)
 * against lib/fakehost.sh and lib/dump.sh: two hosts, one booted and set up by bash
 * (`set -e; . lib/fakehost.sh; LINE`), one by bootHost/runSetupWords, then the same exit
 * status, message and whole tree (paths of the second host written as the first's); the dump
 * of one host by bash and by dumpHost, byte for byte.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dumpHost } from '../src/dump.ts';
import { runStandIn } from '../src/emulator/index.ts';
import { FAKE_FREEBSD_BIN, FAKE_FREEBSD_DIR } from '../src/index.ts';
import { bootHost, runSetupWords, SetupError, splitSetupLine } from '../src/setup.ts';
import { treeOf } from './differential.ts';

type Env = Record<string, string>;

interface Host {
  dir: string;
  env: Env;
}

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A host directory and its environment (as createFakeHost's, quiet); EXTRA may drop a variable with undefined. */
function makeHost(extra: Record<string, string | undefined> = {}): Host {
  const dir = mkdtempSync(path.join(tmpdir(), 'fbsetup-'));
  dirs.push(dir);
  for (const d of ['state', 'hostroot', 'rt']) mkdirSync(path.join(dir, d), { recursive: true });
  const env: Record<string, string | undefined> = {
    PATH: `${FAKE_FREEBSD_BIN}:${path.dirname(process.execPath)}:/usr/local/bin:/usr/bin:/bin`,
    LC_ALL: 'C',
    FAKEBSD_STATE: `${dir}/state`,
    FAKEBSD_HOSTROOT: `${dir}/hostroot`,
    FAKEBSD_STUBS: FAKE_FREEBSD_DIR,
    FAKEBSD_SLEEP_MAX: '0.01',
    FAKEBSD_NOLOG: '1',
    POT_FS_ROOT: `${dir}/rt/fs`,
    POT_CACHE: `${dir}/rt/cache`,
    POT_TMP: `${dir}/rt/tmp`,
    POT_ZFS_ROOT: 'zroot/pot',
    SCENARIO_FILES: `${dir}/files`,
  };
  for (const [k, v] of Object.entries(extra)) env[k] = v === undefined ? undefined : v.split('@DIR@').join(dir);
  return { dir, env: Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined)) };
}

interface Outcome {
  status: number;
  stderr: string;
}

function bash(host: Host, script: string): Outcome {
  // no socket on stdin: bash would take itself for a remote shell and read ~/.bashrc
  const r = spawnSync('bash', ['-c', script], { env: host.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return { status: r.status ?? -1, stderr: r.stderr };
}

/**
 * Each LINE as `bash -c 'set -e; . lib/fakehost.sh; LINE'` runs it, all in one bash: each in
 * its own `set -e` subshell, its status and standard error kept apart.
 */
function bashLines(host: Host, lines: readonly string[]): Outcome[] {
  const t = mkdtempSync(path.join(tmpdir(), 'fbsetup-out-'));
  dirs.push(t);
  const script = ['. "$FAKEBSD_STUBS/lib/fakehost.sh"', ...lines.map((l, i) => `( set -e\n${l}\n) 2>"${t}/e${i}"; echo $? >"${t}/r${i}"`)];
  expect(bash(host, script.join('\n'))).toEqual({ status: 0, stderr: '' });
  return lines.map((_, i) => ({ status: Number(readFileSync(`${t}/r${i}`, 'utf8')), stderr: readFileSync(`${t}/e${i}`, 'utf8') }));
}

function emuLine(host: Host, line: string): Outcome {
  try {
    expect(runSetupWords(host.env, line), `runs ${JSON.stringify(line)}`).toBe(true);
    return { status: 0, stderr: '' };
  } catch (e) {
    if (!(e instanceof SetupError)) throw e;
    return { status: e.status, stderr: e.stderr };
  }
}

/** bash names its script and line in a redirection's complaint; the port says `bash:`. */
function bashMessage(text: string): string {
  return text.replace(/^\S*fakehost\.sh: line \d+: /gm, 'bash: ').replace(/^bash: line \d+: /gm, 'bash: ');
}

interface Pair {
  bash: Host;
  emu: Host;
  /** Lines run one after the other on both; expects the same status and message of each. */
  lines(...lines: string[]): void;
  sameTree(): void;
}

/** Two booted hosts (bash fakehost_boot, bootHost) with the same environment. */
function pair(extra: Record<string, string | undefined> = {}, lines: string[] = []): Pair {
  const b = makeHost(extra);
  const e = makeHost(extra);
  const enc = (d: string): string => d.replaceAll('/', '%');
  const norm = (t: string): string => t.split(e.dir).join(b.dir).split(enc(e.dir)).join(enc(b.dir));
  // the boot and the lines that succeed in one bash (as many `set -e` lines in a row)
  const booted = bash(b, ['set -e', '. "$FAKEBSD_STUBS/lib/fakehost.sh"', 'fakehost_boot', ...lines].join('\n'));
  expect(booted).toEqual({ status: 0, stderr: '' });
  bootHost(e.env);
  for (const l of lines) expect(emuLine(e, l), l).toEqual({ status: 0, stderr: '' });
  return {
    bash: b,
    emu: e,
    lines(...lines) {
      const fromBash = bashLines(b, lines);
      lines.forEach((line, i) => {
        const fromEmu = emuLine(e, line);
        const want = fromBash[i] as Outcome;
        expect({ status: fromEmu.status, stderr: norm(fromEmu.stderr) }, line).toEqual({ status: want.status, stderr: bashMessage(want.stderr) });
      });
    },
    sameTree() {
      // .lock: the bash stand-ins' flock file, not state
      const tree = (h: Host): string[] => treeOf(h.dir).filter((l) => !l.startsWith('state/.lock '));
      expect(tree(e).map(norm)).toEqual(tree(b));
    },
  };
}

describe('boot', () => {
  it('writes the state and host files of fakehost_boot', () => {
    const p = pair();
    p.sameTree();
    // booting again on the same directory goes on counting (interface indexes, datasets)
    bashLines(p.bash, ['fakehost_boot']);
    bootHost(p.emu.env);
    p.sameTree();
  });

  it('refuses a host without FAKEBSD_HOSTROOT or FAKEBSD_STATE', () => {
    expect(() => bootHost(makeHost({ FAKEBSD_HOSTROOT: undefined }).env)).toThrow(/FAKEBSD_HOSTROOT is not set/);
    expect(() => bootHost(makeHost({ FAKEBSD_STATE: undefined }).env)).toThrow(/FAKEBSD_STATE is not set/);
    expect(runSetupWords(makeHost({ FAKEBSD_HOSTROOT: undefined }).env, 'host_ncat')).toBe(false);
  });

  it('is fast', () => {
    const hosts = Array.from({ length: 20 }, () => makeHost());
    const t0 = performance.now();
    for (const h of hosts) bootHost(h.env);
    // a few milliseconds each (a bound for a loaded machine)
    expect((performance.now() - t0) / hosts.length).toBeLessThan(50);
  });
});

describe('words', () => {
  it('host_pot_root with the default dataset root and temporary directory', () => {
    const p = pair({ POT_ZFS_ROOT: undefined, POT_TMP: undefined }, ['host_pot_root']);
    p.sameTree();
  });

  it('host_pf: loaded, unloaded (anchors removed), disabled, anything else; loaded without pf.conf fails at cp', () => {
    const p = pair();
    p.lines('host_pf loaded', 'host_pf', 'host_pf_conf; host_pf loaded');
    p.sameTree();
    for (const h of [p.bash, p.emu]) {
      writeFileSync(`${h.dir}/state/pf/anchors/pot-nat`, 'nat on em0 from 10.192.0.0/10 to any -> (em0)\n');
      writeFileSync(`${h.dir}/state/pf/anchors/pot-rdr%web`, '');
      writeFileSync(`${h.dir}/state/pf/anchors/.hidden`, 'x\n');
    }
    p.lines('host_pf disabled', 'host_pf other');
    p.sameTree();
    p.lines('host_pf unloaded');
    p.sameTree();
    for (const h of [p.bash, p.emu]) mkdirSync(`${h.dir}/state/pf/anchors/pot-rdr%dir`);
    p.lines('host_pf unloaded');
    p.sameTree();
  });

  it('host_iface and host_iface_addr: kinds by name, with and without an address, a missing interface', () => {
    const p = pair();
    p.lines(
      'host_iface vlan20 192.168.100.10/24',
      'host_iface tun0 10.8.0.2/24',
      'host_iface eth1',
      "host_iface eth2 ''",
      'host_iface eth3 10.1.0.1',
      'host_iface eth4 a/b/c',
      'host_iface vlan20 192.168.100.10/24',
      'host_iface_addr em0 inet6 2001:db8::1 64',
      'host_iface_addr em0 inet6 2001:db8::1 48',
      'host_iface_addr em0 inet 192.168.1.11 24',
      'host_iface_addr nothere inet 10.0.0.1 24',
    );
    p.sameTree();
  });

  it('host_listen, host_knob, host_ncat', () => {
    const p = pair();
    p.lines(
      'host_listen tcp4 8080',
      'host_listen udp4 53 named',
      'host_listen tcp46 443 a-command-name-longer-than-ten',
      'host_listen',
      'host_knob jexec_rc 3',
      'host_knob uid 1001; host_knob uid 1002',
      'host_knob empty',
      'host_knob missing/dir 1',
      'host_ncat',
      'host_ncat',
    );
    p.sameTree();
  });

  it('host_sysctl: replaced, added, without =, the key as a pattern', () => {
    const p = pair();
    p.lines(
      'host_sysctl kern.features.vimage=0',
      'host_sysctl kern.racct.enable=1; host_sysctl hw.clockrate=2400',
      'host_sysctl hw.clockrate=33',
      'host_sysctl novalue',
      'host_sysctl a=b=c',
      'host_sysctl',
    );
    // '.' of the key matches the '_' of hw.machine_arch: grep finds it, awk changes nothing, nothing is added
    p.lines('host_sysctl hw.machine.arch=i386', "host_sysctl 'kern.hostname=my host'");
    p.sameTree();
  });

  it('host_file: content in quotes over lines; without SCENARIO_FILES it stops at mkdir', () => {
    const p = pair();
    p.lines(
      `host_file pf-hook.sh '#!/bin/sh\necho "rdr pass on $1 proto $5 from any to ($1) port $6 -> $7 port $8 # bridge=$2 net=$3 gw=$4"'`,
      'host_file empty ""',
      'host_file extra a b',
    );
    p.sameTree();
    const q = pair({ SCENARIO_FILES: undefined });
    q.lines('host_file x y');
    q.sameTree();
  });

  it('declines what only bash can run, doing nothing', () => {
    const h = makeHost();
    bootHost(h.env);
    const before = treeOf(h.dir);
    for (const line of [
      'chmod 755 "$SCENARIO_FILES/pf-hook.sh"',
      'host_knob a $X',
      'host_knob "a$X" 1',
      'host_knob a `date`',
      'host_ncat | cat',
      'host_knob a >f',
      'host_ncat && host_pot_root',
      'host_ncat &',
      'host_knob a *',
      'host_base {a,b}',
      'host_knob a ~',
      'host_ncat # comment',
      '; host_ncat',
      'host_ncat;; host_pot_root',
      "host_knob 'a",
      'host_knob "a',
      'host_ncat \\',
      'unknown_word',
      'host_ncat; unknown_word',
      'X=1 host_ncat',
      '(host_ncat)',
      'host_file from-stdin',
      'host_sysctl a*=1',
      'host_sysctl [a]=1',
      'host_sysctl a=\\\\n',
      'host_iface_addr em0 inet 10 8',
      'host_iface eth9 0x10/8',
      "host_iface_addr em0 inet 'a\\b' 8",
    ]) {
      expect(runSetupWords(h.env, line), line).toBe(false);
    }
    expect(treeOf(h.dir)).toEqual(before);
    expect(runSetupWords(h.env, '')).toBe(true);
    expect(runSetupWords(h.env, '\n  \n')).toBe(true);
  });

  it('splits words as bash does', () => {
    const lines = [
      'host_knob a b',
      'host_knob \'a b\' "c d"',
      'host_knob a\\ b c\\d',
      'host_knob "a\\"b\\\\c\\x" \'\\n\'',
      'host_knob a\'\'b ""',
      'host_knob x\\\ny',
      'host_knob \'multi\nline\' "two\nlines"',
      '  host_knob\ta  b  ;host_knob c;',
      'host_pot_root\n\nhost_base 13.1\n',
      'host_knob é=ü !x ^y',
    ];
    // each word prints its name and arguments, NUL-separated, then \x01
    const words = ['host_knob', 'host_pot_root', 'host_base'];
    const defs = words.map((w) => `${w}() { printf '%s\\0' ${w} "$@"; printf '\\1'; }`).join('\n');
    for (const line of lines) {
      const r = spawnSync('bash', ['-c', `${defs}\n${line}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
      expect(r.status, line).toBe(0);
      const fromBash = r.stdout
        .split('\x01')
        .slice(0, -1)
        .map((c) => c.split('\0').slice(0, -1));
      expect(splitSetupLine(line), line).toEqual(fromBash);
    }
  });
});

/** The logical set-up lines of the golden scenarios (not pot, conf, checkpoint or comments). */
function scenarioSetupLines(): string[] {
  const root = path.resolve(FAKE_FREEBSD_DIR, '../../apps/cli/test/golden');
  const r = spawnSync('bash', ['-c', 'cat "$1"/*/scenario.sh', 'cat', root], { encoding: 'utf8' });
  const out = new Set<string>();
  let pending = '';
  for (const raw of r.stdout.split('\n')) {
    if (pending === '' && raw.trimStart().startsWith('#')) continue;
    const line = pending === '' ? raw : `${pending}\n${raw}`;
    if ((line.match(/'/g) ?? []).length % 2 === 1) {
      pending = line;
      continue;
    }
    pending = '';
    if (line.trim() !== '' && !/^\s*(pot|conf|checkpoint)\b/.test(line)) out.add(line);
  }
  return [...out];
}

describe('the golden scenarios', () => {
  it('runs their set-up lines (all but the chmod of $SCENARIO_FILES) as bash does; a base that exists stops at zfs create', () => {
    const lines = scenarioSetupLines();
    expect(lines.length).toBeGreaterThan(5);
    const p = pair({}, ['host_pot_root', 'host_base 13.1']);
    const rest = lines.filter((l) => l !== 'host_pot_root' && l !== 'host_base 13.1');
    // host_pf unloaded last: the others expect pf loaded
    rest.sort((a, b) => Number(a.startsWith('host_pf')) - Number(b.startsWith('host_pf')));
    const bashOnly = rest.filter((l) => l.startsWith('chmod '));
    expect(bashOnly).toEqual(['chmod 755 "$SCENARIO_FILES/pf-hook.sh"']);
    p.lines(...rest.filter((l) => !bashOnly.includes(l)), "host_base ''", 'host_base'); // the default, 13.1, exists
    for (const line of bashOnly) expect(runSetupWords(p.emu.env, line)).toBe(false);
    p.sameTree();
  });
});

/** A stand-in call on the host (in process when it is emulated; not logged): the state to dump. */
function run(h: Host, argv: string[], input = ''): void {
  const r = runStandIn({ argv, env: h.env, input });
  expect(r.exitCode, `${argv.join(' ')}: ${r.stderr}`).toBe(0);
}

function bashDump(h: Host, hostFiles: boolean): string {
  const script = `. "$FAKEBSD_STUBS/lib/dump.sh"; ${hostFiles ? '' : 'dump_host_files() { :; }; '}dump_host now`;
  const r = spawnSync('bash', ['-c', script], { env: h.env, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  return r.stdout;
}

describe('dump', () => {
  it('of a booted host', () => {
    const h = makeHost();
    bootHost(h.env);
    expect(dumpHost(h.env, { label: 'now', hostFiles: false })).toBe(bashDump(h, false));
  });

  it('of a host with bridges, epairs in vnet jails, aliases, pf anchors, processes, modules, sysctls', () => {
    const h = makeHost();
    bootHost(h.env);
    expect(runSetupWords(h.env, 'host_pot_root; host_iface vlan20 192.168.100.10/24; host_sysctl kern.racct.enable=1')).toBe(true);
    const fs = h.env.POT_FS_ROOT as string;
    for (const j of ['web', 'al', 'inh']) mkdirSync(`${fs}/jails/${j}/m`, { recursive: true });
    run(h, ['ifconfig', 'bridge', 'create', 'descr', 'pot public bridge', 'group', 'pot']);
    run(h, ['ifconfig', 'bridge0', 'inet', '10.192.0.1', 'netmask', '255.192.0.0']);
    run(h, ['ifconfig', 'epair', 'create', 'descr', 'web', 'group', 'pot']);
    run(h, ['ifconfig', 'epair0a', 'name', 'p4abc']);
    run(h, ['ifconfig', 'p4abc', 'up']);
    run(h, ['ifconfig', 'bridge0', 'addm', 'p4abc']);
    run(h, ['ifconfig', 'bridge', 'create']);
    run(h, ['ifconfig', 'bridge1', 'addm', 'em0']);
    run(h, ['ifconfig', 'bridge1', 'inet6', 'up']);
    run(h, ['ifconfig', 'em0', 'inet6', '2001:db8::10/64', 'alias']);
    const common = ['allow.set_hostname=false', 'mount.devfs', 'enforce_statfs=2', 'devfs_ruleset=4'];
    run(h, [
      'jail',
      '-c',
      ...common,
      'name=web',
      'host.hostname=web.host.example.org',
      `path=${fs}/jails/web/m`,
      'persist',
      'vnet',
      'vnet.interface=epair0b',
      "exec.start=sh -c 'sleep 1234&'",
    ]);
    run(h, [
      'jail',
      '-c',
      ...common,
      'name=al',
      `path=${fs}/jails/al/m`,
      'persist',
      'ip4.addr=em0|192.168.1.50,em0|192.168.1.51',
      "exec.start=sh -c 'sleep 1234&'",
    ]);
    run(h, ['jail', '-c', ...common, 'name=inh', `path=${fs}/jails/inh/m`, 'persist', 'ip4=inherit']);
    run(h, ['pfctl', '-a', 'pot-nat', '-f', '-'], 'nat on em0 from 10.192.0.0/10 to any -> (em0)\n');
    run(h, ['pfctl', '-a', 'pot-rdr/web', '-f', '-'], 'rdr pass on em0 proto tcp from any to (em0) port 8080 -> 10.192.0.3 port 80\n');
    run(h, ['pfctl', '-a', 'pot-rdr/al', '-F', 'all']);
    run(h, ['daemon', '-p', `${h.env.POT_TMP}/web.pid`, '-f', 'sleep', '100']);
    run(h, ['kldload', 'pf']);
    run(h, ['sysctl', 'net.inet.ip.forwarding=1']);
    writeFileSync(`${h.dir}/state/pf/main.conf`, 'nat-anchor pot-nat\npass all');
    expect(dumpHost(h.env, { label: 'final', hostFiles: false })).toBe(bashDump(h, false).replace('checkpoint now', 'checkpoint final'));
  });

  it('of the host files changed since the baseline (overlay upper directories)', () => {
    const h = makeHost({ OVERLAY_DIR: '@DIR@/ov', BASELINE_DIR: '@DIR@/base' });
    bootHost(h.env);
    const ov = `${h.dir}/ov`;
    const base = `${h.dir}/base`;
    const file = (p: string, content: string, mode = 0o644): void => {
      mkdirSync(path.dirname(p), { recursive: true });
      writeFileSync(p, content);
      chmodSync(p, mode);
    };
    file(`${ov}/etc.up/rc.conf`, 'changed="YES"\n');
    file(`${base}/etc.up/rc.conf`, 'before="YES"\n');
    file(`${ov}/etc.up/same`, 'same\n');
    file(`${base}/etc.up/same`, 'same\n');
    file(`${ov}/etc.up/pf.conf`, 'no newline');
    file(`${ov}/etc.up/empty`, '');
    file(`${base}/etc.up/gone`, 'x\n');
    mkdirSync(`${base}/etc.up/olddir/sub`, { recursive: true });
    file(`${ov}/usr-local.up/bin/tool`, '#!/bin/sh\n', 0o755);
    mkdirSync(`${ov}/usr-local.up/etc/pot`, { recursive: true });
    mkdirSync(`${base}/usr-local.up/etc`, { recursive: true });
    symlinkSync('../bin/tool', `${ov}/usr-local.up/etc/link`);
    file(`${ov}/var-log.up/pot/web.log`, 'line 1\nline 2\n');
    file(`${ov}/other.up/ignored`, 'x\n');
    file(`${ov}/etc.up-not/ignored`, 'x\n');
    if (process.getuid?.() === 0) {
      spawnSync('mknod', [`${ov}/etc.up/deleted`, 'c', '0', '0']);
      spawnSync('mknod', [`${ov}/etc.up/still-deleted`, 'c', '0', '0']);
      spawnSync('mknod', [`${base}/etc.up/still-deleted`, 'c', '0', '0']);
    }
    expect(dumpHost(h.env, { label: 'now' })).toBe(bashDump(h, true));
  });
});
