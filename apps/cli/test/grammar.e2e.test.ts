import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost } from './fake-host.js';

let host: FakeHost;
afterEach(() => host?.cleanup());
const here = path.dirname(fileURLToPath(import.meta.url));

/** stdout of each command of a golden output.txt */
function goldenStdout(scenario: string): Map<string, { exit: number; stdout: string }> {
  const text = readFileSync(path.join(here, 'golden', scenario, 'output.txt'), 'utf8');
  const out = new Map<string, { exit: number; stdout: string }>();
  for (const block of text.split(/^### \[\d+\] /m).slice(1)) {
    const [head, ...rest] = block.split('\n');
    const body = rest.join('\n');
    const exit = Number(/^exit: (\d+)/m.exec(body)![1]);
    const stdout = body.split('--- stdout\n')[1]!.split('--- stderr\n')[0]!;
    out.set(head!, { exit, stdout });
  }
  return out;
}

describe('pot config (golden inspect-config)', () => {
  it('prints every name as shell pot did; errors go to stderr', async () => {
    host = createFakeHost(['POT_NETWORK_STACK=dual']);
    host.setup('host_pot_root');
    const golden = goldenStdout('inspect-config');
    for (const [cmd, want] of golden) {
      const args = cmd.split(' ').slice(1);
      const r = await host.pot(...args);
      expect(r.code, cmd).toBe(want.exit);
      if (want.exit === 0) {
        expect(host.normalise(r.stdout), cmd).toBe(want.stdout);
        expect(r.stderr).toBe('');
      } else {
        // shell pot: `###>  NO X` on stdout; ours: `###>  X` on stderr (plus help), -q silent
        expect(r.stdout).toBe('');
        const firstLine = want.stdout.split('\n')[0]!.replace('###>  NO ', '###>  ');
        expect(r.stderr.split('\n')[0] ?? '', cmd).toBe(firstLine);
      }
    }
  });

  it('--json and -q', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    expect(JSON.parse((await host.pot('config', '--json', '-g', 'syslogd')).stdout)).toEqual({
      schemaVersion: 1,
      name: 'syslogd',
      label: 'syslogd flags',
      value: '-b 127.0.0.1 -b 10.192.0.1 -a 10.192.0.0/10',
    });
    expect((await host.pot('config', '-qgzfs_root')).stdout).toBe('zroot/pot\n');
    const bad = await host.pot('config', '--json', '-g', 'bogus');
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout)).toMatchObject({ error: 'usage', message: 'bogus is not a valid name' });
  });

  it('needs POT_FS_ROOT (pot init first)', async () => {
    host = createFakeHost();
    const r = await host.pot('config', '-g', 'gateway');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("does not exist, please run 'pot init'");
  });
});

