/**
 * The --json contract: every shipped JSON Schema (apps/cli/schemas) is the one
 * generated from the zod schema that builds the output, and every --json
 * output of the read commands validates against its shipped schema — as do
 * the two shapes nomad-pot-driver decodes (get-rss -J, last-run-stats).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { JSON_OUTPUTS, jsonSchemaOf, type JsonOutputName } from '../src/json-output/schemas.js';
import { createFakeHost, fakePot, type FakeHost } from './fake-host.js';
import { assertJsonContract, SCHEMAS_DIR, schemaProblems, shippedSchema } from './json-schemas.js';

const schemasDir = SCHEMAS_DIR;
const shipped = shippedSchema;

describe('shipped JSON Schemas', () => {
  it('are exactly the ones generated from the zod schemas (node scripts/write-json-schemas.mjs after a build)', () => {
    expect(readdirSync(schemasDir).sort()).toEqual(
      Object.keys(JSON_OUTPUTS)
        .map((n) => `${n}.schema.json`)
        .sort(),
    );
    for (const name of Object.keys(JSON_OUTPUTS) as JsonOutputName[]) expect(shipped(name), name).toEqual(jsonSchemaOf(name));
  });
});

function valid(name: JsonOutputName, stdout: string): unknown {
  const value: unknown = JSON.parse(stdout);
  expect(schemaProblems(name, value), `${name}\n${stdout}`).toBe('');
  return value;
}

let host: FakeHost;
async function json(name: JsonOutputName, ...argv: string[]): Promise<Record<string, unknown>> {
  const r = await host.pot(...argv);
  expect(r.code, `pot ${argv.join(' ')}: ${r.stderr}${r.stdout}`).toBe(0);
  expect(
    r.stdout.split('\n').filter((l) => l !== ''),
    'one JSON line',
  ).toHaveLength(1);
  return valid(name, r.stdout) as Record<string, unknown>;
}

beforeAll(() => {
  host = createFakeHost();
  host.setup('host_pot_root; host_base 13.1; host_sysctl kern.racct.enable=1; host_sysctl hw.clockrate=2400');
  for (const [name, network, ip] of [
    ['web', 'public-bridge', '10.192.0.3'],
    ['db', 'private-bridge', '10.192.1.2'],
    ['shell', 'inherit', ''],
  ] as const) {
    const conf = fakePot(host, name, network, ip);
    writeFileSync(
      conf,
      `${readFileSync(conf, 'utf8')}pot.attr.persistent=YES\npot.attr.devfs_ruleset=4\npot.export.ports=80:8080 udp:53\npot.rss.memory=512M\n${network === 'private-bridge' ? 'bridge=oven\n' : ''}`,
    );
    mkdirSync(path.join(host.fsRoot, 'jails', name, 'm'));
    writeFileSync(
      path.join(host.fsRoot, 'jails', name, 'conf', 'fscomp.conf'),
      `${host.fsRoot}/bases/13.1 ${host.fsRoot}/jails/${name}/m ro\nzroot/pot/jails/${name}/custom ${host.fsRoot}/jails/${name}/m/opt/custom\n`,
    );
  }
  mkdirSync(path.join(host.fsRoot, 'bridges'), { recursive: true });
  writeFileSync(path.join(host.fsRoot, 'bridges', 'oven'), 'net=10.192.1.0/28\ngateway=10.192.1.1\nname=oven\n');
  host.look('jail', '-c', 'name=web', 'path=/', 'persist');
  host.env.FAKEBSD_RCTL_USAGE = 'cputime=17 pcpu=3 swapuse=4096';
});
afterAll(() => host?.cleanup());

describe('every --json output validates against its shipped schema', () => {
  it('list: pots (plain and -v), -b, -f, -F, -B, -a', async () => {
    const pots = (await json('list', 'list', '--json')).pots as Array<Record<string, unknown>>;
    expect(pots.map((p) => [p.name, p.ip, p.active])).toEqual([
      ['db', '10.192.1.2', false],
      ['shell', null, false],
      ['web', '10.192.0.3', true],
    ]);
    const verbose = (await json('list', 'list', '-v', '--json')).pots as Array<Record<string, unknown>>;
    expect(verbose[2]).toMatchObject({ name: 'web', base: '13.1', level: 1, potbase: null });
    expect(verbose[2]?.datasets).toContainEqual({ mountpoint: `${host.fsRoot}/jails/web/m/opt/custom`, dataset: 'jails/web/custom' });
    expect(await json('list', 'list', '-b', '--json')).toEqual({ schemaVersion: 1, bases: ['13.1'] });
    expect(await json('list', 'list', '-f', '--json')).toEqual({ schemaVersion: 1, fscomps: [] });
    expect(await json('list', 'list', '-F', '--json')).toMatchObject({ schemaVersion: 1, flavours: expect.any(Array) });
    expect(await json('list', 'list', '-B', '--json')).toEqual({
      schemaVersion: 1,
      bridges: [{ name: 'oven', network: '10.192.1.0/28', gateway: '10.192.1.1' }],
    });
    expect(Object.keys(await json('list', 'list', '-a', '--json'))).toEqual(['schemaVersion', 'pots', 'bases', 'fscomps', 'flavours', 'bridges']);
  });

  it('info: -p (typed attributes, ports, resources), -s, -E, -B', async () => {
    const { pot } = (await json('info', 'info', '-p', 'web', '--json')) as { pot: Record<string, unknown> };
    expect(pot).toMatchObject({ name: 'web', level: 1, ip: '10.192.0.3', bridge: null, active: true, resources: { cpus: null, memory: 512 * 1024 ** 2 } });
    expect(pot.exportPorts).toEqual([
      { protocol: 'tcp', potPort: 80, hostPort: 8080 },
      { protocol: 'udp', potPort: 53, hostPort: null },
    ]);
    expect(pot.attributes).toMatchObject({ persistent: true, startAtBoot: false, toBePruned: false });
    expect(pot.jailAttributes).toMatchObject({ devfsRuleset: 4 });
    expect(JSON.stringify(pot)).not.toMatch(/"(YES|NO)"|"[a-z]+[-_][a-z-_]+":/);
    expect(((await json('info', 'info', '-p', 'db', '--json')).pot as Record<string, unknown>).bridge).toBe('oven');
    expect(await json('info', 'info', '-p', 'web', '-s', '--json')).toEqual({ schemaVersion: 1, snapshots: [] });
    expect((await json('info', 'info', '-p', 'web', '-E', '--json')).environment).toContainEqual({ name: '_POT_NAME', value: 'web' });
    expect((await json('info', 'info', '-B', 'oven', '--json')).bridge).toMatchObject({ name: 'oven', network: '10.192.1.0/28', addresses: expect.any(Array) });
  });

  it("show: sizes and counts are numbers (bytes from zfs get -p and rctl -u); the report keeps the tools' human text", async () => {
    const conf = path.join(host.fsRoot, 'jails', 'web', 'conf', 'pot.conf');
    const before = readFileSync(conf, 'utf8');
    writeFileSync(conf, `${before}pot.rss.cpus=2\n`);
    try {
      const { pots } = (await json('show', 'show', '-p', 'web', '-v', '--json')) as { pots: Array<Record<string, unknown>> };
      // the fake zfs: 96K used by a pot's dataset, 1.21G by host_base's; rctl: 64M virtual and 12M physical memory
      expect(pots[0]).toMatchObject({
        name: 'web',
        diskUsage: 98304,
        baseUsage: Math.round(1.21 * 1024 ** 3),
        datasets: [],
        running: true,
        memory: { virtual: 67108864, physical: 12582912 },
        cpus: 2,
      });
      const report = await host.pot('show', '-p', 'web', '-v');
      expect(report.stdout).toContain(
        '\tdisk usage      : 96K\n\tbase usage      : 1.21G\n\tvirtual memory  : 64M\n\tphysical memory : 12M\n\tmax amount of CPUs: 2\n',
      );
      const { pot } = (await json('info', 'info', '-p', 'web', '--json')) as { pot: { resources: unknown } };
      expect(pot.resources).toEqual({ cpus: 2, memory: 512 * 1024 ** 2 });
    } finally {
      writeFileSync(conf, before);
    }
  });

  it('show (-a, -p, -q), ps, config, doctor', async () => {
    const shown = (await json('show', 'show', '-a', '--json')).pots as Array<Record<string, unknown>>;
    expect(shown.map((p) => [p.name, p.running])).toEqual([
      ['db', false],
      ['shell', false],
      ['web', true],
    ]);
    expect(((await json('show', 'show', '-p', 'web', '--json')).pots as unknown[]).length).toBe(1);
    expect(await json('show', 'show', '-a', '-q', '--json')).toEqual({ schemaVersion: 1, names: ['db', 'shell', 'web'] });
    expect(await json('ps', 'ps', '--json')).toMatchObject({ schemaVersion: 1, running: ['web'] });
    expect(await json('config', 'config', '-g', 'zfs_root', '--json')).toEqual({ schemaVersion: 1, name: 'zfs_root', label: 'zfs_root', value: 'zroot/pot' });
    const r = await host.pot('doctor', '--json');
    const findings = (valid('doctor', r.stdout) as { findings: Array<{ fix: unknown }> }).findings;
    expect(findings.length).toBeGreaterThan(3);
    expect(findings.every((f) => f.fix === null || typeof f.fix === 'string')).toBe(true);
  });

  it('get-attribute, get-rss, last-run-stats', async () => {
    expect(await json('get-attribute', 'get-attribute', '-p', 'web', '-A', 'persistent', '--json')).toEqual({
      schemaVersion: 1,
      pot: 'web',
      attribute: 'persistent',
      value: true,
    });
    expect(await json('get-attribute', 'get-attribute', '-p', 'web', '-A', 'devfs_ruleset', '--json')).toMatchObject({ value: 4 });
    expect(await json('get-rss', 'get-rss', '-p', 'web', '--json')).toEqual({
      schemaVersion: 1,
      pot: 'web',
      cpu: { ticks: 17, mhz: 72, percent: 3 },
      memory: { virtual: 67108864, physical: 12582912, swap: 4096 },
    });
    expect(await json('last-run-stats', 'last-run-stats', '-p', 'web', '--json')).toEqual({ schemaVersion: 1, pot: 'web', exitCode: null });
    writeFileSync(path.join(host.fsRoot, 'jails', 'web', 'conf', '.last_run_stats'), '{ "ExitCode": 3 }\n');
    expect(await json('last-run-stats', 'last-run-stats', '-p', 'web', '--json')).toMatchObject({ exitCode: 3 });
  });

  it("nomad-pot-driver's shapes stay shell pot's: get-rss -J and last-run-stats without --json", async () => {
    const rss = await host.pot('get-rss', '-p', 'web', '-J');
    expect(rss.stdout).toBe(
      '{ "ResourceUsage": { "MemoryStats": { "RSS" : 12582912, "Swap" : 4096 }, "CpuStats": { "TotalTicks": 72.000, "Percent": 3 } } } \n',
    );
    valid('get-rss-nomad', rss.stdout);
    writeFileSync(path.join(host.fsRoot, 'jails', 'web', 'conf', '.last_run_stats'), '{ "ExitCode": 3 }\n');
    const stats = await host.pot('last-run-stats', '-p', 'web');
    expect(stats.stdout).toBe('{ "ExitCode": 3 }\n');
    valid('last-run-stats-nomad', stats.stdout);
    valid('last-run-stats-nomad', '{}');
  });

  it("every --json output of the fake host's runs is checked: one its schema does not describe fails the run", () => {
    expect(() =>
      assertJsonContract(
        ['show', '-p', 'web', '--json'],
        '{"schemaVersion":1,"pots":[{"name":"web","diskUsage":"96K","running":false,"memory":null,"cpus":null,"redirections":[]}]}',
      ),
    ).toThrow(/schemas\/show\.schema\.json: data\/pots\/0\/diskUsage must be integer/);
    expect(() => assertJsonContract(['ps', '--json'], 'not json')).toThrow(/printed no JSON object/);
    expect(() => assertJsonContract(['info', '-p', 'nope', '--json'], '{"schemaVersion":1,"error":"not-found","message":"pot nope not found"}')).not.toThrow();
    expect(() => assertJsonContract(['top', '--json'], '{"schemaVersion":1}')).toThrow(/no shipped schema/);
  });

  it('errors: the error schema, with the code', async () => {
    const r = await host.pot('info', '-p', 'nope', '--json');
    expect(r.code).toBe(1);
    expect(valid('error', r.stdout)).toEqual({ schemaVersion: 1, error: 'not-found', message: 'pot nope not found', suggestion: "'pot ls' lists the pots" });
    valid('error', (await host.pot('list', '-b', '-f', '--json')).stdout);
  });
});
