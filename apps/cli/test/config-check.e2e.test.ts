/**
 * One configuration check (issue 12, "Done when"): for each invalid setting,
 * `potnet config-check`, `pot doctor` and a refused `pot create` give the same
 * finding — the same message and the same fix — nothing is done on the host,
 * and a read-only command says it once and goes on (or, for a line sh cannot
 * read, fails once with it).
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createFakeHost, type FakeHost, type PotRun } from './fake-host.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** potnet as pot's users run it: PREFIX two directories above `pot` on PATH. */
function potnet(host: FakeHost, ...args: string[]): PotRun {
  const bin = path.join(host.dir, 'prefix', 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, 'pot'), '#!/bin/sh\n');
  chmodSync(path.join(bin, 'pot'), 0o755);
  const r = spawnSync(path.join(repo, 'packages/potnet/bin/potnet'), args, {
    env: { ...host.env, PATH: `${bin}:${host.env.PATH}` },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** The host commands that changed something (class E of calls.jsonl). */
function changes(host: FakeHost): string[] {
  const log = path.join(host.state, 'calls.jsonl');
  if (!existsSync(log)) return [];
  return readFileSync(log, 'utf8')
    .split('\n')
    .filter((l) => l.includes('"class":"E"'));
}

interface Case {
  name: string;
  conf: string[];
  bridges?: Record<string, string>;
  message: (h: FakeHost) => string;
  fix: string;
  /** A line sh cannot read fails every command; the others only warn on read-only ones. */
  readOnly: 'warns' | 'fails';
  /** How potnet config-check counts it when that is not an error (exit 0, as the Rust original). */
  potnet?: 'warning';
}

const CASES: Case[] = [
  {
    name: 'gateway outside the network',
    conf: ['POT_GATEWAY=10.100.0.1'],
    message: () => 'POT_GATEWAY (10.100.0.1) is outside POT_NETWORK (10.192.0.0/10)',
    fix: 'use an address of POT_NETWORK, e.g. 10.192.0.1',
    readOnly: 'warns',
  },
  {
    name: 'DNS outside the network',
    conf: ['POT_DNS_IP=10.100.0.2'],
    message: () => 'POT_DNS_IP (10.100.0.2) is outside POT_NETWORK (10.192.0.0/10)',
    fix: 'use an address of POT_NETWORK for the DNS pot',
    readOnly: 'warns',
  },
  {
    // Quoted values are read alike by pot and potnet: both see 10.200.0.0/16, so both
    // find the default gateway outside it (the Rust potnet kept the quotes and saw 10.192.0.0/10).
    name: 'quoted values',
    conf: ['POT_NETWORK="10.200.0.0/16"', "POT_NETMASK='255.255.0.0'", 'export POT_DNS_IP="10.200.0.2"'],
    message: () => 'POT_GATEWAY (10.192.0.1) is outside POT_NETWORK (10.200.0.0/16)',
    fix: 'use an address of POT_NETWORK, e.g. 10.200.0.1',
    readOnly: 'warns',
  },
  {
    name: 'unquoted value with blanks',
    conf: ['POT_EXTRA_EXTIF=vlan20 vlan30'],
    message: (h) => `${h.etcDir}/pot.conf:6: the value of POT_EXTRA_EXTIF has blanks and is not quoted (sh would run "vlan30" as a command)`,
    fix: 'quote the value: POT_EXTRA_EXTIF="vlan20 vlan30"',
    readOnly: 'fails',
  },
  {
    name: 'overlapping bridge',
    conf: [],
    bridges: { oven: 'name=oven\nnet=10.192.0.16/28\ngateway=10.192.0.17\n', stove: 'name=stove\nnet=10.192.0.24/29\ngateway=10.192.0.25\n' },
    message: () => 'bridge stove (10.192.0.24/29) overlaps bridge oven (10.192.0.16/28)',
    fix: 'destroy one of them (pot destroy -B stove) and create it again with pot create-private-bridge, which takes a free segment',
    readOnly: 'warns',
  },
  {
    // potnet only warns (the original accepts it, exit 0); pot refuses every network command
    name: 'network too small',
    conf: ['POT_NETWORK=10.0.0.0/30', 'POT_NETMASK=255.255.255.252', 'POT_GATEWAY=10.0.0.1', 'POT_DNS_IP=10.0.0.2'],
    message: () => 'POT_NETWORK (10.0.0.0/30) leaves no address for pots once its network, broadcast, gateway and DNS addresses are taken',
    fix: 'use a larger network (a /24 holds 252 pots): pot creates, clones, imports and starts no pot in this one',
    readOnly: 'warns',
    potnet: 'warning',
  },
];

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('the same finding from potnet config-check, pot doctor and a refused pot create', () => {
  it.each(CASES)('$name', async (c) => {
    const host = createFakeHost(c.conf);
    try {
      host.setup('host_pot_root');
      copyFileSync(path.join(repo, 'packages/pot-core/share/pot.default.conf'), path.join(host.etcDir, 'pot.default.conf'));
      for (const [file, text] of Object.entries(c.bridges ?? {})) {
        mkdirSync(path.join(host.fsRoot, 'bridges'), { recursive: true });
        writeFileSync(path.join(host.fsRoot, 'bridges', file), text);
      }
      const message = c.message(host);

      const checked = potnet(host, 'config-check');
      expect(checked.code).toBe(c.potnet === 'warning' ? 0 : 1);
      expect(checked.stderr).toContain(`potnet: ${c.potnet ?? 'error'}: ${message}\npotnet:   fix: ${c.fix}\n`);

      const doctor = await host.pot('doctor');
      expect(doctor.code).toBe(1);
      expect(doctor.stdout).toContain(`: ${message}\n        fix: ${c.fix}\n`);

      const created = await host.pot('create', '-p', 'web', '-t', 'single', '-b', '12.2', '-N', 'public-bridge');
      expect(created).toMatchObject({ code: 1, stdout: '' });
      expect(created.stderr).toBe(`###>  ${message}\n      fix: ${c.fix}\n`);

      const listed = await host.pot('ls');
      if (c.readOnly === 'fails') {
        expect(listed).toEqual({ code: 1, stdout: '', stderr: `###>  ${message}\n      fix: ${c.fix}\n` });
      } else {
        expect(listed.code).toBe(0);
        expect(count(listed.stderr, message)).toBe(1);
        expect(listed.stderr).toContain(`###>  warning: ${message}\n      fix: ${c.fix}\n`);
      }
      expect(changes(host)).toEqual([]);
    } finally {
      host.cleanup();
    }
  });
});

describe('the other network commands refuse an invalid configuration before anything changes', () => {
  it.each(CASES.filter((c) => c.readOnly === 'warns'))('vnet-start, create-private-bridge, start, clone, import and prepare: $name', async (c) => {
    const host = createFakeHost(c.conf);
    try {
      host.setup('host_pot_root');
      for (const [file, text] of Object.entries(c.bridges ?? {})) {
        mkdirSync(path.join(host.fsRoot, 'bridges'), { recursive: true });
        writeFileSync(path.join(host.fsRoot, 'bridges', file), text);
      }
      const refused = `###>  ${c.message(host)}\n      fix: ${c.fix}\n`;
      for (const argv of [
        ['vnet-start'],
        ['create-private-bridge', '-B', 'stove', '-S', '4'],
        ['start', 'web'],
        ['clone', '-P', 'web', '-p', 'web2'],
        ['import', '-p', 'web', '-t', '1.0', '-U', 'https://images.example'],
        ['prepare', '-p', 'web', '-t', '1.0', '-a', 'a1', '-n', 'web', '-U', 'https://images.example'],
      ]) {
        const r = await host.pot(...argv);
        expect(r, argv.join(' ')).toEqual({ code: 1, stdout: '', stderr: refused });
      }
      expect(changes(host)).toEqual([]);
    } finally {
      host.cleanup();
    }
  });
});

describe('pot and potnet read one pot.conf alike', () => {
  it('quoted values (as shell users write them): pot allocates in the network potnet shows, doctor and config-check find nothing', async () => {
    const host = createFakeHost(['POT_NETWORK="10.200.0.0/16"', 'POT_NETMASK="255.255.0.0"', 'export POT_GATEWAY="10.200.0.1"', "POT_DNS_IP='10.200.0.2'"]);
    try {
      host.setup('host_pot_root; host_base 13.1');
      copyFileSync(path.join(repo, 'packages/pot-core/share/pot.default.conf'), path.join(host.etcDir, 'pot.default.conf'));
      const created = await host.pot('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge');
      expect(created.stderr).toBe('');
      expect(created.code).toBe(0);
      expect(readFileSync(path.join(host.fsRoot, 'jails', 'web', 'conf', 'pot.conf'), 'utf8')).toContain('\nip=10.200.0.3\n');

      const shown = potnet(host, 'show');
      expect(shown).toMatchObject({ code: 0, stderr: '' });
      expect(shown.stdout).toContain('\tnetwork : 10.200.0.0/16\n');
      expect(shown.stdout).toContain('\t10.200.0.3\tweb\n');
      expect(potnet(host, 'next')).toEqual({ code: 0, stdout: '10.200.0.4\n', stderr: '' });
      expect(potnet(host, 'config-check')).toEqual({ code: 0, stdout: '', stderr: '' });
      const doctor = await host.pot('doctor');
      expect(doctor.stdout).toContain('network configuration valid (potnet config-check)');
      expect(doctor.stdout).not.toMatch(/POT_NETWORK|POT_GATEWAY|POT_DNS_IP/);
    } finally {
      host.cleanup();
    }
  });

  it('potnet validate names what holds a refused address: a pot, a bridge range, the gateway', async () => {
    const host = createFakeHost();
    try {
      host.setup('host_pot_root; host_base 13.1');
      copyFileSync(path.join(repo, 'packages/pot-core/share/pot.default.conf'), path.join(host.etcDir, 'pot.default.conf'));
      expect((await host.pot('create', '-p', 'web', '-b', '13.1', '-N', 'public-bridge')).code).toBe(0);
      expect((await host.pot('create-private-bridge', '-B', 'stove', '-S', '4')).code).toBe(0);
      const stove = readFileSync(path.join(host.fsRoot, 'bridges', 'stove'), 'utf8');
      const stoveNet = /net=(\S+)/.exec(stove)?.[1] ?? '';
      const inStove = stoveNet.replace(/\.(\d+)\/\d+$/, (_, last: string) => `.${Number(last) + 2}`);
      for (const [address, holder] of [
        ['10.192.0.3', 'pot web'],
        ['10.192.0.1', 'the gateway'],
        [inStove, 'bridge stove'],
      ] as const) {
        const r = potnet(host, 'validate', '-H', address);
        expect(r.code, address).toBe(1);
        expect(r.stderr, address).toContain(`potnet: ${address} is held by ${holder}`);
      }
      expect(potnet(host, 'validate', '-H', '10.192.0.100').code).toBe(0);
    } finally {
      host.cleanup();
    }
  });
});