describe('command-line grammar', () => {
  it('version, version -q, -h', async () => {
    host = createFakeHost();
    // the one product version: @pot/cli's, set by changesets
    const { version } = JSON.parse(readFileSync(path.join(here, '..', 'package.json'), 'utf8')) as { version: string };
    expect(version).not.toBe('0.0.0');
    expect(await host.pot('version')).toEqual({ code: 0, stdout: `pot version: ${version}\n`, stderr: '' });
    expect(await host.pot('version', '-q')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect(await host.pot('version', '-vq')).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
    expect((await host.pot('version', '-h')).stdout).toBe('pot version [-hvq]\n  -h print this help\n  -v verbose\n  -q quiet\n');
  });

  it('no command: usage on stderr, exit 1; help: usage on stdout, exit 0; help CMD and aliases', async () => {
    host = createFakeHost();
    const none = await host.pot();
    expect(none.code).toBe(1);
    expect(none.stderr).toContain('Usage: pot command [options]');
    const help = await host.pot('help');
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: pot command \[options\]\n\nCommands:\n {4}help {4}-- Show help\n/);
    expect((await host.pot('help', 'vnet-start')).stdout).toBe(
      'pot vnet-start [-hv] [--dry-run] [-B bridge-name]\n  -h print this help\n  -v verbose\n  -B bridge-name (optional)\n  --dry-run print the host commands instead of running them\n',
    );
    expect((await host.pot('help', 'ls')).stdout).toBe((await host.pot('list', '-h')).stdout);
    const unknownHelp = await host.pot('help', 'nope');
    expect(unknownHelp.code).toBe(1);
    expect(unknownHelp.stderr).toContain('###>  Command nope unknown');
  });

  it('unknown command -> usage, exit 1; every command shell pot dispatches answers -h with its help', async () => {
    host = createFakeHost();
    const r = await host.pot('frobnicate');
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('###>  unknown command frobnicate\nUsage: pot command [options]');
    const shellPotCommands = [
      'show',
      'version',
      'config',
      'list',
      'info',
      'ps',
      'top',
      'init',
      'de-init',
      'vnet-start',
      'create-base',
      'create-fscomp',
      'create',
      'create-private-bridge',
      'copy-in',
      'copy-out',
      'mount-in',
      'mount-out',
      'prune',
      'set-hook',
      'destroy',
      'add-dep',
      'set-rss',
      'get-rss',
      'set-cmd',
      'set-env',
      'set-hosts',
      'export',
      'import',
      'prepare',
      'export-ports',
      'set-attribute',
      'get-attribute',
      'start',
      'stop',
      'term',
      'run',
      'rename',
      'clone',
      'clone-fscomp',
      'snapshot',
      'revert',
      'purge-snapshots',
      'update-config',
      'last-run-stats',
      'signal',
      'exec',
    ];
    for (const cmd of shellPotCommands) {
      const help = await host.pot('help', cmd);
      expect(help.code, cmd).toBe(0);
      expect(help.stdout, cmd).toMatch(/^pot /);
    }
  });

  it('-h on every command of part 1', async () => {
    host = createFakeHost();
    for (const cmd of ['version', 'config', 'init', 'de-init', 'vnet-start', 'create-private-bridge', 'list', 'ls', 'info', 'destroy', 'doctor']) {
      const r = await host.pot(cmd, '-h');
      expect(r.code, cmd).toBe(0);
      expect(r.stdout, cmd).toMatch(new RegExp(`^pot ${cmd === 'ls' ? 'list' : cmd} `));
      expect(r.stderr).toBe('');
    }
  });

  it('unknown flag and missing argument: message and help on stderr, exit 1, nothing done', async () => {
    host = createFakeHost();
    const unknown = await host.pot('init', '-x');
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toMatch(/^###> {2}unknown option '-x'\npot init \[-hmsv\]/);
    const missing = await host.pot('create-private-bridge', '-B');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('argument missing');
    const excess = await host.pot('version', 'extra');
    expect(excess.code).toBe(1);
    expect(host.effects()).not.toMatch(/^E /m);
  });

  it('combined flags and attached values (getopts style)', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    expect((await host.pot('create-private-bridge', '-Bstove', '-S4')).code).toBe(0);
    expect((await host.pot('list', '-qB')).stdout).toBe('stove\n');
    expect((await host.pot('info', '-Bstove')).stdout).toContain('stove bridge - gateway');
    const vv = await host.pot('vnet-start', '-vB', 'stove');
    expect(vv.code).toBe(0);
    expect(vv.stdout).toContain('net.inet.ip.forwarding: 0 -> 1');
  });

  it('list and info flag rules', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    expect((await host.pot('list', '-B', '-b')).stderr).toContain('Options -b -p -f -F -B -a are mutually exclusive');
    expect((await host.pot('list', '-a', '-q')).stderr).toContain('Options -a and -q are incompatible');
    expect((await host.pot('info')).stderr).toContain('Option -p or -B are mandatory');
    expect((await host.pot('info', '-p', 'x', '-B', 'y')).stderr).toContain('Option -p and -B are mutually exclusive');
    expect((await host.pot('destroy')).stderr).toContain('-b or -p or -f or -B are missing');
    expect((await host.pot('destroy', '-p', 'a', '-B', 'b')).stderr).toContain('-b, -p, -f and -B cannot be used at the same time');
    const q = await host.pot('info', '-q', '-B', 'nope');
    expect(q).toEqual({ code: 1, stdout: '', stderr: '' });
  });
});

describe('grammar through the built binary', () => {
  it('pot -h, --help, -V, --version; options after the pot name (pot stop NAME -v) as before it', async () => {
    host = createFakeHost();
    host.setup('host_pot_root');
    const usage = await host.pot('-h');
    expect(usage.code).toBe(0);
    expect(usage.stdout).toMatch(/^Usage: pot command \[options\]\n/);
    expect(await host.pot('--help')).toEqual(usage);
    expect(await host.pot('--version')).toEqual(await host.pot('version'));
    expect(await host.pot('-V')).toEqual(await host.pot('version'));
    const after = await host.pot('stop', 'casserole4', '-v');
    expect(after.stderr).not.toContain('too many arguments');
    expect(after.stderr).toContain('casserole4');
    expect(after).toEqual(await host.pot('stop', '-v', 'casserole4'));
  });
});

describe('pot doctor', () => {
  it('reports each check with its fix; exit 1 on errors; --json', async () => {
    host = createFakeHost(['POT_EXTIF=vtnet0']);
    host.setup('host_sysctl kern.features.vimage=0');
    const r = await host.pot('doctor');
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('ok      zfs-pool: ZFS pool zroot present');
    expect(r.stdout).toContain('error   vimage:');
    expect(r.stdout).toContain('warning racct:');
    expect(r.stdout).toContain('warning vtnet-lro:');
    expect(r.stdout).toContain('fix: echo hw.vtnet.lro_disable=1 >> /boot/loader.conf && reboot');
    expect(r.stdout).toContain('error   extif: The network interface vtnet0 [POT_EXTIF] does not exist');
    expect(r.stdout).toContain('ok      network-config');
    const json = JSON.parse((await host.pot('doctor', '--json')).stdout);
    expect(json.findings.map((f: { check: string }) => f.check)).toEqual([
      'zfs-pool',
      'vimage',
      'pf',
      'racct',
      'vtnet-lro',
      'extif',
      'network-config',
      'config-files',
      'config-files',
      'potnet',
      'potnet-config',
      'node',
      'release-manifests',
      'init',
    ]);
    expect(host.effects()).not.toMatch(/^E /m);
  });

  it('a ready host: exit 0', async () => {
    host = createFakeHost();
    host.setup('host_sysctl kern.racct.enable=1');
    const r = await host.pot('doctor');
    expect(r.stdout).not.toContain('error');
    expect(r.code).toBe(0);
  });
});
